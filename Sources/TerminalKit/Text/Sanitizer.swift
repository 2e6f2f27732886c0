// MARK: - Sanitizer

/// Makes untrusted text (anything from an API or a file) safe to put on the screen.
///
/// It removes:
/// * escape sequences: CSI (`ESC [` … final byte), OSC (`ESC ]` … BEL or ST), DCS, SOS, PM
///   and APC strings (`ESC P`/`X`/`^`/`_` … ST), their 8-bit C1 forms, and two- or
///   three-character `ESC` sequences. A string sequence that is never terminated ends at the
///   next line break, so a stray `ESC ]` hides at most one line;
/// * C0 and C1 control characters (U+0000–U+001F, U+007F–U+009F) other than tab and line
///   breaks;
/// * bidirectional overrides, embeddings and isolates (U+202A–U+202E, U+2066–U+2069), which
///   could make text read in a different order than it is stored.
///
/// Tabs are expanded to spaces up to the next tab stop. Line breaks (LF, CR, CRLF, U+2028,
/// U+2029) become `⏎` in one-line mode (``line(_:maxWidth:)``) and separate rows in
/// multi-line mode (``lines(_:)``). Graphemes with absurdly many combining marks
/// ("Zalgo" text) are cut down to ``maxScalarsPerGrapheme`` scalars.
///
/// ```swift
/// Sanitizer().line("Hi\u{1B}[31m red\u{1B}[0m\nthere") // "Hi red⏎there"
/// ```
public struct Sanitizer: Sendable {
    /// Columns between tab stops.
    public var tabWidth: Int
    /// What a line break shows as in one-line mode.
    public var newlineSymbol: String
    /// Scalars kept per grapheme (a base plus combining marks, or an emoji ZWJ sequence).
    public var maxScalarsPerGrapheme: Int

    public init(tabWidth: Int = 4, newlineSymbol: String = "⏎", maxScalarsPerGrapheme: Int = 16) {
        self.tabWidth = max(1, tabWidth)
        self.newlineSymbol = newlineSymbol
        self.maxScalarsPerGrapheme = max(1, maxScalarsPerGrapheme)
    }

    // MARK: - Public entry points

    /// The text as one line: line breaks shown as ``newlineSymbol``. With `maxWidth`, stops
    /// once the result is wider than `maxWidth` columns, so a 10 MB body costs no more than
    /// its first screenful (truncate the result afterwards; it may be one grapheme too wide).
    public func line(_ text: String, maxWidth: Int? = nil) -> String {
        plainLine(text, maxWidth: maxWidth) ?? scannedLine(text, maxWidth: maxWidth)
    }

    /// ``line(_:maxWidth:)`` the long way, for any text: escape sequences and unsafe
    /// characters removed, then the clean scalars regrouped into graphemes and laid out.
    func scannedLine(_ text: String, maxWidth: Int?) -> String {
        var output = ""
        var column = 0
        var firstLine = true
        forEachLine(of: text) { line in
            if !firstLine {
                output += newlineSymbol
                column += newlineSymbol.displayWidth
            }
            firstLine = false
            if let maxWidth, column > maxWidth { return false }
            column = expand(line, into: &output, startColumn: column, maxWidth: maxWidth)
            if let maxWidth, column > maxWidth { return false }
            return true
        }
        return output
    }

    /// The text as rows, one per line of the input (no wrapping).
    public func lines(_ text: String) -> [String] {
        var rows: [String] = []
        forEachLine(of: text) { line in
            var row = ""
            _ = expand(line, into: &row, startColumn: 0, maxWidth: nil)
            rows.append(row)
            return true
        }
        return rows
    }

    /// Whether a grapheme may not be written to a terminal as is (it contains a control
    /// character or a bidi override). ``CellBuffer`` uses this as a last line of defence.
    public static func isUnsafe(_ character: Character) -> Bool {
        character.unicodeScalars.contains { isControl($0) || isBidiControl($0) }
    }

    // MARK: - Scalar classes

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value <= 0x9F)
    }

    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }
}

// MARK: - Scanning

extension Sanitizer {
    /// Calls `body` with each line of `text` after removing escape sequences and unsafe
    /// characters (tabs are kept for ``expand(_:into:startColumn:maxWidth:)``); stops early
    /// when `body` returns false.
    private func forEachLine(of text: String, _ body: (String.UnicodeScalarView) -> Bool) {
        var line = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar?

        func next() -> Unicode.Scalar? {
            if let scalar = pending {
                pending = nil
                return scalar
            }
            return scalars.next()
        }

        /// Skips a control string (OSC, DCS, …) up to BEL, ST (`ESC \` or U+009C) or a line
        /// break, which is left for the caller.
        func skipString() {
            while let scalar = next() {
                switch scalar.value {
                case 0x07, 0x9C: return
                case 0x1B:
                    if let following = next(), following != "\\" { pending = following }
                    return
                case 0x0A, 0x0D, 0x2028, 0x2029:
                    pending = scalar
                    return
                default: continue
                }
            }
        }

        /// Skips CSI parameters and intermediates up to the final byte (0x40–0x7E).
        func skipCSI() {
            while let scalar = next() {
                let value = scalar.value
                if value >= 0x40 && value <= 0x7E { return }
                if value < 0x20 || value > 0x7E {
                    // Not part of a CSI sequence: the sequence is broken, keep the rest.
                    pending = scalar
                    return
                }
            }
        }

        while let scalar = next() {
            switch scalar.value {
            case 0x0A, 0x2028, 0x2029:
                if !body(line) { return }
                line = String.UnicodeScalarView()
            case 0x0D:
                if let following = next(), following != "\n" { pending = following }
                if !body(line) { return }
                line = String.UnicodeScalarView()
            case 0x09:
                line.append(scalar)
            case 0x1B:
                guard let introducer = next() else { break }
                switch introducer {
                case "[": skipCSI()
                case "]", "P", "X", "^", "_": skipString()
                default:
                    // nF sequences (ESC, intermediates 0x20–0x2F, final) or a two-character
                    // sequence such as `ESC c` or `ESC 7`.
                    var current = introducer
                    while (0x20...0x2F).contains(current.value), let following = next() {
                        current = following
                    }
                    if Sanitizer.isControl(current) { pending = current }
                }
            case 0x9B: skipCSI()
            case 0x90, 0x98, 0x9D, 0x9E, 0x9F: skipString()
            default:
                if Sanitizer.isControl(scalar) || Sanitizer.isBidiControl(scalar) { continue }
                line.append(scalar)
            }
        }
        _ = body(line)
    }

    /// Appends one clean line to `output`, expanding tabs and trimming over-long graphemes;
    /// returns the column reached. Stops once past `maxWidth`.
    private func expand(_ line: String.UnicodeScalarView, into output: inout String, startColumn: Int, maxWidth: Int?) -> Int {
        var column = startColumn
        for character in String(line) {
            if character == "\t" {
                let spaces = tabWidth - (column - startColumn) % tabWidth
                output += String(repeating: " ", count: spaces)
                column += spaces
            } else if character.unicodeScalars.count > maxScalarsPerGrapheme {
                var trimmed = String.UnicodeScalarView()
                trimmed.append(contentsOf: character.unicodeScalars.prefix(maxScalarsPerGrapheme))
                output += String(trimmed)
                column += character.displayWidth
            } else {
                output.append(character)
                column += character.displayWidth
            }
            if let maxWidth, column > maxWidth { break }
        }
        return column
    }
}
