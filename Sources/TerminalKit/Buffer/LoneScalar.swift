// MARK: - LoneScalar

/// A non-ASCII scalar that is a grapheme on its own, read straight from UTF-8.
///
/// Finding grapheme boundaries the general way (`String.index(after:)`) costs hundreds of
/// instructions per character; ``CellBuffer/write(_:x:y:maxWidth:style:)`` calls this first
/// and takes that way only when it answers `nil`. It answers only when the boundary after
/// the scalar is certain from the two scalars alone, by the rules of UAX #29:
///
/// * before ASCII or the end of the text, after any scalar that is not a *Prepend*
///   character (ASCII is never an extending mark, a joiner or a Hangul jamo), and
/// * between two scalars of ``isSimple(_:)`` ranges: letters, punctuation, symbols and CJK
///   that neither extend, join nor prepend (no combining marks, joiners, variation
///   selectors, jamo, regional indicators or emoji modifiers).
///
/// The start is a boundary already: the caller has just finished a grapheme.
struct LoneScalar {
    var value: UInt32
    /// Its ``GraphemeCode``: the UTF-8 bytes, first lowest.
    var code: UInt64
    /// Where the next grapheme starts (a byte offset).
    var end: Int

    /// The scalar whose UTF-8 starts at `offset` in `bytes` (valid UTF-8), with lead byte
    /// `lead`, if it is a grapheme by itself.
    init?(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, lead: UInt8) {
        let length: Int
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; value = UInt32(lead & 0x07)
        default: return nil
        }
        let end = offset + length
        guard end <= bytes.count else { return nil }
        var code = UInt64(lead)
        var shift: UInt64 = 8
        for position in offset + 1..<end {
            let byte = bytes[position]
            value = value << 6 | UInt32(byte & 0x3F)
            code |= UInt64(byte) << shift
            shift += 8
        }
        if end == bytes.count || bytes[end] < 0x80 {
            guard !Self.mayPrepend(value) else { return nil }
        } else {
            guard Self.isSimple(value), Self.isSimple(Self.scalarValue(bytes, at: end)) else { return nil }
        }
        self.value = value
        self.code = code
        self.end = end
    }

    /// Whether the non-ASCII scalar whose UTF-8 starts at `offset` is one of the
    /// ``isSimple(_:)`` ones, which join nothing before them: a printable ASCII character
    /// before it is a grapheme by itself.
    static func startsSimple(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        isSimple(scalarValue(bytes, at: offset))
    }

    /// The value of the non-ASCII scalar whose UTF-8 starts at `offset` (0 if cut short).
    private static func scalarValue(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt32 {
        let lead = bytes[offset]
        let length: Int
        var value: UInt32
        switch lead {
        case 0xC0...0xDF: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F)
        default: length = 4; value = UInt32(lead & 0x07)
        }
        guard offset + length <= bytes.count else { return 0 }
        for position in offset + 1..<offset + length {
            value = value << 6 | UInt32(bytes[position] & 0x3F)
        }
        return value
    }

    /// Whether a scalar may be a *Prepend* character, which joins what follows it (Arabic
    /// number signs U+0600–U+0605, U+06DD, U+070F, U+0890–U+0891, U+08E2, U+0D4E and a few
    /// in U+11000–U+11FFF); the ranges are wider than the list, to stay right as it grows.
    static func mayPrepend(_ value: UInt32) -> Bool {
        (0x0600...0x0D4E).contains(value) || (0x11000...0x11FFF).contains(value)
    }

    /// Scalars whose grapheme break property is *Other* (or *Control*, which breaks on
    /// both sides anyway) and that are neither regional indicators, Hangul jamo nor
    /// *Prepend*: two of them in a row are always two graphemes.
    static func isSimple(_ value: UInt32) -> Bool {
        switch value {
        case 0x00A0...0x02FF, // Latin-1 and Latin Extended letters, spacing modifiers (combining marks start at U+0300)
             0x0370...0x0482, // Greek and Cyrillic (U+0483 on are combining)
             0x2010...0x2027, 0x2030...0x205F, // punctuation, without ZWJ and friends, separators, bidi controls
             0x20A0...0x20CF, // currency (U+20D0 on are combining)
             0x2100...0x2BFF, // letterlike, arrows, maths, box drawing, shapes, symbols, dingbats
             0x3000...0x3029, 0x3030...0x303F, // CJK punctuation (U+302A–U+302F are combining)
             0x3041...0x3096, 0x309B...0x30FF, // kana (U+3099–U+309A are combining)
             0x3400...0x4DBF, 0x4E00...0x9FFF, // CJK ideographs
             0xAC00...0xD7A3, // Hangul syllables: only jamo join them
             0xFF01...0xFF9D: // full- and halfwidth forms (U+FF9E–U+FF9F are combining)
            true
        default:
            false
        }
    }
}
