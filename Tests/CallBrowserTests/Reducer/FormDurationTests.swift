@testable import CallBrowser
import CallsCore
import Foundation
import Testing

/// The forms' duration field takes what `hubcalls log --duration` takes, says what it will
/// store, and explains garbage inline (QA2 Q10).
@Suite struct FormDurationTests {
    /// The edit form of the first call, focused on its duration field.
    func editingDuration() async -> TestDriver {
        var d = TestDriver()
        await d.start()
        await d.press("e")
        guard case .form(var form) = d.state.modal, let index = form.fields.firstIndex(where: { $0.name == CallProperty.duration }) else {
            Issue.record("no duration field")
            return d
        }
        form.focus = index
        d.state.modal = .form(form)
        await d.press("<C-u>")
        return d
    }

    @Test(arguments: [("90s", "90000"), ("5m", "300000"), ("1m30s", "90000"), ("1h 5m", "3900000"), ("01:02:03", "3723000")])
    func aDurationTypedInAnyAcceptedFormIsStoredInMilliseconds(typed: String, stored: String) async {
        var d = await editingDuration()
        await d.type(typed)
        #expect(d.state.openForm?.field(CallProperty.duration)?.error == nil)
        await d.press("<C-s>")
        #expect(d.state.modal == nil)
        #expect(await d.service.property(CallProperty.duration, of: .calls, id: "1000") == stored)
    }

    @Test func theFieldShowsWhatItWillStoreAndTheStoredValueReopensInTheClockForm() async {
        var d = await editingDuration()
        await d.type("90s")
        #expect(d.screen.contains { $0.contains("90s") && $0.contains("= 0:01:30") })
        await d.press("<C-s>", "e")
        #expect(d.state.openForm?.field(CallProperty.duration)?.value == "0:01:30")
    }

    /// A zero is no sub-second remainder: it reads in the clock form the field stores,
    /// not as "0 ms"; a real remainder still shows in milliseconds.
    @Test func zeroPreviewsInTheClockFormAndASubSecondValueInMilliseconds() async {
        var d = await editingDuration()
        await d.type("0")
        #expect(d.screen.contains { $0.contains("= 0:00:00") }, "\(d.screen.joined(separator: "\n"))")
        #expect(!d.screen.contains { $0.contains("= 0 ms") })
        await d.press("<C-u>")
        await d.type("250")
        #expect(d.screen.contains { $0.contains("= 250 ms") })
        await d.press("<C-u>")
        await d.type("0:00:00")
        #expect(!d.screen.contains { $0.contains("= 0:00:00") }, "the clock form needs no preview")
    }

    @Test func anEmptyDurationFieldSaysWhatItTakes() async {
        let d = await editingDuration()
        #expect(d.screen.contains { $0.contains("e.g. 90s, 5m, 1m30s, 1:30") })
    }

    @Test func garbageGetsAnInlineMessageAndIsNotSent() async {
        var d = await editingDuration()
        await d.type("soon")
        let error = d.state.openForm?.field(CallProperty.duration)?.error
        #expect(error == "Not a duration. Use e.g. \(CallDuration.examples).")
        await d.press("<C-s>")
        #expect(d.state.openForm != nil)
        #expect(!d.effects.contains { if case .saveCall = $0 { true } else { false } })
    }

    @Test func aSpaceInsideANumberIsExplainedNotReadAsOneNumber() async {
        var d = await editingDuration()
        await d.type("1 5m")
        let error = d.state.openForm?.field(CallProperty.duration)?.error ?? ""
        #expect(error.hasPrefix("A space splits the number 1 5"), "\(error)")
        await d.press("<C-s>")
        #expect(!d.effects.contains { if case .saveCall = $0 { true } else { false } })
    }
}
