@testable import CallBrowser
import CallsCore
import Foundation
import Testing

/// Keys typed after `e`, `p` or `x` while the call still loads are for the form or picker the
/// action opens: they wait for it and go into it, never run on the list (where `d`, `y` would
/// delete a call). When the action opens nothing (one record to pin on, or none), they are
/// dropped. A record search's `<Enter>` typed before the answer chooses from the answer.
@Suite struct TypeAheadTests {
    /// A narrow screen (the detail loads only when asked) with the edit key pressed and the
    /// detail not answered yet: the driver holds the load until `answer` is called.
    func waitingForTheEditForm() async -> TestDriver {
        await waiting(for: "e")
    }

    /// `key` pressed on the call `moves` rows down, its detail not answered yet.
    func waiting(for key: String, moves: Int = 0) async -> TestDriver {
        var d = TestDriver(columns: 80, rows: 24)
        await d.start()
        for _ in 0..<moves { await d.press("j") }
        #expect(d.state.detail.detail == nil)
        _ = reduce(&d.state, .key(key))
        #expect(d.state.pendingIntent != nil)
        return d
    }

    func typeAhead(_ d: inout TestDriver, _ keys: String...) {
        for key in keys { _ = reduce(&d.state, .key(key)) }
        #expect(d.state.modal == nil && d.state.pendingIntent != nil, "still waiting: nothing ran")
    }

    /// Sends the detail the load would have brought.
    func answer(_ d: inout TestDriver) async {
        guard let token = d.state.detail.loadingToken, let id = d.state.detail.callID else {
            Issue.record("no detail load")
            return
        }
        if let result = await d.runner.run(.loadDetail(token: token, callID: id)) { await d.send(result) }
    }

    @Test func keysTypedWhileTheCallLoadsGoIntoTheFormNotTheList() async {
        var d = await waitingForTheEditForm()
        for key in ["<End>", "<Space>", "d", "y", "!"] { _ = reduce(&d.state, .key(key)) }
        _ = reduce(&d.state, .text(" pasted"))
        #expect(d.state.modal == nil)
        #expect(d.state.list.marked.isEmpty)
        #expect(d.state.pendingDeletes.isEmpty)
        await answer(&d)
        #expect(d.state.openForm?.field(CallProperty.title)?.value == "Call 1 Renewal check-in dy! pasted")
        #expect(d.state.pendingDeletes.isEmpty && d.state.list.total == 12)
    }

    @Test func escapeStopsWaitingAndDropsWhatWasTyped() async {
        var d = await waitingForTheEditForm()
        _ = reduce(&d.state, .key("x"))
        _ = reduce(&d.state, .key("<Esc>"))
        #expect(d.state.pendingIntent == nil && d.state.typeAhead.isEmpty)
        await answer(&d)
        #expect(d.state.modal == nil)
        _ = reduce(&d.state, .key("j"))
        #expect(d.state.list.cursor == 1)
    }

    @Test func aCallThatFailsToLoadDropsWhatWasTypedForItsForm() async {
        var d = await waitingForTheEditForm()
        await d.service.fail("get")
        for key in ["d", "y"] { _ = reduce(&d.state, .key(key)) }
        await answer(&d)
        #expect(d.state.modal == nil)
        #expect(d.state.typeAhead.isEmpty && d.state.pendingIntent == nil)
        #expect(d.state.pendingDeletes.isEmpty)
    }

    // MARK: - Pin

    @Test func keysTypedWhilePinWaitsMoveAndChooseInItsPicker() async {
        var d = await waiting(for: "p")
        typeAhead(&d, "<Down>", "<Enter>")
        await answer(&d)
        #expect(d.state.modal == nil)
        #expect(await d.service.property(CallProperty.pinnedEngagement, of: .companies, id: "301") == "1000")
        #expect(await d.service.property(CallProperty.pinnedEngagement, of: .contacts, id: "201") == nil)
        #expect(d.state.list.cursor == 0 && d.state.detail.callID == "1000")
    }

    @Test func textTypedWhilePinWaitsFiltersItsPickerInsteadOfRunningListKeys() async {
        var d = await waiting(for: "p")
        // On the list, `a` would open the associate picker and `c` the quick-log form.
        typeAhead(&d, "a", "c", "m", "e", "<Enter>")
        await answer(&d)
        #expect(d.state.modal == nil)
        #expect(await d.service.property(CallProperty.pinnedEngagement, of: .companies, id: "301") == "1000")
        #expect(!d.effects.contains { if case .createCall = $0 { true } else { false } })
    }

    @Test func keysTypedForAPinThatNeedsNoPickerAreDroppedNotRunOnTheList() async {
        var d = await waiting(for: "p", moves: 1) // 1001: one contact, pinned at once
        typeAhead(&d, "d", "y")
        await answer(&d)
        #expect(await d.service.property(CallProperty.pinnedEngagement, of: .contacts, id: "202") == "1001")
        #expect(d.state.modal == nil)
        #expect(d.state.pendingDeletes.isEmpty && d.state.list.total == 12)
        #expect(d.state.typeAhead.isEmpty)
    }

    @Test func keysTypedForAPinThatIsRefusedAreDroppedAndTheReasonShown() async {
        var d = await waiting(for: "p", moves: 4) // 1004: no associations
        typeAhead(&d, "d", "y")
        await answer(&d)
        #expect(d.state.modal == nil)
        #expect(d.state.pendingDeletes.isEmpty && d.state.list.total == 12)
        #expect(d.state.status.message?.text.contains("No associated record to pin it on") == true)
    }

    // MARK: - Associations

    @Test func keysTypedWhileRemovingAnAssociationWaitsGoIntoItsPicker() async {
        var d = await waiting(for: "x")
        typeAhead(&d, "<Down>", "<Enter>")
        await answer(&d)
        guard case .confirm(let confirm) = d.state.modal else { Issue.record("no confirm: \(String(describing: d.state.modal))"); return }
        #expect(confirm.message.contains("Acme Corp"))
        #expect(await d.service.isLinked(call: "1000", to: ObjectRef(.companies, "301")), "asked first, nothing removed")
    }

    /// `a`, `<Enter>` (contact), then `eva` and `<Enter>` typed before the search for "eva"
    /// answers: the choice is from that answer, never the first record of the unfiltered list
    /// still on the screen.
    @Test func enterTypedBeforeARecordSearchAnswersChoosesFromTheAnswer() async {
        var d = TestDriver(columns: 80, rows: 24)
        await d.start()
        await d.press("j", "j", "j", "j", "a", "<Enter>")
        #expect(PickerController.current(d.state)?.items.count == 3, "the unfiltered records arrived")
        var held: [Effect] = []
        for key in ["e", "v", "a", "<Enter>"] { held += reduce(&d.state, .key(key)) }
        #expect(await !d.service.isLinked(call: "1004", to: ObjectRef(.contacts, "201")))
        await d.sendAll(held)
        #expect(await d.service.isLinked(call: "1004", to: ObjectRef(.contacts, "203")))
        #expect(await !d.service.isLinked(call: "1004", to: ObjectRef(.contacts, "201")))
        #expect(d.state.modal == nil)
    }

    @Test func enterTypedBeforeASearchThatFindsNothingKeepsThePickerOpenAndSaysSo() async {
        var d = TestDriver(columns: 80, rows: 24)
        await d.start()
        await d.press("a", "<Enter>")
        var held: [Effect] = []
        for key in ["z", "z", "<Enter>"] { held += reduce(&d.state, .key(key)) }
        await d.sendAll(held)
        #expect(PickerController.current(d.state)?.query == "zz")
        #expect(d.state.status.message?.text.contains("No match") == true)
        #expect(!d.effects.contains { if case .associate = $0 { true } else { false } })
    }
}
