// MARK: - Cell

/// One terminal cell: a grapheme, the number of columns it covers, and its style.
///
/// A wide grapheme (CJK, most emoji) is stored in its first cell with `width == 2`; the cell
/// to its right is a *continuation* cell (empty grapheme, width 0) that backends skip.
/// A grapheme is never split: ``CellBuffer`` replaces any half of a wide character that
/// gets overwritten, or that would be cut at the right edge, by a space.
///
/// A cell is two words of plain data, with no reference to count: a grapheme of up to 8
/// UTF-8 bytes (every single scalar, a letter with two accents, a flag, an emoji with a skin
/// tone) is kept inline, and a longer one (a ZWJ sequence, a letter with many combining
/// marks) as an index into ``GraphemeStore``; width and style are packed into the other word.
/// So copying, filling, comparing and diffing a screen of cells are plain memory operations,
/// instead of a retain and a release of a `String` per cell and a comparison of two styles'
/// colours case by case (see <doc:WideCharactersAndDiffing>).
public struct Cell: Hashable, Sendable {
    /// The grapheme's UTF-8 bytes, first byte lowest, zero-padded; or an interned grapheme
    /// (low byte `0xFF`, which never starts UTF-8; see ``GraphemeCode``). Equal graphemes
    /// always have equal codes, so cells compare by their bits.
    var code: UInt64
    /// The width in the low byte, the style above it (``StyleBits``).
    var bits: UInt64

    public init(grapheme: String, width: Int, style: Style = .plain) {
        self.code = GraphemeCode.encode(grapheme)
        self.bits = UInt64(UInt8(clamping: width)) | StyleBits.pack(style)
    }

    /// A cell from an encoded grapheme, a width and packed style bits (``StyleBits/pack(_:)``).
    @inline(__always)
    init(code: UInt64, columns: UInt8, styleBits: UInt64) {
        self.code = code
        self.bits = UInt64(columns) | styleBits
    }

    /// The text of the cell: one grapheme, or empty for a continuation cell.
    public var grapheme: String {
        get { GraphemeCode.decode(code) }
        set { code = GraphemeCode.encode(newValue) }
    }

    /// Columns covered: 1 for most characters, 2 for wide ones, 0 for continuation cells.
    public var width: Int {
        get { Int(columns) }
        set { bits = bits & ~0xFF | UInt64(UInt8(clamping: newValue)) }
    }

    public var style: Style {
        get { StyleBits.unpack(styleBits) }
        set { bits = UInt64(columns) | StyleBits.pack(newValue) }
    }

    /// ``width`` as stored.
    var columns: UInt8 { UInt8(truncatingIfNeeded: bits) }

    /// ``style`` as stored.
    var styleBits: UInt64 { bits & ~0xFF }

    /// A space with the given style.
    public static func blank(_ style: Style = .plain) -> Cell {
        Cell(code: GraphemeCode.space, columns: 1, styleBits: StyleBits.pack(style))
    }

    /// The right half of a wide character.
    public static func continuation(_ style: Style = .plain) -> Cell {
        Cell(code: 0, columns: 0, styleBits: StyleBits.pack(style))
    }

    /// Whether this is the right half of a wide character.
    public var isContinuation: Bool { columns == 0 }

    /// Appends the grapheme's UTF-8 bytes (nothing for a continuation cell).
    func appendUTF8(to bytes: inout [UInt8]) {
        GraphemeCode.appendUTF8(of: code, to: &bytes)
    }
}

// MARK: - StyleBits

/// A ``Style`` packed into bits 8–47 of a word (the low byte is the cell's width), so that
/// cells compare as two words: each colour in 16 bits (0 default, 1–8 the named colours,
/// 0x100 + index for a palette index), then the attributes.
enum StyleBits {
    static func pack(_ style: Style) -> UInt64 {
        UInt64(pack(style.foreground)) << 8 | UInt64(pack(style.background)) << 24 | UInt64(style.attributes.rawValue) << 40
    }

    static func unpack(_ bits: UInt64) -> Style {
        Style(
            foreground: unpack(UInt16(truncatingIfNeeded: bits >> 8)),
            background: unpack(UInt16(truncatingIfNeeded: bits >> 24)),
            attributes: Style.Attributes(rawValue: UInt8(truncatingIfNeeded: bits >> 40))
        )
    }

    private static func pack(_ color: Color) -> UInt16 {
        switch color {
        case .default: 0
        case .black: 1
        case .red: 2
        case .green: 3
        case .yellow: 4
        case .blue: 5
        case .magenta: 6
        case .cyan: 7
        case .white: 8
        case .indexed(let index): 0x100 | UInt16(index)
        }
    }

    private static func unpack(_ value: UInt16) -> Color {
        switch value {
        case 1: .black
        case 2: .red
        case 3: .green
        case 4: .yellow
        case 5: .blue
        case 6: .magenta
        case 7: .cyan
        case 8: .white
        case 0x100...0x1FF: .indexed(UInt8(truncatingIfNeeded: value))
        default: .default
        }
    }
}
