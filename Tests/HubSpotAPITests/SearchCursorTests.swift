import Testing
@testable import HubSpotAPI

@Suite struct SearchCursorTests {
    @Test func cursorsRoundTripAndPlainOffsetsAreAccepted() {
        let cursor = SearchCursor(offset: 7, bound: 1_700_000_000_000, base: 9_800, lastTimestamp: 1_699_999_999_000, run: 3)
        #expect(SearchCursor(cursor.encoded) == cursor)
        #expect(SearchCursor("200") == SearchCursor(offset: 200))
        #expect(SearchCursor(nil) == SearchCursor())
        #expect(SearchCursor("hcw1.1.-.0.-.0") == SearchCursor(offset: 1))
        #expect(SearchCursor("garbage") == nil)
        #expect(SearchCursor("hcw1.x.-.0.-.0") == nil)
    }

    @Test func runsOfEqualTimestampsAreCounted() {
        var cursor = SearchCursor()
        cursor.observe([5, 4, 4])
        #expect(cursor.lastTimestamp == 4 && cursor.run == 2)
        cursor.observe([4, 4])
        #expect(cursor.run == 4)
        cursor.observe([3])
        #expect(cursor.lastTimestamp == 3 && cursor.run == 1)
        cursor.observe([nil])
        #expect(cursor.lastTimestamp == nil && cursor.run == 0)
    }

    @Test func pagesStayInTheWindowWhileTheNextFitsUnderTheCap() {
        var cursor = SearchCursor(offset: 0)
        cursor.observe([10, 9])
        let next = cursor.next(afterPageOf: 2, windowTotal: 50, limit: 2, cap: 10, canAddFilter: true)
        #expect(next?.offset == 2 && next?.bound == nil)
    }

    @Test func crossingTheCapStartsANewWindowAtTheLastTimestamp() {
        // Eight results seen (offsets 0–7), the last three at t = 4; the next page would pass 10.
        var cursor = SearchCursor(offset: 6)
        cursor.observe([5, 4])
        cursor.lastTimestamp = 4
        cursor.run = 3
        let next = cursor.next(afterPageOf: 2, windowTotal: 50, limit: 4, cap: 10, canAddFilter: true)
        #expect(next?.bound == 4)
        #expect(next?.offset == 3)
        #expect(next?.base == 5)
        #expect(next?.total(windowTotal: 45) == 50)
    }

    @Test func theEndOfResultsEndsPaging() {
        let cursor = SearchCursor(offset: 40, lastTimestamp: 1, run: 1)
        #expect(cursor.next(afterPageOf: 10, windowTotal: 50, limit: 10, cap: 10_000, canAddFilter: true) == nil)
        #expect(cursor.next(afterPageOf: 0, windowTotal: 50, limit: 10, cap: 10_000, canAddFilter: true) == nil)
    }

    @Test func withoutRoomForAFilterPagingStopsAtTheCap() {
        var cursor = SearchCursor(offset: 0)
        cursor.observe([3, 2, 1])
        let clipped = cursor.next(afterPageOf: 3, windowTotal: 50, limit: 5, cap: 5, canAddFilter: false)
        #expect(clipped?.offset == 3 && clipped?.bound == nil)
        var last = SearchCursor(offset: 3)
        last.observe([1, 0])
        #expect(last.next(afterPageOf: 2, windowTotal: 50, limit: 5, cap: 5, canAddFilter: false) == nil)
    }
}
