// MARK: - Diff

/// One cell to repaint: its position and new content.
public struct CellChange: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var cell: Cell

    public init(x: Int, y: Int, cell: Cell) {
        self.x = x
        self.y = y
        self.cell = cell
    }
}

extension CellBuffer {
    /// The cells that differ from `previous`, in row-major order: what a backend must paint
    /// to turn the screen showing `previous` into this buffer.
    ///
    /// Continuation cells (right halves of wide graphemes) are never listed: painting the
    /// wide grapheme covers them. Because ``set(_:x:y:)`` never leaves half a wide grapheme,
    /// any change that touches one also lists the cell that now holds the other half:
    ///
    /// | previous | current | changes |
    /// |----------|---------|---------|
    /// | `ab`     | `中`     | (0: `中`) |
    /// | `中`     | `ab`    | (0: `a`), (1: `b`) |
    /// | `中x`    | `a x`   | (0: `a`), (1: ` `) |
    ///
    /// A buffer of another size differs everywhere. A buffer that began as the next frame
    /// after `previous` (``beginNextFrame()``) compares only the cells written since.
    public func changes(from previous: CellBuffer) -> [CellChange] {
        let sameSize = previous.width == width && previous.height == height
        let written = sameSize && damage?.base === previous.identity ? damage : nil
        let width = width, height = height
        // At most one change per cell looked at: written straight into the result, without
        // growing it or checking its uniqueness per change.
        let bound = written.map { damage in (0..<height).reduce(0) { $0 + damage.columns(row: $1, width: width).count } } ?? cells.count
        return cells.withUnsafeBufferPointer { current in
            previous.cells.withUnsafeBufferPointer { before in
                [CellChange](unsafeUninitializedCapacity: bound) { result, count in
                    count = 0
                    for row in 0..<height {
                        let columns = written?.columns(row: row, width: width) ?? 0..<width
                        for column in columns {
                            let index = row * width + column
                            let cell = current[index]
                            if cell.isContinuation { continue }
                            if sameSize && before[index] == cell { continue }
                            (result.baseAddress! + count).initialize(to: CellChange(x: column, y: row, cell: cell))
                            count += 1
                        }
                    }
                }
            }
        }
    }
}

extension CellBuffer {
    /// Applies `changes` (from ``changes(from:)``) as a terminal does: the same as
    /// ``set(_:x:y:)`` for each, in order, but through one row pointer at a time.
    public mutating func apply(_ changes: [CellChange]) {
        guard damage == nil else {
            for change in changes { set(change.cell, x: change.x, y: change.y) }
            return
        }
        let width = width, height = height
        cells.withUnsafeMutableBufferPointer { cells in
            for change in changes {
                guard change.y >= 0, change.y < height, let cell = CellBuffer.placed(change.cell, x: change.x, width: width) else { continue }
                CellRow(start: cells.baseAddress! + change.y * width, width: width).put(cell, at: change.x)
            }
        }
    }
}
