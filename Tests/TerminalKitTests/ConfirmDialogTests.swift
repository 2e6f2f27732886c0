import Testing
@testable import TerminalKit

@Suite struct ConfirmDialogTests {
    let dialog = ConfirmDialog(title: "Delete call", message: "Delete “Renewal call 山田”? You can undo for 5 seconds.")

    @Test func enterAnswersNoByDefault() {
        var dialog = dialog
        #expect(dialog.focus == .no)
        #expect(dialog.handle(.enter) == .no)
    }

    @Test func yAnswersYesAndEscapeOrNAnswersNo() {
        var dialog = dialog
        #expect(dialog.handle(.character("y")) == .yes)
        #expect(dialog.handle(.character("n")) == .no)
        #expect(dialog.handle(.escape) == .no)
        #expect(dialog.handle(.character("x")) == nil)
    }

    @Test func movingFocusToYesMakesEnterConfirm() {
        var dialog = dialog
        #expect(dialog.handle(.left) == nil)
        #expect(dialog.focus == .yes)
        #expect(dialog.handle(.enter) == .yes)
    }

    @Test(arguments: snapshotSizes.indices)
    func deleteConfirmationWithNoFocused(size: Int) {
        let (columns, rows) = snapshotSizes[size]
        var buffer = CellBuffer(lines: Array(repeating: String(repeating: "·", count: columns), count: rows))
        dialog.render(in: buffer.area, buffer: &buffer)
        assertSnapshot(buffer, suite: "ConfirmDialogTests", name: "deleteConfirmationWithNoFocused")
    }
}
