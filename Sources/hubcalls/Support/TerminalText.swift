#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

import TerminalKit

/// Text from the API made safe for a terminal, and measured in columns, for the scripting
/// commands' plain output. A thin facade over TerminalKit's `Sanitizer` and display-width
/// functions, so the CLI and the browser strip exactly the same things: escape sequences,
/// C0/C1 controls and bidi controls; tabs become spaces; newlines are kept in multi-line text
/// and shown as `⏎` otherwise.
enum TerminalText {
    static func sanitize(_ text: String, multiline: Bool = false) -> String {
        multiline ? Sanitizer().lines(text).joined(separator: "\n") : Sanitizer(newlineSymbol: " ⏎ ").line(text)
    }

    /// Terminal columns of a string (East Asian wide characters and emoji count two).
    static func width(_ text: String) -> Int { text.displayWidth }

    /// `text` cut to `columns`, ending in `…` when cut.
    static func truncate(_ text: String, to columns: Int) -> String { text.truncated(toWidth: columns) }

    /// `text` padded with spaces (or cut) to exactly `columns`.
    static func pad(_ text: String, to columns: Int) -> String { text.fitted(toWidth: columns) }

    // MARK: - Terminal

    /// The width of the terminal on stdout, or `nil` when stdout is not a terminal.
    static func terminalColumns() -> Int? {
        guard isatty(1) == 1 else { return nil }
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }
}
