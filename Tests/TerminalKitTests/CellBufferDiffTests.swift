import Testing
@testable import TerminalKit

@Suite struct CellBufferDiffTests {
    @Test func identicalBuffersHaveNoChanges() {
        let buffer = CellBuffer(lines: ["abc", "中文"])
        #expect(buffer.changes(from: buffer).isEmpty)
    }

    @Test func onlyChangedCellsAreListedInRowMajorOrder() {
        let previous = CellBuffer(lines: ["abcd", "efgh"])
        var current = previous
        current.write("X", x: 2, y: 0)
        current.write("Y", x: 0, y: 1)
        let changes = current.changes(from: previous)
        #expect(changes.map { "\($0.x),\($0.y),\($0.cell.grapheme)" } == ["2,0,X", "0,1,Y"])
    }

    @Test func aStyleChangeAloneIsAChange() {
        let previous = CellBuffer(lines: ["ab"])
        var current = previous
        current.setStyle(.bold, in: Rect(x: 1, y: 0, width: 1, height: 1))
        #expect(current.changes(from: previous).map(\.x) == [1])
    }

    @Test func aWideCharacterIsOneChangeThatCoversBothColumns() {
        let previous = CellBuffer(lines: ["abcd"])
        var current = previous
        current.write("中", x: 1, y: 0)
        let changes = current.changes(from: previous)
        #expect(changes.count == 1)
        #expect(changes.first?.x == 1)
        #expect(changes.first?.cell.width == 2)
    }

    @Test func replacingAWideCharacterWithNarrowOnesRepaintsBothColumns() {
        let previous = CellBuffer(lines: ["中x"])
        var current = previous
        current.write("a", x: 0, y: 0)
        #expect(current.lines == ["a x"])
        #expect(current.changes(from: previous).map { "\($0.x):\($0.cell.grapheme)" } == ["0:a", "1: "])
    }

    @Test func shiftingAWideCharacterByOneColumnRepaintsTheOldAndNewHeads() {
        let previous = CellBuffer(lines: ["中  "])
        var current = CellBuffer(width: 4, height: 1)
        current.write("中", x: 1, y: 0)
        let changes = current.changes(from: previous)
        #expect(changes.map { "\($0.x):\($0.cell.grapheme)" } == ["0: ", "1:中"])
    }

    @Test func aBufferOfAnotherSizeChangesEverywhereExceptContinuations() {
        let previous = CellBuffer(width: 2, height: 1)
        let current = CellBuffer(lines: ["中a"])
        #expect(current.changes(from: previous).map(\.x) == [0, 2])
    }

    @Test func applyingTheChangesToThePreviousFrameReproducesTheCurrentOne() {
        let previous = CellBuffer(lines: ["hello 中文 world", "second line 👍"])
        var current = previous
        current.write("日本", x: 3, y: 0)
        current.write("x", x: 13, y: 1)
        var replayed = previous
        for change in current.changes(from: previous) {
            replayed.set(change.cell, x: change.x, y: change.y)
        }
        #expect(replayed == current)
        var applied = previous
        applied.apply(current.changes(from: previous))
        #expect(applied == current)
    }

    @Test(arguments: 0..<40)
    func applyingChangesIsSettingEachInTurn(seed: Int) {
        var random = SeededRandom(seed: UInt64(seed) + 5_000)
        let cells = [Cell(grapheme: "中", width: 2), Cell(grapheme: "a", width: 1, style: .bold), Cell(grapheme: "👨‍👩‍👧", width: 2), .blank(.reverse), .continuation(), Cell(grapheme: "x", width: 3)]
        var start = CellBuffer(width: 8, height: 3)
        start.write(["ab中文cd", "中文中文", "x👍🏽yz"][random.next(3)], x: 0, y: random.next(3))
        let changes = (0..<random.next(12)).map { _ in CellChange(x: random.next(9) - (random.next(8) == 0 ? 1 : 0), y: random.next(3), cell: cells[random.next(cells.count)]) }
        var applied = start, set = start
        applied.apply(changes)
        for change in changes { set.set(change.cell, x: change.x, y: change.y) }
        #expect(applied == set)
    }
}
