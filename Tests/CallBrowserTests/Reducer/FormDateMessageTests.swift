@testable import CallBrowser
import CallsCore
import Foundation
import Testing

/// A bad date in a form says so in the form's terms: local time as the field shows it, not
/// `hs_timestamp` and ISO-8601 only (QA2 Q14).
@Suite struct FormDateMessageTests {
    @Test(arguments: [
        ("2026-13-45 99:00", "Not a date; use e.g. 2025-11-26 13:00 (UTC), ISO-8601 or epoch milliseconds"),
        ("1732600000", "1732600000 looks like epoch seconds (the call would land in 1970); use milliseconds (1732600000000) or a date such as 2025-11-26 13:00"),
    ])
    func aBadActivityDateIsExplainedInTheFormsTerms(typed: String, message: String) async {
        var d = TestDriver()
        await d.start()
        await d.press("e")
        guard case .form(var form) = d.state.modal, let index = form.fields.firstIndex(where: { $0.name == CallProperty.timestamp }) else {
            Issue.record("no date field")
            return
        }
        form.focus = index
        d.state.modal = .form(form)
        await d.press("<C-u>")
        await d.type(typed)
        #expect(d.state.openForm?.fields[index].error == message)
        await d.press("<C-s>")
        #expect(d.state.openForm != nil)
        #expect(d.state.status.message?.text == message)
    }
}
