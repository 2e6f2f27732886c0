import Testing
@testable import TerminalKit

@Suite struct ListWidgetTests {
    @Test func renderingAsksOnlyForTheVisibleRowsOfAMillionRowList() {
        var state = ListState(count: 1_000_000, viewportHeight: 20)
        state.select(500_000)
        var buffer = CellBuffer(width: 30, height: 20)
        var requested: [Int] = []
        ListView.render(state, in: buffer.area, buffer: &buffer) { index, area, _, buffer in
            requested.append(index)
            buffer.write("row \(index)", in: area)
        }
        #expect(requested.count == 20)
        #expect(requested.contains(500_000))
        #expect(buffer.lines.contains { $0.hasPrefix("row 500000") })
    }

    @Test func movingDownKeepsScrollOffRowsBelowTheSelection() {
        var state = ListState(count: 100, scrollOff: 2, viewportHeight: 10)
        for _ in 0..<7 { state.moveDown() }
        #expect(state.selection == 7)
        #expect(state.offset == 0)
        state.moveDown()
        #expect(state.offset == 1)
        #expect(state.visibleRange(height: 10) == 1..<11)
    }

    @Test func movingUpKeepsScrollOffRowsAboveTheSelection() {
        var state = ListState(count: 100, selection: 50, scrollOff: 2, viewportHeight: 10)
        let offset = state.offset
        state.moveUp(by: 7)
        #expect(state.selection == 43)
        #expect(state.offset == min(offset, 41))
    }

    @Test func pagesTopAndBottomAreClamped() {
        var state = ListState(count: 25, viewportHeight: 10)
        state.pageDown()
        #expect(state.selection == 9)
        state.pageDown()
        state.pageDown()
        #expect(state.selection == 24)
        #expect(state.offset == 15)
        state.pageUp()
        #expect(state.selection == 15)
        state.moveToTop()
        #expect(state.selection == 0)
        #expect(state.offset == 0)
        state.moveToBottom()
        #expect(state.selection == 24)
    }

    @Test func standardKeysMoveTheSelection() {
        var state = ListState(count: 5)
        #expect(state.handle(.down) == true)
        #expect(state.handle(.end) == true)
        #expect(state.selection == 4)
        #expect(state.handle(.home) == true)
        #expect(state.selection == 0)
        #expect(state.handle(.character("j")) == false)
    }

    @Test func shrinkingTheListKeepsTheSelectionInRange() {
        var state = ListState(count: 10, selection: 9)
        state.setCount(3)
        #expect(state.selection == 2)
        state.setCount(0)
        #expect(state.selection == nil)
        #expect(state.visibleRange(height: 5).isEmpty)
    }

    @Test func anEmptyListShowsItsPlaceholder() {
        var buffer = CellBuffer(width: 12, height: 2)
        ListView.render(ListState(), in: buffer.area, buffer: &buffer, emptyText: "no calls") { _ in "" }
        #expect(buffer.lines == ["no calls    ", "            "])
    }

    @Test(arguments: snapshotSizes.indices)
    func listWithSelectionAndWideText(size: Int) {
        let (columns, rows) = snapshotSizes[size]
        var state = ListState(count: 60, scrollOff: 2, viewportHeight: rows)
        state.select(30)
        var buffer = CellBuffer(width: columns, height: rows)
        ListView.render(state, in: buffer.area, buffer: &buffer) { index in
            "Call \(index) — 山田太郎 👍🏽 follow up about the renewal\t(\(index % 7) min)"
        }
        assertSnapshot(buffer, suite: "ListWidgetTests", name: "listWithSelectionAndWideText")
    }
}
