#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Text from the API made safe for a terminal, and measured in columns.
///
/// A small local version of TerminalKit's sanitizer so the scripting commands need no
/// terminal toolkit: escape sequences (CSI, OSC, DCS and friends, 7- and 8-bit), C0 and C1
/// controls and bidi overrides are removed; tabs become spaces; newlines are kept in
/// multi-line text and shown as `⏎` otherwise.
enum TerminalText {
    static func sanitize(_ text: String, multiline: Bool = false) -> String {
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var i = 0
        /// Skips a control string up to BEL or ST (ESC \ or U+009C).
        func skipString() {
            while i < scalars.count {
                let v = scalars[i].value
                if v == 0x07 || v == 0x9C { i += 1; return }
                if v == 0x1B, i + 1 < scalars.count, scalars[i + 1] == "\\" { i += 2; return }
                i += 1
            }
        }
        /// Skips CSI parameters up to the final byte.
        func skipCSI() {
            while i < scalars.count {
                let v = scalars[i].value
                i += 1
                if v >= 0x40 && v <= 0x7E { return }
            }
        }
        while i < scalars.count {
            let scalar = scalars[i]
            let v = scalar.value
            switch v {
            case 0x1B:
                i += 1
                guard i < scalars.count else { break }
                let next = scalars[i].value
                i += 1
                switch next {
                case 0x5B: skipCSI()                               // ESC [
                case 0x5D, 0x50, 0x58, 0x5E, 0x5F: skipString()  // ESC ] P X ^ _
                default: break                                     // two-character sequence
                }
            case 0x9B: i += 1; skipCSI()
            case 0x9D, 0x90, 0x98, 0x9E, 0x9F: i += 1; skipString()
            case 0x09:
                out.append(contentsOf: "    ".unicodeScalars); i += 1
            case 0x0A:
                if multiline { out.append(scalar) } else { out.append(contentsOf: " ⏎ ".unicodeScalars) }
                i += 1
            case 0x00...0x1F, 0x7F...0x9F:
                i += 1
            case 0x200E, 0x200F, 0x061C, 0x202A...0x202E, 0x2066...0x2069:
                i += 1
            default:
                out.append(scalar); i += 1
            }
        }
        return String(out)
    }

    // MARK: - Width

    /// Terminal columns of a string (East Asian wide characters and emoji count two).
    static func width(_ text: String) -> Int {
        text.reduce(0) { $0 + width(of: $1) }
    }

    static func width(of character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first(where: { !isZeroWidth($0.value) }) else { return 0 }
        let v = scalar.value
        if character.unicodeScalars.count > 1, character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x1F680...0x1F6FF, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    private static func isZeroWidth(_ v: UInt32) -> Bool {
        (0x0300...0x036F).contains(v) || v == 0x200B || v == 0x200C || v == 0x200D || (0xFE00...0xFE0F).contains(v)
            || (0x1F3FB...0x1F3FF).contains(v)
    }

    /// `text` cut to `columns`, ending in `…` when cut.
    static func truncate(_ text: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        if width(text) <= columns { return text }
        var out = ""
        var used = 0
        for character in text {
            let w = width(of: character)
            if used + w > columns - 1 { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }

    /// `text` padded with spaces (or cut) to exactly `columns`.
    static func pad(_ text: String, to columns: Int) -> String {
        let cut = truncate(text, to: columns)
        return cut + String(repeating: " ", count: max(0, columns - width(cut)))
    }

    // MARK: - Terminal

    /// The width of the terminal on stdout, or `nil` when stdout is not a terminal.
    static func terminalColumns() -> Int? {
        guard isatty(1) == 1 else { return nil }
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }
}
