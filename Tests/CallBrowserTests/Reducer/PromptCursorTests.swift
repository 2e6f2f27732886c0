@testable import CallBrowser
import CallsCore
import Foundation
import Testing
import TerminalKit

/// The `/` filter bar and the pickers' searches edit like the forms' text fields (one
/// `FieldEditor`): the cursor moves, text goes in where it is, and it is drawn there.
@Suite struct PromptCursorTests {
    func started() async -> TestDriver {
        var d = TestDriver()
        await d.start()
        return d
    }

    @Test func theFilterBarMovesItsCursorAndEditsWhereItIs() async {
        var d = await started()
        await d.press("/")
        await d.type("renewal")
        await d.press("<C-a>")
        await d.type("status:done ")
        #expect(d.state.list.editingFilter == "status:done renewal")
        await d.press("<C-e>", "<Left>", "<Left>", "<BS>")
        #expect(d.state.list.editingFilter == "status:done reneal")
        await d.press("<Home>", "<C-f>", "<C-k>")
        #expect(d.state.list.editingFilter == "s")
        await d.press("<End>", "<C-b>", "<C-u>")
        #expect(d.state.list.editingFilter == "s")
        #expect(d.state.list.filterCaret == 0)
    }

    @Test func theFilterBarDrawsItsCursorWhereItIs() async {
        var d = await started()
        await d.press("/")
        await d.type("abc")
        await d.press("<Left>", "<Left>")
        let buffer = BrowserView.render(d.state)
        let y = d.state.rows - 1
        #expect(buffer.lines[y].hasPrefix("/abc"))
        // "/" is column 0: the cursor is on the "b".
        #expect(buffer[2, y].style.attributes.contains(.reverse))
        #expect(!buffer[4, y].style.attributes.contains(.reverse))
    }

    @Test func aPasteGoesInAtTheFilterCursor() async {
        var d = await started()
        await d.press("/")
        await d.type(" renewal")
        await d.press("<C-a>")
        await d.send(.text("owner:ana"))
        #expect(d.state.list.editingFilter == "owner:ana renewal")
    }

    @Test func thePickerSearchMovesItsCursorAndEditsWhereItIs() async {
        var d = await started()
        await d.press("o")
        await d.type("mail")
        await d.press("<Home>")
        await d.type("voice")
        #expect(PickerController.current(d.state)?.query == "voicemail")
        #expect(PickerController.current(d.state)?.visibleItems.map(\.label) == ["Left voicemail"])
        await d.press("<C-a>", "<Right>", "<C-k>")
        #expect(PickerController.current(d.state)?.query == "v")
        await d.press("<C-e>", "<C-w>")
        #expect(PickerController.current(d.state)?.query == "")
        #expect(d.state.modal != nil)
    }

    @Test func thePickerDrawsItsSearchCursorWhereItIs() async {
        var d = await started()
        await d.press("o")
        await d.type("left")
        await d.press("<Left>", "<Left>", "<Left>")
        let buffer = BrowserView.render(d.state)
        guard let y = buffer.lines.firstIndex(where: { $0.contains("> left") }), let x = buffer.lines[y].range(of: "> left").map({ buffer.lines[y].distance(from: buffer.lines[y].startIndex, to: $0.lowerBound) }) else {
            Issue.record("no search line")
            return
        }
        let column = buffer.lines[y].prefix(x).reduce(0) { $0 + $1.displayWidth } + 2
        #expect(buffer[column + 1, y].style.attributes.contains(.reverse), "the cursor is on the e")
        #expect(!buffer[column + 4, y].style.attributes.contains(.reverse))
    }

    @Test func movingTheSearchCursorDoesNotSearchTheServerAgain() async {
        var d = await started()
        await d.press("a")
        await d.press("<Enter>")
        await d.type("ch")
        let searches = d.effects.filter { if case .searchRecords = $0 { true } else { false } }.count
        await d.press("<Left>", "<C-a>", "<End>")
        #expect(d.effects.filter { if case .searchRecords = $0 { true } else { false } }.count == searches)
        await d.press("<BS>")
        #expect(d.effects.filter { if case .searchRecords = $0 { true } else { false } }.count == searches + 1)
    }
}
