// MARK: - Cell

/// One terminal cell: a grapheme, the number of columns it covers, and its style.
///
/// A wide grapheme (CJK, most emoji) is stored in its first cell with `width == 2`; the cell
/// to its right is a *continuation* cell (empty grapheme, width 0) that backends skip.
/// A grapheme is never split: ``CellBuffer`` replaces any half of a wide character that
/// gets overwritten, or that would be cut at the right edge, by a space.
///
/// A cell is 16 bytes of plain data, with no reference to count: a grapheme of up to 8 UTF-8
/// bytes (every single scalar, a letter with two accents, a flag, an emoji with a skin tone)
/// is kept inline, and a longer one (a ZWJ sequence, a letter with many combining marks) as
/// an index into ``GraphemeStore``. So copying, filling, comparing and diffing a screen of
/// cells are plain memory operations, instead of a retain and a release of a `String` per
/// cell (see <doc:WideCharactersAndDiffing>).
public struct Cell: Hashable, Sendable {
    /// The grapheme's UTF-8 bytes, first byte lowest, zero-padded; or an interned grapheme
    /// (low byte `0xFF`, which never starts UTF-8; see ``GraphemeStore``). Equal graphemes
    /// always have equal codes, so cells compare by their bits.
    var code: UInt64
    /// Columns covered, as ``width``.
    var columns: UInt8
    public var style: Style

    public init(grapheme: String, width: Int, style: Style = .plain) {
        self.code = GraphemeCode.encode(grapheme)
        self.columns = UInt8(clamping: width)
        self.style = style
    }

    /// A cell from an encoded grapheme (``GraphemeCode``).
    init(code: UInt64, columns: UInt8, style: Style) {
        self.code = code
        self.columns = columns
        self.style = style
    }

    /// The text of the cell: one grapheme, or empty for a continuation cell.
    public var grapheme: String {
        get { GraphemeCode.decode(code) }
        set { code = GraphemeCode.encode(newValue) }
    }

    /// Columns covered: 1 for most characters, 2 for wide ones, 0 for continuation cells.
    public var width: Int {
        get { Int(columns) }
        set { columns = UInt8(clamping: newValue) }
    }

    /// A space with the given style.
    public static func blank(_ style: Style = .plain) -> Cell {
        Cell(code: GraphemeCode.space, columns: 1, style: style)
    }

    /// The right half of a wide character.
    public static func continuation(_ style: Style = .plain) -> Cell {
        Cell(code: 0, columns: 0, style: style)
    }

    /// Whether this is the right half of a wide character.
    public var isContinuation: Bool { columns == 0 }

    /// Appends the grapheme's UTF-8 bytes (nothing for a continuation cell).
    func appendUTF8(to bytes: inout [UInt8]) {
        GraphemeCode.appendUTF8(of: code, to: &bytes)
    }
}
