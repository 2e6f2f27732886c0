@testable import CallBrowser
import CallsCore
import Foundation
import Testing

/// `Esc` and the next key in one read arrive as one Alt chord (`<A-/>`). Unless the chord
/// means something where it is typed, it is taken as the two keys, so nothing is lost.
@Suite struct EscapeChordTests {
    func started() async -> TestDriver {
        var d = TestDriver(columns: 120, rows: 40)
        await d.start()
        return d
    }

    @Test func escapeThenSlashInOneReadClearsTheMarksAndOpensTheFilterPrompt() async {
        var d = await started()
        await d.press("<Space>")
        #expect(!d.state.list.marked.isEmpty)
        await d.press("<A-/>")
        #expect(d.state.list.marked.isEmpty)
        #expect(d.state.list.editingFilter == "")
    }

    @Test func escapeThenAMotionKeyStillMovesTheCursor() async {
        var d = await started()
        let first = d.state.list.cursor
        await d.press("<A-j>")
        #expect(d.state.list.cursor == first + 1)
    }

    @Test func escapeThenEnterInTheFilterPromptAbandonsItAndOpensTheDetail() async {
        var d = await started()
        await d.press("/")
        await d.type("abc")
        await d.press("<A-Enter>")
        #expect(d.state.list.editingFilter == nil)
        #expect(d.state.list.filterText == "")
        #expect(d.state.focus == .detail)
    }

    @Test func altWordMotionInAFormFieldIsStillAnEditingKey() async {
        var d = await started()
        await d.press("e", "<C-u>")
        await d.type("one two")
        await d.press("<A-b>")
        await d.type("X")
        #expect(d.state.openForm?.field(CallProperty.title)?.value == "one Xtwo")
        #expect(d.state.modal != nil)
    }

    @Test func aBoundAltChordKeepsItsAction() async {
        var d = TestDriver(columns: 120, rows: 40)
        d.state.bindings.table[.list, default: [:]][["<A-j>"]] = .moveBottom
        await d.start()
        await d.press("<A-j>")
        #expect(d.state.list.cursor > 1)
    }
}
