@testable import CallBrowser
import CallsCore
import Foundation
import Testing

/// `s` / `S` re-sort the list and keep the selected call selected wherever the new order puts
/// it, also on a page not loaded yet (like tig and lazygit); a call the new query does not
/// list leaves the cursor on the first row, without an error.
@Suite struct ResortKeepsSelectionTests {
    /// 250 calls, 7 hours apart: more than two pages, so most places are not loaded at first.
    func started() async -> TestDriver {
        var d = TestDriver(columns: 80, rows: 24, service: FakeCRMService(callCount: 250))
        await d.start()
        #expect(!d.state.list.rows.isComplete)
        return d
    }

    @Test func theSelectedCallStaysSelectedWhenTheTimeSortPutsItOnAPageNotLoadedYet() async {
        var d = await started()
        await d.press("j", "j")
        #expect(d.state.list.selected?.id == "1002")
        await d.press("s")
        #expect(d.state.list.sort == .oldestFirst)
        // Third newest of 250 is third from the bottom oldest first.
        #expect(d.state.list.cursor == 247)
        #expect(d.state.list.selected?.id == "1002")
        #expect(d.screen.joined().contains("Call 3 Follow-up"))
    }

    @Test func theSelectedCallStaysSelectedWhenTheDurationSortPutsItInTheMiddle() async {
        var d = await started()
        await d.press("<PgDn>", "<PgDn>", "<PgDn>", "<PgDn>", "<PgDn>", "<PgDn>")
        let id = d.state.list.selected?.id
        let i = Int(id ?? "")! - 1000
        await d.press("S")
        #expect(d.state.list.sort == .longestFirst)
        // Durations grow with i: the calls after it in age are the longer ones.
        #expect(d.state.list.cursor == 249 - i)
        #expect(d.state.list.selected?.id == id)
        await d.press("S")
        #expect(d.state.list.cursor == i)
        #expect(d.state.list.selected?.id == id)
    }

    @Test func aSelectedCallTheNewQueryDoesNotListLeavesTheCursorOnTheFirstRowWithoutAnError() async {
        var d = await started()
        await d.press("j", "j")
        // Deleted elsewhere meanwhile: the new order's search does not have it.
        try? await d.service.archive(.calls, id: "1002")
        await d.press("s")
        #expect(d.state.list.cursor == 0)
        #expect(d.state.list.selected?.id == "1249")
        #expect(d.state.status.message?.kind != .error)
        #expect(d.state.status.message?.text == "Sorted oldest first")
    }
}
