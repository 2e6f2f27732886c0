// MARK: - Terminal

/// The size of a terminal in cells.
public struct TerminalSize: Hashable, Sendable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

/// Something that happened at the terminal.
public enum TerminalEvent: Hashable, Sendable {
    case key(Key)
    /// The terminal now has this size; the next frame should be rendered at it.
    case resize(TerminalSize)
    /// The input ended (the script of a ``MemoryTerminal`` ran out); run loops stop.
    case hangup
    /// Text pasted in one piece (bracketed paste), already cleaned of escape sequences and
    /// control characters; lines are separated by `\n`.
    case paste(String)
    /// The process was asked to end (SIGTERM, SIGHUP when the terminal closed, SIGINT) and the
    /// app deferred it to finish its work first (``NCursesTerminal/deferTerminationSignals()``).
    case terminationRequested(signal: Int32)
}

/// Why a terminal could not be used.
public enum TerminalError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Standard input or output is not a terminal.
    case notATerminal
    /// The terminal type (`TERM`) is empty or `dumb`, or terminfo cannot drive it full-screen.
    case unknownTerminalType(String)
    /// The terminfo database has no entry for `TERM` (a newer terminal's own type, such as
    /// `xterm-kitty`, on a machine reached over ssh).
    case noTerminfoEntry(String)
    /// Neither the environment's locale nor any of the fallback locales is UTF-8; the
    /// associated value is the environment's character set.
    case notUTF8Locale(codeset: String)
    case initializationFailed

    public var description: String {
        switch self {
        case .notATerminal: "standard input and output must be a terminal"
        case .unknownTerminalType(let term): "unknown terminal type '\(term)' (check TERM)"
        case .noTerminfoEntry(let term):
            "no terminfo entry for TERM=\(Sanitizer().line(term)); install it on this machine (kitty: kitty +kitten ssh) or run with TERM=xterm-256color"
        case .notUTF8Locale(let codeset):
            "a UTF-8 locale is needed, but the locale's character set is \(codeset.isEmpty ? "unknown" : Sanitizer().line(codeset)) and none of C.UTF-8, en_US.UTF-8, UTF-8 is installed; set LANG to a UTF-8 locale that `locale -a` lists (e.g. LANG=C.UTF-8)"
        case .initializationFailed: "could not initialise the terminal"
        }
    }
}

/// A full-screen terminal: what the app draws to and reads keys from.
///
/// All calls happen on the main actor. ``present(_:)`` takes a whole frame and paints only
/// what changed since the previous one.
@MainActor
public protocol Terminal: AnyObject {
    /// The current size in cells.
    var size: TerminalSize { get }
    /// Shows a frame, repainting only the cells that differ from the last presented one.
    func present(_ buffer: CellBuffer)
    /// The next event, waiting at most `timeout` (zero: do not wait).
    func readEvent(timeout: Duration) -> TerminalEvent?
    /// Hands the terminal back to the shell (as `<C-z>` does) until the process is resumed,
    /// then repaints everything on the next ``present(_:)``.
    func suspend()
    /// Forgets what the screen shows (another program may have written over it: `wall`, a
    /// background job): the next ``present(_:)`` clears the screen and paints every cell,
    /// as `C-l` does in curses programs.
    func forceFullRedraw()
    /// Rings the bell.
    func bell()
    /// Puts text on the system clipboard with OSC 52 (terminals that allow it).
    func copyToClipboard(_ text: String)
    /// Restores the terminal (cooked mode, normal screen). Safe to call more than once.
    func close()
}
