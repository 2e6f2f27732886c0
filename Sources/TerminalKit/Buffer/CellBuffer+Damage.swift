// MARK: - Frame identity and damage

/// Which frame a ``CellBuffer`` is. A reference, so identity is exact and free of clocks or
/// counters shared between threads.
final class FrameIdentity: Sendable {}

/// The cells of a frame written since ``CellBuffer/beginNextFrame()``, per row as a column
/// range, and the frame they were written over.
struct Damage: Sendable {
    /// The frame this one started as a copy of.
    let base: FrameIdentity
    /// Per row, the written columns `lower..<upper` (empty when `lower >= upper`).
    private(set) var lower: [Int]
    private(set) var upper: [Int]

    init(base: FrameIdentity, height: Int) {
        self.base = base
        lower = Array(repeating: Int.max, count: height)
        upper = Array(repeating: Int.min, count: height)
    }

    /// Records columns `from..<to` of `row` as written (clamped later, by the diff).
    mutating func mark(row: Int, from: Int, to: Int) {
        if from < lower[row] { lower[row] = from }
        if to > upper[row] { upper[row] = to }
    }

    mutating func markAll() {
        for row in lower.indices {
            lower[row] = Int.min
            upper[row] = Int.max
        }
    }

    /// The written columns of `row`, within `0..<width`.
    func columns(row: Int, width: Int) -> Range<Int> {
        let start = max(0, lower[row]), end = min(width, upper[row])
        return start < end ? start..<end : 0..<0
    }
}
