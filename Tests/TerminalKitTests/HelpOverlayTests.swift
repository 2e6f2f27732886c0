import Testing
@testable import TerminalKit

@Suite struct HelpOverlayTests {
    static func keymap() -> Keymap {
        let actions = [
            ActionSpec(name: "quit", context: "global", defaultKeys: ["Q", "<C-c>"], help: "Quit", group: "General"),
            ActionSpec(name: "showHelp", context: "global", defaultKeys: ["?", "<F1>"], help: "Show this help", group: "General"),
            ActionSpec(name: "moveDown", context: "list", defaultKeys: ["j", "<Down>"], help: "Move down", group: "Navigation"),
            ActionSpec(name: "moveUp", context: "list", defaultKeys: ["k", "<Up>"], help: "Move up", group: "Navigation"),
            ActionSpec(name: "moveTop", context: "list", defaultKeys: ["gg"], help: "First call", group: "Navigation"),
            ActionSpec(name: "moveBottom", context: "list", defaultKeys: ["G"], help: "Last call", group: "Navigation"),
            ActionSpec(name: "deleteCall", context: "list", defaultKeys: ["d"], help: "Delete the call", group: "Editing", dangerous: true),
            ActionSpec(name: "pin", context: "list", defaultKeys: [], help: "Pin to the contact", group: "Editing"),
        ]
        var keymap = Keymap(actions: actions, contexts: ["global", "list"])
        keymap.loadDefaults()
        return keymap
    }

    @Test func helpLinesComeFromTheKeymap() {
        let help = HelpOverlay(sections: Self.keymap().helpSections())
        let rows = help.text.lines
        #expect(rows.first == "General")
        #expect(rows.contains { $0.hasPrefix("  d") && $0.hasSuffix("Delete the call (!)") })
        #expect(rows.contains { $0.contains("(unbound)") && $0.hasSuffix("Pin to the contact") })
    }

    @Test(arguments: snapshotSizes.indices)
    func helpOverlayFromAKeymap(size: Int) {
        let (columns, rows) = snapshotSizes[size]
        var help = HelpOverlay(sections: Self.keymap().helpSections(), viewportHeight: rows - 2)
        help.scrollDown(by: 1)
        var buffer = CellBuffer(width: columns, height: rows)
        help.render(in: buffer.area, buffer: &buffer)
        assertSnapshot(buffer, suite: "HelpOverlayTests", name: "helpOverlayFromAKeymap")
    }
}
