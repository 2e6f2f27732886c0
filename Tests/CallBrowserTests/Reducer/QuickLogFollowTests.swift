@testable import CallBrowser
import CallsCore
import Foundation
import Testing

/// After quick-logging, the new call is selected wherever the list's order puts it, also on a
/// page not loaded yet (the bottom of an oldest-first list, the middle of a duration sort).
@Suite struct QuickLogFollowTests {
    /// 250 calls, 7 hours apart, up to an hour before now: more than two pages.
    func started(columns: Int = 80, rows: Int = 24) async -> TestDriver {
        var d = TestDriver(columns: columns, rows: rows, service: FakeCRMService(callCount: 250))
        await d.start()
        #expect(d.state.list.total == 250)
        #expect(!d.state.list.rows.isComplete)
        return d
    }

    /// Opens quick-log, types a title, sets the duration when given, saves with one key.
    func quickLog(_ d: inout TestDriver, title: String, duration: String? = nil) async {
        await d.press("c", "<Tab>", "<Tab>")
        await d.type(title)
        if let duration {
            guard case .form(var form) = d.state.modal, let index = form.fields.firstIndex(where: { $0.name == CallProperty.duration }) else {
                Issue.record("no duration field")
                return
            }
            form.focus = index
            d.state.modal = .form(form)
            await d.press("<C-u>")
            await d.type(duration)
        }
        await d.press("<C-s>")
        #expect(d.state.modal == nil)
    }

    @Test func aCallLoggedInAnOldestFirstListIsSelectedAtTheBottomOnAPageNotLoadedYet() async {
        var d = await started()
        await d.press("s")
        #expect(d.state.list.sort == .oldestFirst)
        await d.press("j", "j")
        await quickLog(&d, title: "Logged just now")
        #expect(d.state.list.total == 251)
        #expect(d.state.list.cursor == 250)
        #expect(d.state.list.selected?.call.title == "Logged just now")
        #expect(d.screen.joined().contains("Logged just now"))
        #expect(d.screen.last?.hasSuffix("251/251") == true || d.state.status.message != nil)
    }

    @Test func aCallLoggedInADurationSortIsSelectedInTheMiddleWhereItsDurationPutsIt() async {
        var d = await started()
        await d.press("S")
        #expect(d.state.list.sort == .longestFirst)
        // The fake's durations are (37 i + 5) s for i = 0…249. 1 h 20 min (4 800 s) lies between
        // i = 129 (4 778 s) and i = 130 (4 815 s): 120 calls are longer, past the first page.
        await quickLog(&d, title: "Eighty minutes", duration: "1:20:00")
        #expect(d.state.list.total == 251)
        #expect(d.state.list.cursor == 120)
        #expect(d.state.list.selected?.call.title == "Eighty minutes")
    }

    @Test func aCallTheFilterDoesNotShowIsNotSelectedAndTheStatusSaysWhy() async {
        var d = await started()
        await d.press("s", "/")
        await d.type("status:missed")
        await d.press("<Enter>")
        let before = d.state.list.selected?.id
        #expect(before != nil)
        await quickLog(&d, title: "Completed call")
        #expect(d.state.list.selected?.id == before)
        #expect(d.state.status.message?.text.contains("Logged call “Completed call”") == true)
        #expect(d.state.status.message?.text.contains("filter") == true)
    }

    @Test func movingTheCursorBeforeTheNewCallIsFoundStopsFollowingIt() async {
        var d = await started()
        // `s` keeps the selected call, now at the bottom: `gg` puts the cursor far from
        // where the new call will be, so the `j` below cannot land on it.
        await d.press("s", "gg")
        await d.press("c", "<Tab>", "<Tab>")
        await d.type("Not followed")
        // Save, but hold the search for the call's place: the user moves on meanwhile.
        var queue = reduce(&d.state, .key("<C-s>"))
        var held: [Effect] = []
        while !queue.isEmpty {
            let effect = queue.removeFirst()
            if case .locateCall = effect { held.append(effect); continue }
            if let result = await d.runner.run(effect) { queue += reduce(&d.state, result) }
        }
        #expect(held.count == 1)
        await d.press("j")
        let cursor = d.state.list.cursor
        for effect in held { if let result = await d.runner.run(effect) { await d.send(result) } }
        #expect(d.state.list.cursor == cursor)
        #expect(d.state.list.selected?.call.title != "Not followed")
    }

    /// HubSpot's search lists a new call only after a moment: the list waits for it, then
    /// reloads and selects it.
    @Test func aCallTheSearchListsOnlyAfterAMomentIsSelectedOnceItDoes() async {
        var d = await started()
        await d.press("s")
        await d.service.lagSearches(by: 3)
        await quickLog(&d, title: "Indexed late")
        #expect(d.state.list.total == 251)
        #expect(d.state.list.cursor == 250)
        #expect(d.state.list.selected?.call.title == "Indexed late")
    }

    @Test func aCallTheSearchNeverListsIsReportedWithTheWayToRefresh() async {
        var d = await started()
        await d.press("s")
        await d.service.lagSearches(by: 1000)
        await quickLog(&d, title: "Never indexed")
        #expect(d.state.list.selected?.call.title != "Never indexed")
        #expect(d.state.status.message?.text.contains("Logged call “Never indexed”") == true)
        #expect(d.state.status.message?.text.contains("R refreshes") == true)
    }
}

/// The list's count leaves out calls whose delete waits; the server's count of the calls
/// before the new one includes them.
@Suite struct QuickLogFollowWithPendingDeletesTests {
    @Test func aCallLoggedWhileADeleteWaitsIsStillSelectedAtTheBottom() async {
        var d = TestDriver(columns: 80, rows: 24, service: FakeCRMService(callCount: 250))
        await d.start()
        await d.press("s", "d", "y")
        #expect(d.state.pendingDeletes.count == 1)
        await d.press("c", "<Tab>", "<Tab>")
        await d.type("After a delete")
        await d.press("<C-s>")
        #expect(d.state.list.total == 250)
        #expect(d.state.list.selected?.call.title == "After a delete")
        #expect(d.state.list.cursor == 249)
    }
}
