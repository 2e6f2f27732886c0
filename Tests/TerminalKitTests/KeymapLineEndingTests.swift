import Testing
@testable import TerminalKit

/// keymap.conf saved on Windows (CRLF, often with a byte-order mark) reads like the LF file
/// (QA4 Q4-22: the whole file was one line and one misleading arity warning).
@Suite struct KeymapLineEndingTests {
    static let actions = [
        ActionSpec(name: "moveDown", context: "list", defaultKeys: ["j"], help: "Move down", group: "Navigation"),
        ActionSpec(name: "moveUp", context: "list", defaultKeys: ["k"], help: "Move up", group: "Navigation"),
    ]

    @Test(arguments: [
        "bind list J move-down\r\nbind list K move-up\r\n# comment\r\n",
        "\u{FEFF}bind list J move-down\r\nbind list K move-up\r\n# comment\r\n",
        "\u{FEFF}bind list J move-down\nbind list K move-up\n",
        "bind list J move-down\rbind list K move-up\r",
    ])
    func everyLineOfAWindowsFileIsBound(text: String) {
        let result = Keymap.load(text, actions: Self.actions, contexts: ["list"])
        #expect(result.diagnostics.map(\.description) == [])
        #expect(result.keymap.action(for: KeySequence(notation: "J")!, in: "list") == "moveDown")
        #expect(result.keymap.action(for: KeySequence(notation: "K")!, in: "list") == "moveUp")
    }

    @Test func aBadLineInACRLFFileIsReportedWithItsOwnLineNumber() {
        let result = Keymap.load("bind list J move-down\r\nbind list K\r\n", file: "crlf.conf", actions: Self.actions, contexts: ["list"])
        #expect(result.diagnostics.map(\.line) == [2])
        #expect(result.keymap.action(for: KeySequence(notation: "J")!, in: "list") == "moveDown")
    }
}
