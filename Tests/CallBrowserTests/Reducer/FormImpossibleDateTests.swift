@testable import CallBrowser
import CallsCore
import Foundation
import Testing

/// A typed date whose day or hour does not exist is refused in the form, naming the part,
/// instead of being saved as another day (QA4 Q4-17: `2026-02-30 10:00` became March 2nd).
@Suite struct FormImpossibleDateTests {
    @Test(arguments: [
        ("2026-02-30 10:00", "No such date: February has 28 days in 2026"),
        ("2026-11-26 25:00", "No such date: hour 25 is not 0–23"),
        ("2026-11-26 10:75", "No such date: minute 75 is not 0–59"),
        ("2026-4-31", "No such date: April has 30 days"),
    ])
    func anImpossibleActivityDateIsRefusedAndNotSaved(typed: String, message: String) async {
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

    @Test func theLastDayOfFebruaryInALeapYearIsALocalDate() {
        let utc = TimeZone(identifier: "UTC")!
        #expect(TimeFormat.wireValue(fromLocal: "2028-02-29 10:00", timeZone: utc) == "1835431200000")
        #expect(TimeFormat.wireValue(fromLocal: "2026-02-29 10:00", timeZone: utc) == "2026-02-29 10:00")
    }
}
