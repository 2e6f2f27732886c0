// MARK: - CellRow

/// One row of a ``CellBuffer``'s cells, written through a pointer: the buffer checks that
/// its storage is unique once per write instead of once per cell.
///
/// Keeps the buffer's rule that no half of a wide grapheme is left behind; positions must be
/// inside the row.
struct CellRow {
    let start: UnsafeMutablePointer<Cell>
    let width: Int

    /// Puts a cell of width 1 or 2 at `x` (a wide one must end inside the row).
    @inline(__always)
    func put(_ cell: Cell, at x: Int) {
        if cell.columns == 1 {
            putNarrow(cell, at: x)
            return
        }
        breakWideCharacter(at: x)
        breakWideCharacter(at: x + 1)
        start[x] = cell
        start[x + 1] = Cell(code: 0, columns: 0, styleBits: cell.styleBits)
    }

    /// Puts a cell of width 1 at `x`.
    @inline(__always)
    func putNarrow(_ cell: Cell, at x: Int) {
        if start[x].columns != 1 { breakWideCharacter(at: x) }
        start[x] = cell
    }

    /// If `x` is half of a wide grapheme, turns the other half into a space (in its style) so
    /// that overwriting `x` leaves no orphan.
    func breakWideCharacter(at x: Int) {
        guard x >= 0, x < width else { return }
        let existing = start[x]
        if existing.isContinuation, x > 0 {
            start[x - 1] = Cell(code: GraphemeCode.space, columns: 1, styleBits: start[x - 1].styleBits)
            start[x] = Cell(code: GraphemeCode.space, columns: 1, styleBits: existing.styleBits)
        } else if existing.columns == 2, x + 1 < width {
            start[x + 1] = Cell(code: GraphemeCode.space, columns: 1, styleBits: existing.styleBits)
        }
    }
}

extension CellBuffer {
    /// Runs `body` with row `y` (inside the buffer).
    @inline(__always)
    mutating func withRow<T>(_ y: Int, _ body: (CellRow) -> T) -> T {
        let width = width
        return cells.withUnsafeMutableBufferPointer { cells in
            body(CellRow(start: cells.baseAddress! + y * width, width: width))
        }
    }
}
