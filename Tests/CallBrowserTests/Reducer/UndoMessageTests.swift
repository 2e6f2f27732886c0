@testable import CallBrowser
import CallsCore
import Foundation
import Testing

/// `u` says which call it changed back and selects it, and an undone association reads as an
/// undo, not as a new action (QA3 R9).
@Suite struct UndoMessageTests {
    func started(columns: Int = 120) async -> TestDriver {
        var d = TestDriver(columns: columns, rows: 40)
        await d.start()
        return d
    }

    /// Opens the edit form on the selected call, replaces the title, saves.
    func retitle(_ d: inout TestDriver, to title: String) async {
        await d.press("e", "<C-u>")
        await d.type(title)
        await d.press("<C-s>")
        #expect(d.state.modal == nil)
    }

    @Test func undoingAnEditOfAnotherCallNamesItByTheTitleItGetsBackAndSelectsIt() async {
        var d = await started()
        await retitle(&d, to: "Renewal signed")
        await d.press("j", "j")
        #expect(d.state.list.selected?.id == "1002")
        await d.press("u")
        #expect(d.state.status.message?.text == "Undid “Saved 1 change(s)” on “Call 1 Renewal check-in”")
        #expect(d.state.list.selected?.id == "1000")
        #expect(d.state.detail.detail?.call.title == "Call 1 Renewal check-in")
    }

    @Test func undoingAnOutcomeInTheFullScreenDetailOfAnotherCallShowsTheChangedCall() async {
        var d = await started(columns: 80)
        await d.press("o")
        await d.type("wrong")
        await d.press("<Enter>", "j", "<Enter>")
        #expect(d.state.focus == .detail)
        #expect(d.state.detail.callID == "1001")
        await d.press("u")
        #expect(d.state.status.message?.text == "Undid “Outcome set to Wrong number” on “Call 1 Renewal check-in”")
        #expect(d.state.detail.callID == "1000")
        #expect(d.screen.joined().contains("Call 1 Renewal check-in"))
    }

    @Test func aLongOrHostileTitleIsCleanedAndShortenedInTheUndoMessage() async {
        var d = await started()
        await retitle(&d, to: "Plain")
        let hostile = "Evil\u{1B}[2J title \u{202E}reversed " + String(repeating: "long ", count: 30)
        d.state.list.rows.modify(at: 0) { $0.call.object[property: CallProperty.title] = hostile }
        d.state.detail.detail?.call.object[property: CallProperty.title] = hostile
        d.state.undo = UndoEntry(label: "Saved 1 change(s)", revert: .update(callIDs: ["1000"], previous: ["1000": [CallProperty.body: ""]]))
        await d.press("u")
        let text = d.state.status.message?.text ?? ""
        #expect(text.hasPrefix("Undid “Saved 1 change(s)” on “Evil"))
        #expect(!text.contains("\u{1B}") && !text.contains("\u{202E}"))
        #expect(text.count < 110)
    }

    @Test func undoingARemovedAssociationReadsAsAnUndoAndNamesTheCall() async {
        var d = await started()
        await d.press("x", "<Down>", "<Enter>", "y")
        #expect(d.state.status.message?.text.hasPrefix("Removed the association with company Acme Corp") == true)
        await d.press("j")
        await d.press("u")
        #expect(await d.service.isLinked(call: "1000", to: ObjectRef(.companies, "301")))
        #expect(d.state.status.message?.text == "Undid “Removed the association with company Acme Corp” on “Call 1 Renewal check-in”")
        #expect(d.state.list.selected?.id == "1000")
        #expect(d.state.detail.detail?.associations[.companies]?.map(\.name) == ["Acme Corp"])
    }

    @Test func anUndoThatFailsSaysItCouldNotUndoAndKeepsTheChange() async {
        var d = await started()
        await retitle(&d, to: "Renewal signed")
        await d.press("j")
        await d.service.fail("update")
        await d.press("u")
        let text = d.state.status.message?.text ?? ""
        #expect(text.hasPrefix("Could not undo “Saved 1 change(s)” on “Call 1 Renewal check-in”: "), "\(text)")
        #expect(text.contains("update refused by the fake"))
        #expect(d.state.list.rows[0]?.call.title == "Renewal signed")
    }

    @Test func undoingAnAddedAssociationReadsAsAnUndo() async {
        var d = await started()
        await d.press("j", "j", "j", "j", "a", "<Enter>")
        await d.type("eva")
        await d.press("<Enter>")
        #expect(await d.service.isLinked(call: "1004", to: ObjectRef(.contacts, "203")))
        await d.press("u")
        #expect(await !d.service.isLinked(call: "1004", to: ObjectRef(.contacts, "203")))
        #expect(d.state.status.message?.text == "Undid “Associated with contact Eva Novak” on “Call 5 Renewal check-in”")
    }
}
