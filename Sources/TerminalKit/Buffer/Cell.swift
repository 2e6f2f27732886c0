// MARK: - Cell

/// One terminal cell: a grapheme, the number of columns it covers, and its style.
///
/// A wide grapheme (CJK, most emoji) is stored in its first cell with `width == 2`; the cell
/// to its right is a *continuation* cell (empty grapheme, width 0) that backends skip.
/// A grapheme is never split: ``CellBuffer`` replaces any half of a wide character that
/// gets overwritten, or that would be cut at the right edge, by a space.
public struct Cell: Hashable, Sendable {
    /// The text of the cell: one grapheme, or empty for a continuation cell.
    public var grapheme: String
    /// Columns covered: 1 for most characters, 2 for wide ones, 0 for continuation cells.
    public var width: Int
    public var style: Style

    public init(grapheme: String, width: Int, style: Style = .plain) {
        self.grapheme = grapheme
        self.width = width
        self.style = style
    }

    /// A space with the given style.
    public static func blank(_ style: Style = .plain) -> Cell {
        Cell(grapheme: " ", width: 1, style: style)
    }

    /// The right half of a wide character.
    public static func continuation(_ style: Style = .plain) -> Cell {
        Cell(grapheme: "", width: 0, style: style)
    }

    /// Whether this is the right half of a wide character.
    public var isContinuation: Bool { width == 0 }
}
