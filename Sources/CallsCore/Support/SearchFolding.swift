import Foundation

/// Text as free-text search compares it: lowercased, without diacritics, compatibility forms
/// spelled plainly, the way fzf matches by default. Reps on US keyboards type plain ASCII, so
/// `zoe` must find "Zoë", `odegaard` "Ødegaard", `strasse` "Straße" and `muller` "Müller",
/// while `Zoë` keeps finding "Zoë" (both sides are folded).
///
/// The rules, per Unicode scalar:
/// - compatibility decomposition (NFKD), then lowercase: `Ｚ` → `z`, `ﬁ` → `fi`, `²` → `2`,
///   `㍿` → `株式会社`;
/// - combining diacritical marks (U+0300–U+036F and their extension blocks) are dropped:
///   `ë` → `e`, `ő` → `o`, `ệ` → `e`, Greek tonos, Cyrillic `ё` → `е` (and `й` → `и`);
/// - Latin letters that carry their mark inside the letter, which no decomposition splits:
///   `ø` → `o`, `ß` → `ss`, `æ` → `ae`, `œ` → `oe`, `ł` → `l`, `đ`/`ð` → `d`, `þ` → `th`,
///   `ħ` → `h`, `ı` → `i` …; Greek final `ς` → `σ` (what case folding does);
/// - marks of other scripts stay (Devanagari vowel signs and virama, Thai vowels and tones,
///   Arabic and Hebrew points, kana voicing marks): there they change the word, not its
///   accent. Hangul and kana are recomposed (NFC), so CJK text is unchanged.
public enum SearchFolding {
    /// `text` folded for matching. Pure ASCII costs one pass (and no copy when it holds no
    /// capital letter); other scalars are looked up in a table built once.
    public static func fold(_ text: String) -> String {
        var hasUpper = false
        var ascii = true
        for byte in text.utf8 {
            if byte >= 0x80 { ascii = false; break }
            if byte >= 0x41, byte <= 0x5A { hasUpper = true }
        }
        if ascii && !hasUpper { return text }

        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        // Set when a kept combining mark or a conjoining jamo is written: only then can
        // canonical composition change the result, and it is the expensive step.
        var composes = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                let byte = UInt8(value)
                bytes.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
            } else if let entry = table[value] {
                bytes += entry.bytes
                composes = composes || entry.composes
            } else if isDiacritic(value) {
                continue
            } else if scalar.properties.changesWhenLowercased {
                for lower in scalar.properties.lowercaseMapping.unicodeScalars { append(lower, to: &bytes, composes: &composes) }
            } else {
                append(scalar, to: &bytes, composes: &composes)
            }
        }
        let folded = String(decoding: bytes, as: UTF8.self)
        return composes ? folded.precomposedStringWithCanonicalMapping : folded
    }

    // MARK: - Rules

    /// Combining marks that are accents on Latin, Greek and Cyrillic letters (the
    /// "Combining Diacritical Marks" blocks). Marks of other scripts are not accents there.
    static func isDiacritic(_ value: UInt32) -> Bool {
        (0x0300...0x036F).contains(value) || (0x1AB0...0x1AFF).contains(value)
            || (0x1DC0...0x1DFF).contains(value) || (0xFE20...0xFE2F).contains(value)
    }

    /// Letters whose mark is part of the letter (no decomposition), after lowercasing.
    static let letters: [Unicode.Scalar: String] = [
        "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th",
        "ħ": "h", "ı": "i", "ŧ": "t", "ƀ": "b", "ƈ": "c", "ƌ": "d", "ƒ": "f", "ɠ": "g",
        "ƙ": "k", "ƚ": "l", "ɲ": "n", "ƥ": "p", "ƫ": "t", "ƭ": "t", "ʈ": "t", "ƴ": "y",
        "ƶ": "z", "ǥ": "g", "ȼ": "c", "ɇ": "e", "ɉ": "j", "ɍ": "r", "ɏ": "y", "ɨ": "i",
        "ʉ": "u", "ȥ": "z", "ɓ": "b", "ɗ": "d", "ʠ": "q", "ɦ": "h", "ɫ": "l", "ɽ": "r",
        "ς": "σ",
    ]

    /// The blocks whose scalars can fold to something else: Latin, Greek, Cyrillic,
    /// compatibility forms (superscripts, ligatures, full-width letters, circled digits, CJK
    /// compatibility characters). Anything outside is only lowercased.
    static let foldingBlocks: [ClosedRange<UInt32>] = [
        0x00A0...0x02FF, 0x0370...0x04FF, 0x1D00...0x1DBF, 0x1E00...0x1FFF, 0x2000...0x24FF,
        0x2C60...0x2C7F, 0xA720...0xA7FF, 0x3000...0x33FF, 0xF900...0xFAFF, 0xFB00...0xFB4F,
        0xFF00...0xFFEF,
    ]

    struct Entry: Sendable {
        var bytes: [UInt8]
        var composes: Bool
    }

    /// Every scalar of ``foldingBlocks`` whose fold differs from itself, worked out once
    /// with Foundation's NFKD (a few thousand scalars, milliseconds) so that folding a long
    /// text is a table lookup per non-ASCII scalar, not a normalization pass.
    static let table: [UInt32: Entry] = {
        var table: [UInt32: Entry] = [:]
        for block in foldingBlocks {
            for value in block {
                guard let scalar = Unicode.Scalar(value), !isDiacritic(value) else { continue }
                let original = String(scalar)
                var bytes: [UInt8] = []
                var composes = false
                for part in original.decomposedStringWithCompatibilityMapping.lowercased().unicodeScalars where !isDiacritic(part.value) {
                    if let plain = letters[part] {
                        bytes += Array(plain.utf8)
                    } else {
                        append(part, to: &bytes, composes: &composes)
                    }
                }
                // Kana decomposed by NFKD (ガ → カ + ゛) compose back to themselves.
                var folded = String(decoding: bytes, as: UTF8.self)
                if composes { folded = folded.precomposedStringWithCanonicalMapping }
                guard folded != original else { continue }
                let entryComposes = folded.unicodeScalars.contains { needsComposition($0) }
                table[value] = Entry(bytes: Array(folded.utf8), composes: entryComposes)
            }
        }
        return table
    }()

    private static func append(_ scalar: Unicode.Scalar, to bytes: inout [UInt8], composes: inout Bool) {
        if needsComposition(scalar) { composes = true }
        UTF8.encode(scalar) { bytes.append($0) }
    }

    /// A combining mark that was kept, or a conjoining Hangul jamo (text from macOS file
    /// names is often decomposed): canonical composition may join it to what precedes.
    private static func needsComposition(_ scalar: Unicode.Scalar) -> Bool {
        (0x1100...0x11FF).contains(scalar.value) || scalar.properties.canonicalCombiningClass != .notReordered
    }
}
