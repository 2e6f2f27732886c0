@testable import CallBrowser
import CallsCore
import Foundation
import Testing

/// A saved change to the sort key moves the row to its place and the cursor with it, without
/// `R`; a quick-logged call is selected where it lands (QA2 Q11).
@Suite struct ResortAfterEditTests {
    func started() async -> TestDriver {
        var d = TestDriver()
        await d.start()
        return d
    }

    /// Opens the edit form on the selected call, types `value` into the field `name`, saves.
    func edit(_ d: inout TestDriver, _ name: String, to value: String) async {
        await d.press("e")
        guard case .form(var form) = d.state.modal, let index = form.fields.firstIndex(where: { $0.name == name }) else {
            Issue.record("no \(name) field")
            return
        }
        form.focus = index
        d.state.modal = .form(form)
        await d.press("<C-u>")
        await d.type(value)
        await d.press("<C-s>")
    }

    @Test func anOlderActivityDateMovesTheRowDownAndTheCursorFollowsIt() async {
        var d = await started()
        #expect(d.state.list.selected?.id == "1000")
        // Between call 1003 (21 h before the fake's epoch) and call 1004 (28 h before).
        await edit(&d, CallProperty.timestamp, to: "2025-11-25 14:00")
        #expect(d.state.modal == nil)
        #expect(d.state.list.rows.loaded.prefix(5).map(\.id) == ["1001", "1002", "1003", "1000", "1004"])
        #expect(d.state.list.cursor == 3)
        #expect(d.state.list.selected?.id == "1000")
        #expect(d.screen.joined().contains("Call 1 Renewal check-in"))
    }

    @Test func aNewerActivityDateMovesTheRowUp() async {
        var d = await started()
        await d.press("j", "j", "j", "j")
        #expect(d.state.list.selected?.id == "1004")
        await edit(&d, CallProperty.timestamp, to: "2025-11-26 12:30")
        #expect(d.state.list.rows.loaded.first?.id == "1004")
        #expect(d.state.list.cursor == 0)
        #expect(d.state.list.selected?.id == "1004")
    }

    @Test func aLongerDurationMovesTheRowWhenSortedByDuration() async {
        var d = await started()
        await d.press("S")
        let last = d.state.list.rows.loaded.last?.id
        await d.press("G")
        #expect(d.state.list.selected?.id == last)
        await edit(&d, CallProperty.duration, to: "5h")
        #expect(d.state.list.cursor == 0)
        #expect(d.state.list.selected?.id == last)
    }

    @Test func undoingTheEditPutsTheRowBack() async {
        var d = await started()
        await edit(&d, CallProperty.timestamp, to: "2025-11-25 14:00")
        await d.press("u")
        #expect(d.state.list.rows.loaded.first?.id == "1000")
        #expect(d.state.list.selected?.id == "1000")
    }

    /// QA3 R2: the edit moved the call past the loaded pages (into the gap); the undo must
    /// bring it back where its restored date sorts, with the cursor on it, and the list keeps
    /// every call (no 250 → 249 once the end is loaded).
    @Test func undoingAnEditThatMovedTheCallPastTheLoadedPagesPutsItBackUnderTheCursor() async {
        var d = TestDriver(columns: 80, rows: 24, service: FakeCRMService(callCount: 250))
        await d.start()
        await d.press("j")
        #expect(d.state.list.selected?.id == "1001")
        await edit(&d, CallProperty.timestamp, to: "2025-01-01 10:00")
        #expect(d.state.list.index(of: "1001") == nil)
        await d.press("u")
        #expect(d.state.list.rows.loaded.prefix(3).map(\.id) == ["1000", "1001", "1002"])
        #expect(d.state.list.selected?.id == "1001")
        #expect(d.state.list.total == 250)
        // Page through to the end: every page loads from the head.
        for _ in 0..<15 { await d.press("<C-f>") }
        let ids = d.state.list.rows.loaded.map(\.id)
        #expect(d.state.list.rows.isComplete)
        #expect(ids.count == 250 && Set(ids).count == 250)
    }

    @Test func aQuickLoggedCallIsSelectedAtTheTopOfANewestFirstList() async {
        var d = await started()
        await d.press("j", "j")
        await d.press("c", "<Tab>", "<Tab>")
        await d.type("Just now")
        await d.press("<C-s>")
        #expect(d.state.list.rows.first?.call.title == "Just now")
        #expect(d.state.list.cursor == 0)
        #expect(d.state.list.selected?.call.title == "Just now")
    }
}

/// The row window's part: where an edited row goes among loaded segments and the gap.
@Suite struct RowWindowRepositionTests {
    func row(_ id: Int, at hoursAgo: Double) -> CallRow {
        let when = HubSpotTimestamp.format(TestDriver.now.addingTimeInterval(-hoursAgo * 3600))
        return CallRow(call: Call(CRMObject(id: String(id), properties: [CallProperty.timestamp: when], createdAt: TestDriver.now, updatedAt: TestDriver.now)))
    }

    /// Head rows 1…10 (1 h … 10 h ago), tail rows 91…100, of 100 calls, newest first.
    func window() -> RowWindow {
        var window = RowWindow()
        window.apply((1...10).map { row($0, at: Double($0)) }, to: .replace, total: 100, next: "10")
        window.apply((91...100).reversed().map { row($0, at: Double($0)) }, to: .tail, total: 100, next: "10")
        return window
    }

    func retimed(_ window: inout RowWindow, _ id: Int, hoursAgo: Double) {
        let index = window.index(of: String(id))!
        window.modify(at: index) { $0 = row(id, at: hoursAgo) }
    }

    @Test func aRowThatNowBelongsBetweenTheSegmentsLeavesTheHeadAndItsPageStartsOneEarlier() {
        var window = window()
        retimed(&window, 3, hoursAgo: 50)
        #expect(window.reposition(id: "3", by: CallSort.newestFirst.precedes) == nil)
        #expect(window.count == 100)
        #expect(window.index(of: "3") == nil)
        #expect(window.head.map(\.id) == ["1", "2", "4", "5", "6", "7", "8", "9", "10"])
        #expect(window.headCursor == .after("9"))
        #expect(window[99]?.id == "100")
    }

    @Test func aRowSentIntoTheGapComesBackWhenItsKeyIsRestoredAndItsPageStartsWhereItDid() {
        var window = window()
        retimed(&window, 3, hoursAgo: 50)
        window.reposition(id: "3", by: CallSort.newestFirst.precedes)
        #expect(window.placeFromGap(row(3, at: 60), by: CallSort.newestFirst.precedes) == nil)
        #expect(window.placeFromGap(row(3, at: 3), by: CallSort.newestFirst.precedes) == 2)
        #expect(window.head.map(\.id) == (1...10).map(String.init))
        #expect(window.headCursor == .after("10"))
        #expect(window.count == 100)
        #expect(window.placeFromGap(row(3, at: 3), by: CallSort.newestFirst.precedes) == nil)
    }

    @Test func aRowThatNowBelongsInTheTailMovesThere() {
        var window = window()
        retimed(&window, 2, hoursAgo: 95.5)
        // Calls 91…95 move up a place (the head lost one), call 2 takes the place after 95.
        #expect(window.reposition(id: "2", by: CallSort.newestFirst.precedes) == 94)
        #expect(window[93]?.id == "95" && window[94]?.id == "2" && window[95]?.id == "96")
        #expect(window.head.count == 9 && window.tail.count == 11)
        #expect(window.count == 100)
    }

    @Test func aRowInOrderWithItsNeighboursStays() {
        var window = window()
        retimed(&window, 5, hoursAgo: 5.5)
        #expect(window.reposition(id: "5", by: CallSort.newestFirst.precedes) == 4)
        #expect(window.head.map(\.id) == (1...10).map(String.init))
        #expect(window.headCursor == .after("10"))
    }
}
