@testable import CallBrowser
import Foundation
import Testing
import TerminalKit

/// The defaults live in three places that must agree: the action table, the compiled-in
/// text, and the repo's keymap.conf. `UPDATE_SNAPSHOTS=1` regenerates the last two.
@Suite struct KeymapDefaultsTests {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let keymapFile = repoRoot.appendingPathComponent("keymap.conf")
    static let defaultKeymapSource = repoRoot.appendingPathComponent("Sources/CallBrowser/Actions/DefaultKeymap.swift")

    @Test func compiledInDefaultsEqualTheRepositoryKeymapFile() throws {
        let generated = BrowserKeymap.generatedDefaults()
        if ProcessInfo.processInfo.environment["UPDATE_SNAPSHOTS"] == "1" {
            try generated.write(to: Self.keymapFile, atomically: true, encoding: .utf8)
            let source = """
            // Generated from ActionTable by `UPDATE_SNAPSHOTS=1 swift test --filter KeymapDefaultsTests`;
            // must equal the repository's keymap.conf (a test checks both). Do not edit by hand.

            /// The default key bindings compiled into the app: the text of the repo's `keymap.conf`.
            public enum DefaultKeymap {
                public static let text = #\"\"\"
            \(generated)
            \"\"\"#
            }

            """
            try source.write(to: Self.defaultKeymapSource, atomically: true, encoding: .utf8)
        }
        let file = try String(contentsOf: Self.keymapFile, encoding: .utf8)
        #expect(DefaultKeymap.text == file)
        #expect(DefaultKeymap.text == generated, "keymap.conf is stale: run UPDATE_SNAPSHOTS=1 swift test --filter KeymapDefaultsTests")
    }

    @Test func defaultsLoadThroughTheUserParserWithoutDiagnostics() {
        let (bindings, diagnostics) = BrowserKeymap.load()
        #expect(diagnostics.map(\.description) == [])
        #expect(bindings == Bindings.defaults)
    }

    @Test func aUserFileOverridesAndUnbindsWithWarningsForBadLines() {
        let text = """
        bind list J move-down
        unbind list j
        bind list zz no-such-action
        bind nowhere x quit
        bind list <C-q> delete
        """
        let (bindings, diagnostics) = BrowserKeymap.load(userText: text, userFile: "user.conf")
        #expect(bindings.match(["J"], in: .list) == .action(.moveDown, .list))
        #expect(bindings.match(["j"], in: .list) == .none)
        #expect(bindings.match(["<C-q>"], in: .list) == .action(.deleteCall, .list))
        #expect(diagnostics.map(\.line) == [3, 4, 5])
        #expect(diagnostics.allSatisfy { $0.file == "user.conf" })
    }

    @Test func configNamesAreKebabCaseDerivedFromTheCaseNames() {
        #expect(ActionTable.configName(of: .copyID) == "copy-id")
        #expect(ActionTable.configName(of: .toggleSortTime) == "toggle-sort-time")
        #expect(ActionTable.configName(of: .moveDown) == "move-down")
        #expect(ActionTable.action(named: "Move_Down") == .moveDown)
        for action in Action.allCases {
            #expect(ActionTable.configName(of: action) == ActionName.configName(action.rawValue))
        }
    }

    @Test func everyActionHasAtLeastOneRowAndDangerousOnesAreDeleteAndRemove() {
        for action in Action.allCases { #expect(!ActionTable.rows.filter { $0.action == action }.isEmpty, "\(action)") }
        #expect(Set(ActionTable.rows.filter(\.dangerous).map(\.action)) == [.deleteCall, .removeAssociation])
    }
}
