@testable import CallBrowser
import CallsCore
import Foundation
import Testing
import TerminalKit

/// Text fields in the edit and quick-log forms: readline keys, the multi-line notes, and
/// forms on screens too small or too short for them (QA F16, F27, F15, F21).
@Suite struct FormTextEditingTests {
    func started(columns: Int = 120, rows: Int = 40) async -> TestDriver {
        var d = TestDriver(columns: columns, rows: rows)
        await d.start()
        return d
    }

    var titleValue: (TestDriver) -> String? { { $0.state.openForm?.field(CallProperty.title)?.value } }

    /// Quick-log with the focus on the notes.
    func inNotes(columns: Int = 120, rows: Int = 40) async -> TestDriver {
        var d = await started(columns: columns, rows: rows)
        await d.press("c")
        guard case .form(var form) = d.state.modal, let notes = form.fields.firstIndex(where: { $0.name == CallProperty.body }) else { return d }
        form.focus = notes
        d.state.modal = .form(form)
        return d
    }

    var notesValue: (TestDriver) -> String? { { $0.state.openForm?.field(CallProperty.body)?.value } }

    @Test func readlineKeysEditTheTitle() async {
        var d = await started()
        await d.press("e") // "Call 1 Renewal check-in", caret at the end
        await d.press("<C-w>")
        #expect(titleValue(d) == "Call 1 Renewal ")
        await d.press("<A-b>", "<C-k>")
        #expect(titleValue(d) == "Call 1 ")
        await d.press("<Home>")
        await d.type(">")
        await d.press("<End>")
        await d.type("<")
        #expect(titleValue(d) == ">Call 1 <")
        await d.press("<C-a>", "<A-f>", "<Del>")
        #expect(titleValue(d) == ">Call1 <")
        await d.press("<C-e>", "<C-Left>", "<C-u>")
        #expect(titleValue(d) == "Call1 <")
    }

    @Test func enterInTheNotesStartsANewLineAndDoesNotMoveOn() async {
        var d = await inNotes()
        await d.type("first")
        await d.press("<Enter>")
        await d.type("second")
        #expect(notesValue(d) == "first\nsecond")
        #expect(d.state.openForm?.focusedField?.name == CallProperty.body)
        #expect(!d.effects.contains { if case .createCall = $0 { true } else { false } })
    }

    @Test func upAndDownMoveBetweenTheNotesLinesAndLeaveTheFieldAtItsEdges() async {
        var d = await inNotes()
        await d.type("ab")
        await d.press("<Enter>")
        await d.type("cd")
        await d.press("<Up>")
        #expect(d.state.openForm?.focusedField?.name == CallProperty.body)
        #expect(d.state.openForm?.focusedField?.caret == 2)
        await d.press("<Up>")
        #expect(d.state.openForm?.focusedField?.name == CallProperty.title)
        await d.press("<Down>")
        #expect(d.state.openForm?.focusedField?.name == CallProperty.body)
        await d.press("<Down>", "<Down>")
        #expect(d.state.openForm?.focusedField?.name == CallProperty.direction)
    }

    @Test func theNotesWrapOverSeveralRowsInTheForm() async {
        var d = await inNotes(columns: 80, rows: 24)
        await d.type(String(repeating: "word ", count: 20))
        await d.press("<Enter>")
        await d.type("last line")
        let screen = d.screen
        let notesRows = screen.filter { $0.contains("word") || $0.contains("last line") }
        #expect(notesRows.count >= 3, "\(screen.joined(separator: "\n"))")
        #expect(!screen.joined().contains("⏎"))
        #expect(screen.contains { $0.contains("last line") })
    }

    @Test func aFormOnATinyTerminalSaysItIsTooSmall() async {
        var d = await started(columns: 20, rows: 5)
        await d.press("e")
        let text = d.screen.joined(separator: " ")
        #expect(text.contains("too small"), "\(d.screen.joined(separator: "\n"))")
    }

    @Test func theLastFieldOfTheEditFormScrollsTheReadOnlyRowsAfterItIntoView() async {
        var d = await started(columns: 80, rows: 24)
        await d.press("e", "<S-Tab>")
        guard let form = d.state.openForm else { Issue.record("no form"); return }
        let lastLabel = form.fields.last!.label
        #expect(d.screen.contains { $0.contains(lastLabel) }, "\(d.screen.joined(separator: "\n"))")
    }

    @Test func aLongValidationMessageWrapsUnderItsField() async {
        var d = await started(columns: 80, rows: 24)
        await d.press("e")
        guard case .form(var form) = d.state.modal, let index = form.fields.firstIndex(where: { $0.name == CallProperty.timestamp }) else { Issue.record("no form"); return }
        form.focus = index
        d.state.modal = .form(form)
        await d.press("<C-u>")
        await d.type("1732600000")
        guard let message = d.state.openForm?.fields[index].error else { Issue.record("no inline error"); return }
        // The end of the message (what to type instead) is on screen, not cut at the box.
        let tail = String(message.split(separator: " ").suffix(2).joined(separator: " "))
        #expect(d.screen.joined(separator: " ").contains(tail), "\(message)\n\(d.screen.joined(separator: "\n"))")
    }
}

/// Small things QA found around forms and undo (F4, F17).
@Suite struct FormAndUndoMessageTests {
    @Test func aValidationErrorDoesNotLingerAfterTheFormIsDiscarded() async {
        var d = TestDriver()
        await d.start()
        await d.press("e", "<C-u>")
        await d.type("")
        guard case .form(var form) = d.state.modal, let index = form.fields.firstIndex(where: { $0.name == CallProperty.timestamp }) else { Issue.record("no form"); return }
        form.focus = index
        d.state.modal = .form(form)
        await d.press("<C-u>")
        await d.type("1732600000")
        await d.press("<C-s>")
        #expect(d.state.status.message?.kind == .error)
        await d.press("<Esc>", "y")
        #expect(d.state.modal == nil)
        #expect(d.state.status.message?.kind != .error)
    }

    @Test func undoAfterTheWindowSaysTheDeleteWasSentAndWhereTheCallIs() async {
        var d = TestDriver()
        await d.start()
        await d.press("d", "y")
        await d.advance(seconds: 9)
        #expect(await !d.service.exists(.calls, "1000"))
        await d.press("u")
        let text = d.state.status.message?.text ?? ""
        #expect(text.hasPrefix("Too late to undo: “Call 1 Renewal check-in” was deleted when its 8-second undo window ended"), "\(text)")
        #expect(text.contains("hubcalls delete --undo 1000"))
    }
}

@Suite struct TinyTerminalTests {
    @Test func theOutcomePickerOnATinyTerminalSaysItIsTooSmall() async {
        var d = TestDriver(columns: 20, rows: 5)
        await d.start()
        await d.press("o")
        #expect(d.screen.joined(separator: " ").contains("too small"), "\(d.screen.joined(separator: "\n"))")
    }
}
