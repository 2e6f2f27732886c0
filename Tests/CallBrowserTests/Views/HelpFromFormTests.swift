@testable import CallBrowser
import CallsCore
import Foundation
import Testing

/// In a form `?` is text, so the status line's "read it whole" hint names `F1`, and `F1`
/// opens help over the form; closing help goes back to the form as it was (QA4 Q4-14).
@Suite struct HelpFromFormTests {
    static let longError = "Not saved: Property values were not valid: the server rejected hs_call_title because the correlation id 7f3c2a9e-1b2d-4c5e-8f90-123456789abc says so — <C-s> tries again"

    @Test func f1OpensHelpOverTheFormAndClosingItReturnsToTheForm() async {
        var d = TestDriver(columns: 80, rows: 24)
        await d.start()
        await d.press("e", "<C-u>")
        await d.type("abc?")
        #expect(d.state.openForm?.field(CallProperty.title)?.value == "abc?", "? stays text in a field")
        d.state.setStatus(Self.longError, .error)
        let statusLine = d.screen.last ?? ""
        #expect(statusLine.trimmingCharacters(in: .whitespaces).hasSuffix("(<F1>: all)"), "\(statusLine)")
        await d.press("<F1>")
        guard case .help = d.state.modal else { Issue.record("F1 did not open help"); return }
        let text = d.screen.joined(separator: "\n")
        #expect(text.contains("Last message"))
        #expect(text.contains("correlation id"))
        await d.press("<Esc>")
        #expect(d.state.openForm?.field(CallProperty.title)?.value == "abc?", "back in the form as it was")
        #expect(d.state.context == .form)
    }

    @Test func theListStillSaysQuestionMark() async {
        var d = TestDriver(columns: 80, rows: 24)
        await d.start()
        d.state.setStatus(Self.longError, .error)
        #expect((d.screen.last ?? "").trimmingCharacters(in: .whitespaces).hasSuffix("(?: all)"))
    }

    @Test func f1OpensHelpOverTheQuickLogOnlyForm() async {
        var d = TestDriver(columns: 80, rows: 24)
        d.state.quickLogOnly = true
        await d.start()
        await d.press("<F1>")
        #expect(d.screen.joined(separator: "\n").contains("Help — keys"))
        await d.press("q")
        #expect(d.state.openForm?.kind == .quickLog)
        #expect(!d.quit)
    }
}
