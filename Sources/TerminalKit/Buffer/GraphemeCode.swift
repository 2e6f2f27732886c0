// MARK: - GraphemeCode

/// How a ``Cell`` holds its grapheme in 8 bytes.
///
/// * Up to 8 UTF-8 bytes, none of them zero: the bytes themselves, the first in the lowest
///   byte, the rest zero. The empty grapheme (a continuation cell) is 0.
/// * Anything else (longer, or containing U+0000): `0xFF` in the lowest byte and the
///   grapheme's index in ``GraphemeStore`` above it. `0xFF` never occurs in UTF-8, so the
///   two forms cannot meet.
///
/// Each grapheme has exactly one code (the store gives a text the index it got the first
/// time), so two codes are equal exactly when their UTF-8 bytes are.
enum GraphemeCode {
    /// The code of a space.
    static let space: UInt64 = 0x20

    /// The low byte of an interned grapheme's code.
    static let internedTag: UInt64 = 0xFF

    /// The code of `text`.
    static func encode(_ text: String) -> UInt64 {
        var code: UInt64 = 0
        var shift: UInt64 = 0
        for byte in text.utf8 {
            guard shift < 64, byte != 0 else { return GraphemeStore.shared.code(for: text) }
            code |= UInt64(byte) << shift
            shift += 8
        }
        return code
    }

    /// The code of one grapheme.
    static func encode(_ character: Character) -> UInt64 {
        var code: UInt64 = 0
        var shift: UInt64 = 0
        for byte in character.utf8 {
            guard shift < 64, byte != 0 else { return GraphemeStore.shared.code(for: String(character)) }
            code |= UInt64(byte) << shift
            shift += 8
        }
        return code
    }

    /// The code of a printable ASCII character (U+0020–U+007E).
    @inline(__always)
    static func ascii(_ byte: UInt8) -> UInt64 { UInt64(byte) }

    static func isInterned(_ code: UInt64) -> Bool { code & 0xFF == internedTag }

    /// The text a code stands for.
    static func decode(_ code: UInt64) -> String {
        if code < 0x80 {
            return code == 0 ? "" : asciiStrings[Int(code)]
        }
        if isInterned(code) { return GraphemeStore.shared.text(at: Int(code >> 8)) }
        // At most 8 bytes: a small string, built in place without a heap allocation.
        return String(unsafeUninitializedCapacity: 8) { buffer in
            var rest = code
            var count = 0
            while rest != 0 {
                buffer[count] = UInt8(truncatingIfNeeded: rest)
                rest >>= 8
                count += 1
            }
            return count
        }
    }

    /// Appends the UTF-8 bytes a code stands for.
    static func appendUTF8(of code: UInt64, to bytes: inout [UInt8]) {
        if isInterned(code) {
            bytes.append(contentsOf: GraphemeStore.shared.text(at: Int(code >> 8)).utf8)
        } else {
            appendInline(code, to: &bytes)
        }
    }

    private static func appendInline(_ code: UInt64, to bytes: inout [UInt8]) {
        var rest = code
        while rest != 0 {
            bytes.append(UInt8(truncatingIfNeeded: rest))
            rest >>= 8
        }
    }

    /// One-character strings for ASCII, made once (index 0 is unused).
    private static let asciiStrings: [String] = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) }
}
