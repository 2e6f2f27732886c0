import Testing
@testable import TerminalKit

/// A frame begun as the next after another is diffed only where it was written, and the
/// result must be what comparing every cell gives.
@Suite struct CellBufferDamageTests {
    @Test(arguments: 0..<40)
    func trackedChangesEqualAFullComparison(seed: Int) {
        var random = SeededRandom(seed: UInt64(seed))
        let texts = ["ab", "中文", "x", "é", "👍🏽", "     ", "日本語テキスト", "│"]
        var previous = CellBuffer(width: 12, height: 4)
        for _ in 0..<6 { previous.write(texts[random.next(texts.count)], x: random.next(12), y: random.next(4)) }
        var current = previous
        current.beginNextFrame()
        for _ in 0..<random.next(5) {
            switch random.next(4) {
            case 0: current.write(texts[random.next(texts.count)], x: random.next(12), y: random.next(4), style: random.next(2) == 0 ? .bold : .plain)
            case 1: current.set(Cell(grapheme: "中", width: 2), x: random.next(12), y: random.next(4))
            case 2: current.fill(Rect(x: random.next(12), y: random.next(4), width: random.next(6), height: 2), style: .reverse)
            default: current.setStyle(.underline, in: Rect(x: random.next(12), y: random.next(4), width: 3, height: 1))
            }
        }
        #expect(current.changes(from: previous) == current.untracked.changes(from: previous))
    }

    @Test(arguments: 0..<20)
    func anOlderFrameCaughtUpEqualsTheNewerOne(seed: Int) {
        var random = SeededRandom(seed: UInt64(seed) + 1_000)
        let texts = ["ab", "中文", "x", "👍🏽", "     ", "日本語"]
        var older = CellBuffer(width: 10, height: 3)
        older.write("0123456789", x: 0, y: random.next(3))
        var newer = older
        newer.beginNextFrame()
        for _ in 0..<4 { newer.write(texts[random.next(texts.count)], x: random.next(10), y: random.next(3), style: .bold) }
        var caughtUp = older
        caughtUp.catchUp(to: newer)
        #expect(caughtUp == newer)
        // It is that frame: the next frame drawn over it is diffed against `newer` by its writes.
        caughtUp.beginNextFrame()
        caughtUp.write("Z", x: random.next(10), y: random.next(3))
        #expect(caughtUp.changes(from: newer) == caughtUp.untracked.changes(from: newer))
        #expect(caughtUp.changes(from: newer).count <= 1)
    }

    @Test func catchingUpToAFrameNotDrawnOverThisOneCopiesIt() {
        var older = CellBuffer(lines: ["abc"])
        let unrelated = CellBuffer(lines: ["xyz"])
        older.catchUp(to: unrelated)
        #expect(older == unrelated)
    }

    @Test func aFrameIsDiffedOnlyWhereItWasWritten() {
        var previous = CellBuffer(width: 10, height: 3)
        previous.write("abc", x: 0, y: 0)
        var current = previous
        current.beginNextFrame()
        current.write("x", x: 5, y: 2)
        #expect(current.damage?.columns(row: 0, width: 10).isEmpty == true)
        #expect(current.damage?.columns(row: 2, width: 10).contains(5) == true)
        #expect(current.changes(from: previous).map { "\($0.x),\($0.y)" } == ["5,2"])
    }

    @Test func againstAnotherFrameEveryCellIsCompared() {
        let previous = CellBuffer(lines: ["abc"])
        var current = previous
        current.beginNextFrame()
        current.write("z", x: 2, y: 0)
        // Another frame with the same size, which this one was not drawn over.
        let other = CellBuffer(lines: ["xyz"])
        #expect(current.changes(from: other).map(\.x) == [0, 1])
    }

    @Test func equalityIgnoresWhichFrameABufferIs() {
        let a = CellBuffer(lines: ["abc"])
        var b = a
        b.beginNextFrame()
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
    }
}

extension CellBuffer {
    /// The same cells without frame tracking.
    var untracked: CellBuffer {
        var copy = self
        copy.damage = nil
        return copy
    }
}

/// A small deterministic generator (SplitMix64), so a failing seed can be replayed.
struct SeededRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next(_ bound: Int) -> Int {
        guard bound > 0 else { return 0 }
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
