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

extension CellBuffer {
    /// Makes this buffer the frame `newer` is. When `newer` began as the next frame after
    /// this one (``beginNextFrame()``), only the cells it wrote are copied; otherwise this
    /// becomes a copy of it.
    ///
    /// A renderer that alternates between two buffers this way draws each frame into the
    /// older one, which nothing else holds any more, instead of copying the whole screen
    /// (and freeing the old one) for every frame: on a 120×40 screen that was most of the
    /// memory a cursor move touched.
    public mutating func catchUp(to newer: CellBuffer) {
        guard let written = newer.damage, written.base === identity, newer.width == width, newer.height == height else {
            self = newer
            return
        }
        // Cells are plain data: each row's written run is one memory copy.
        let width = width
        cells.withUnsafeMutableBufferPointer { target in
            newer.cells.withUnsafeBufferPointer { source in
                guard let to = target.baseAddress, let from = source.baseAddress else { return }
                for row in 0..<height {
                    let columns = written.columns(row: row, width: width)
                    guard !columns.isEmpty else { continue }
                    let start = row * width + columns.lowerBound
                    (to + start).update(from: from + start, count: columns.count)
                }
            }
        }
        identity = newer.identity
        damage = newer.damage
    }
}
