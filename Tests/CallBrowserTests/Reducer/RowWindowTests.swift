@testable import CallBrowser
import CallsCore
import Foundation
import Testing

/// The sparse row window on its own: segments, merging, duplicates, and gaps that cannot be
/// filled (a backend that stops a search early).
@Suite struct RowWindowTests {
    func row(_ index: Int) -> CallRow {
        CallRow(call: Call(CRMObject(id: "c\(index)", properties: [:], createdAt: TestDriver.now, updatedAt: TestDriver.now)))
    }

    func rows(_ range: Range<Int>) -> [CallRow] { range.map(row) }
    func reversed(_ range: Range<Int>) -> [CallRow] { range.reversed().map(row) }

    @Test func positionsInTheGapHaveNoRowAndTheTailIsAnchoredAtTheEnd() {
        var window = RowWindow()
        window.apply(rows(0..<10), to: .replace, total: 100, next: "10")
        window.apply(reversed(90..<100), to: .tail, total: 100, next: "10")
        #expect(window.count == 100)
        #expect(window[9]?.id == "c9")
        #expect(window[10] == nil && window[89] == nil)
        #expect(window[90]?.id == "c90" && window[99]?.id == "c99")
        #expect(window.index(of: "c95") == 95)
        #expect(!window.isComplete)
    }

    @Test func aHeadPageThatRunsIntoTheTailMergesWithoutDuplicates() {
        var window = RowWindow()
        window.apply(rows(0..<10), to: .replace, total: 25, next: "10")
        window.apply(reversed(15..<25), to: .tail, total: 25, next: "10")
        window.apply(rows(10..<20), to: .head, total: 25, next: "20")
        #expect(window.isComplete)
        #expect(window.loaded.map(\.id) == (0..<25).map { "c\($0)" })
        #expect(window.headCursor == .end && window.tailCursor == .end)
    }

    @Test func rowsSeenBeforeAreDroppedWhenAPageOverlapsTheLastOne() {
        var window = RowWindow()
        window.apply(rows(0..<10), to: .replace, total: 40, next: "10")
        window.apply(rows(8..<18), to: .head, total: 40, next: "18") // offsets moved back after deletes
        #expect(window.head.map(\.id) == (0..<18).map { "c\($0)" })
    }

    @Test func newCallsAtTheTopMoveThePositionsButNotTheTail() {
        var window = RowWindow()
        window.apply(rows(0..<10), to: .replace, total: 100, next: "10")
        window.apply(reversed(90..<100), to: .tail, total: 100, next: "10")
        window.apply(rows(10..<20), to: .head, total: 102, next: "20")
        #expect(window.count == 102)
        #expect(window[101]?.id == "c99", "the last call is still last")
    }

    @Test func segmentsThatStopEarlyLeaveAGapNothingCanFill() {
        var state = AppState(columns: 80, rows: 24, now: TestDriver.now)
        var window = RowWindow()
        window.apply(rows(0..<10), to: .replace, total: 30, next: nil)
        #expect(!window.isComplete, "a search that stops at its cap is not the whole list")
        window.apply(reversed(20..<30), to: .tail, total: 30, next: nil)
        state.list.rows = window
        state.list.cursor = 15
        #expect(state.list.segmentToLoad(screenRows: 21) == nil)
        state.list.scroll = 5
        #expect(BrowserView.render(state).text.contains("not loaded"))
    }

    @Test func removingAndInsertingKeepTheCountAndTheTailInStep() {
        var window = RowWindow()
        window.apply(rows(0..<10), to: .replace, total: 100, next: "10")
        window.apply(reversed(90..<100), to: .tail, total: 100, next: "10")
        let gone = window.remove(at: 3)
        #expect(gone?.id == "c3" && window.count == 99 && window[98]?.id == "c99")
        window.insert(gone!, at: 3)
        #expect(window[3]?.id == "c3" && window.count == 100 && window[99]?.id == "c99")
        let last = window.remove(at: 99)
        window.insert(last!, at: 99)
        #expect(window[99]?.id == "c99")
        window.shiftOffsets(by: 2)
        #expect(window.headCursor == .after("8") && window.tailCursor == .after("8"))
    }
}
