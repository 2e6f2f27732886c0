@testable import CallBrowser
import CallsCore
import Foundation
import Testing

/// A save that fails keeps the form open with what the user typed and the reason; `<C-s>`
/// tries again (QA F20).
@Suite struct FormSaveTests {
    func started() async -> TestDriver {
        var d = TestDriver()
        await d.start()
        return d
    }

    @Test func aFailedSaveKeepsTheFormOpenWithTheTypedValuesAndTheReason() async {
        var d = await started()
        await d.service.fail("update")
        await d.press("e", "<C-u>")
        await d.type("Typed with care")
        await d.press("<C-s>")
        guard case .form(let form) = d.state.modal else { Issue.record("the form closed"); return }
        #expect(form.field(CallProperty.title)?.value == "Typed with care")
        #expect(form.error?.contains("update refused by the fake") == true)
        #expect(form.savingToken == nil)
        #expect(d.state.status.message?.kind == .error)
        #expect(d.state.status.message?.text.contains("<C-s> tries again") == true)
        // The optimistic change to the row was rolled back; the draft is kept.
        #expect(d.state.list.rows[0]?.call.title == "Call 1 Renewal check-in")
        #expect(!d.effects.contains(.clearDraft))
        #expect(BrowserView.render(d.state).text.contains("Not saved: update refused by the fake"))
    }

    @Test func controlSAfterAFailureTriesAgainAndClosesTheFormWhenItWorks() async {
        var d = await started()
        await d.service.fail("update")
        await d.press("e", "<C-u>")
        await d.type("Second try")
        await d.press("<C-s>")
        await d.service.heal("update")
        await d.press("<C-s>")
        #expect(d.state.modal == nil)
        #expect(await d.service.property(CallProperty.title, of: .calls, id: "1000") == "Second try")
        #expect(d.effects.last == .clearDraft)
    }

    @Test func hubSpotsMessageForAPropertyShowsUnderThatField() async {
        var d = await started()
        var error = CRMError(kind: .validation, status: 400, message: "Property values were not valid", category: "VALIDATION_ERROR")
        error.errors = [CRMError.Detail(message: "1732600000 is not a valid timestamp", code: "INVALID_DATE", context: ["propertyName": [CallProperty.title]])]
        await d.service.fail("update", with: error)
        await d.press("e")
        await d.type("!")
        await d.press("<C-s>")
        guard case .form(let form) = d.state.modal else { Issue.record("the form closed"); return }
        #expect(form.field(CallProperty.title)?.error == "1732600000 is not a valid timestamp")
        #expect(form.error?.contains("Property values were not valid") == true)
    }

    @Test func typingWhileTheSaveIsOutIsIgnoredSoNothingIsLostWhenItCloses() async {
        var d = await started()
        await d.press("e")
        guard case .form(var form) = d.state.modal else { Issue.record("no form"); return }
        form.savingToken = 99
        d.state.modal = .form(form)
        await d.type("x")
        #expect(d.state.openForm?.field(CallProperty.title)?.value == "Call 1 Renewal check-in")
    }

    @Test func aFailedQuickLogKeepsTheFormAndItsValuesAndRetries() async {
        var d = await started()
        await d.service.fail("create")
        await d.press("c", "<Tab>", "<Tab>")
        await d.type("Logged after a hiccup")
        await d.press("<C-s>")
        guard case .form(let form) = d.state.modal else { Issue.record("the quick-log form closed"); return }
        #expect(form.field(CallProperty.title)?.value == "Logged after a hiccup")
        #expect(form.error?.contains("create refused by the fake") == true)
        await d.service.heal("create")
        await d.press("<C-s>")
        #expect(d.state.modal == nil)
        #expect(d.state.status.message?.text == "Logged call “Logged after a hiccup”")
    }
}
