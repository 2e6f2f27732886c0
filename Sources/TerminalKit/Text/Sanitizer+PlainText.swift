// MARK: - Text that needs no cleaning

extension Sanitizer {
    /// ``line(_:maxWidth:)`` for text with nothing to remove or expand (no escape sequence,
    /// control or bidi character, tab or line break, and no over-long grapheme) up to where
    /// the result ends: that text itself, or its prefix. `nil` when anything there needs
    /// ``scannedLine(_:maxWidth:)``.
    ///
    /// Most text on screen (names, dates, titles) is like this, and the scan builds the
    /// result twice (clean scalars, then graphemes); this reads the text once, printable
    /// ASCII a byte at a time, and stops where the result does.
    ///
    /// The result is exactly the scan's: the graphemes up to and including the first that
    /// ends past `maxWidth` columns. Where it stops early, the character after the last one
    /// kept must be plain too, since removing a control character there could join what
    /// follows it (a combining mark) to the last grapheme kept.
    func plainLine(_ text: String, maxWidth: Int?) -> String? {
        if let maxWidth, maxWidth < 0 { return "" }
        let limit = maxWidth ?? Int.max
        let utf8 = text.utf8
        var index = utf8.startIndex
        var column = 0
        // Printable ASCII: one column a byte, and never one grapheme with the next ASCII byte.
        while index != utf8.endIndex {
            let byte = utf8[index]
            guard byte >= 0x20, byte < 0x7F else {
                if byte < 0x80 { return nil }
                break
            }
            if column > limit { return String(text[..<index]) }
            column += 1
            index = utf8.index(after: index)
        }
        if index == utf8.endIndex { return text }
        // Other text a grapheme at a time, from the last ASCII character (a combining mark
        // after it belongs to it).
        if index != utf8.startIndex {
            index = utf8.index(before: index)
            column -= 1
        }
        var end = utf8.distance(from: utf8.startIndex, to: index)
        for character in text[index...] {
            var scalars = 0
            for scalar in character.unicodeScalars {
                guard Self.isPlain(scalar) else { return nil }
                scalars += 1
            }
            if scalars > maxScalarsPerGrapheme { return nil }
            if column > limit { return String(Substring(utf8.prefix(end))) }
            column += DisplayWidth.of(character)
            end += character.utf8.count
        }
        return text
    }

    /// Whether a scalar passes the scan unchanged: not a control character (tab and line
    /// breaks included), a line or paragraph separator, or a bidi control.
    static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x7F { return value >= 0x20 }
        if value < 0xA0 { return false }
        if value < 0x2028 { return true }
        return !(value <= 0x202E || (0x2066...0x2069).contains(value))
    }
}
