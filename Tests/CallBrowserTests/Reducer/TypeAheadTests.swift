@testable import CallBrowser
import CallsCore
import Foundation
import Testing

/// Keys typed after `e` while the call still loads are for the edit form: they wait for it
/// and go into it, never run on the list (where `d`, `y` would delete a call).
@Suite struct TypeAheadTests {
    /// A narrow screen (the detail loads only when asked) with the edit key pressed and the
    /// detail not answered yet: the driver holds the load until `answer` is called.
    func waitingForTheEditForm() async -> TestDriver {
        var d = TestDriver(columns: 80, rows: 24)
        await d.start()
        #expect(d.state.detail.detail == nil)
        _ = reduce(&d.state, .key("e"))
        #expect(d.state.pendingIntent != nil)
        return d
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
}
