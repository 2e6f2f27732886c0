@testable import CallBrowser
import CallsCore
import Foundation
import Testing

/// Pasted text (bracketed paste arrives as `Msg.text`) is literal input, never commands.
@Suite struct PasteTests {
    func started() async -> TestDriver {
        var d = TestDriver()
        await d.start()
        return d
    }

    @Test func aPasteIntoTheFilterBarIsOneLineAndDoesNotSubmitIt() async {
        var d = await started()
        await d.press("/")
        await d.send(.text("Olé\nd"))
        #expect(d.state.list.editingFilter == "Olé d")
        #expect(d.state.modal == nil)
    }

    @Test func aPasteOnTheListOpensTheFilterWithItInsteadOfRunningKeys() async {
        var d = await started()
        await d.send(.text("dyQ"))
        #expect(d.state.list.editingFilter == "dyQ")
        #expect(d.state.modal == nil)
        #expect(!d.quit)
        #expect(d.state.pendingDeletes.isEmpty)
    }

    @Test func aPasteIntoAOneLineFieldTurnsLineBreaksIntoSpaces() async {
        var d = await started()
        await d.press("e", "<C-u>")
        await d.send(.text("first\nsecond\n"))
        #expect(d.state.openForm?.focusedField?.value == "first second ")
    }

    @Test func aPasteIntoTheNotesKeepsItsLines() async {
        var d = await started()
        await d.press("c")
        guard case .form(var form) = d.state.modal, let notes = form.fields.firstIndex(where: { $0.name == CallProperty.body }) else { Issue.record("no form"); return }
        form.focus = notes
        d.state.modal = .form(form)
        await d.send(.text("line one\nline two"))
        #expect(d.state.openForm?.fields[notes].value == "line one\nline two")
    }

    @Test func aPasteIntoAConfirmDialogIsIgnored() async {
        var d = await started()
        await d.press("d")
        await d.send(.text("y\n"))
        guard case .confirm = d.state.modal else { Issue.record("the paste answered the dialog"); return }
        #expect(d.state.pendingDeletes.isEmpty)
    }

    @Test func aPasteIntoThePickerFiltersIt() async {
        var d = await started()
        await d.press("o")
        await d.send(.text("voicem\n"))
        #expect(PickerController.current(d.state)?.query == "voicem")
        #expect(d.state.modal != nil)
    }
}

/// The one-line inputs outside forms: the filter bar and picker searches.
@Suite struct PromptEditingTests {
    @Test func controlWDeletesTheLastWordOfTheFilterAndOfAPickerSearch() async {
        var d = TestDriver()
        await d.start()
        await d.press("/")
        await d.type("status:missed Olé")
        await d.press("<C-w>")
        #expect(d.state.list.editingFilter == "status:missed ")
        await d.press("<Esc>", "o")
        await d.type("left voice")
        await d.press("<C-w>")
        #expect(PickerController.current(d.state)?.query == "left ")
    }
}
