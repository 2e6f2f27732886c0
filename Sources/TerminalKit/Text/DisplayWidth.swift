// MARK: - DisplayWidth

/// Terminal column widths of scalars, graphemes and strings.
///
/// A grapheme is as wide as the first of its scalars that is not zero-width, measured like
/// glibc's `wcwidth` (the tables in `DisplayWidth+Tables.swift` are generated from it), so
/// TerminalKit and ncurses agree on where every cell starts. CJK ideographs and emoji with
/// emoji presentation are 2 columns, combining marks and format characters 0. The result
/// does not depend on the process locale.
///
/// | text | width |
/// |------|-------|
/// | `a` | 1 |
/// | `中` | 2 |
/// | `e` + U+0301 (é) | 1 |
/// | `👍🏽` | 2 |
/// | `👨‍👩‍👧` (ZWJ sequence) | 2 |
/// | `🇫🇷` (flag: regional indicators are 1 column in `wcwidth`) | 1 |
public enum DisplayWidth {
    /// The width of one scalar: 0, 1 or 2. Control characters count as 0; they never
    /// reach a cell (see ``Sanitizer``).
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F {
            return value >= 0x20 ? 1 : 0
        }
        if value < 0xA0 { return 0 }
        if value < 0x300 { return 1 }
        if value <= 0xFFFF { return Int(bmpWidths[Int(value >> 2)] >> ((value & 3) * 2) & 3) }
        return searchedWidth(value)
    }

    /// The width of a scalar from U+0300 on, by binary search in the range tables (for the
    /// BMP, ``bmpWidths`` holds the answers).
    static func searchedWidth(_ value: UInt32) -> Int {
        if contains(zeroWidthRanges, value) { return 0 }
        if value >= 0x1100, contains(wideRanges, value) { return 2 }
        return 1
    }

    /// The width of a grapheme: the width of its first scalar that is not zero-width.
    public static func of(_ character: Character) -> Int {
        for scalar in character.unicodeScalars {
            let width = of(scalar)
            if width > 0 { return width }
        }
        return 0
    }

    /// The sum of the widths of a string's graphemes.
    public static func of<S: StringProtocol>(_ text: S) -> Int {
        // Printable ASCII, the common case, is one column a byte.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        var total = 0
        for character in text {
            total += of(character)
        }
        return total
    }

    // MARK: - Private

    private static func contains(_ ranges: [(lower: UInt32, upper: UInt32)], _ value: UInt32) -> Bool {
        var low = 0
        var high = ranges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = ranges[middle]
            if value < range.lower {
                high = middle - 1
            } else if value > range.upper {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }
}

// MARK: - Convenience

extension StringProtocol {
    /// Terminal columns this text covers (see ``DisplayWidth``).
    public var displayWidth: Int { DisplayWidth.of(self) }
}

extension Character {
    /// Terminal columns this grapheme covers: 0, 1 or 2.
    public var displayWidth: Int { DisplayWidth.of(self) }
}
