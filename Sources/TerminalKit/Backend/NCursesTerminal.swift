import CNCursesW
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - NCursesTerminal

/// The real terminal, through wide-character ncurses.
///
/// Opening it sets the locale from the environment (switching the character locale to a
/// UTF-8 one when the environment's is not, see `CharacterLocale`; throwing
/// ``TerminalError/notUTF8Locale(codeset:)`` when none is installed), checks that terminfo
/// knows `TERM` (else ``TerminalError/noTerminfoEntry(_:)``), enters raw mode (no echo, no
/// newline translation, keypad on, cursor hidden), sets `ESCDELAY` to 25 ms unless the
/// environment sets it, and starts colours over the terminal's default colours unless `NO_COLOR` is set
/// (then only bold, underline, reverse and dim are used). `endwin` runs on ``close()``, on
/// `exit`, and on SIGINT, SIGTERM, SIGHUP and SIGQUIT (the handler restores the terminal,
/// then re-raises the signal). Use ``withTerminal(deferringTermination:_:)`` so that thrown
/// errors restore it too.
///
/// An app with work to finish before it exits (pending deletes) calls
/// ``deferTerminationSignals()``: SIGTERM, SIGHUP (the terminal or tmux pane was closed) and
/// SIGINT then arrive as ``TerminalEvent/terminationRequested(signal:)``, the app shuts down on
/// its own, and ``withTerminal(deferringTermination:_:)`` restores the terminal and ends the
/// process with the same signal. A second SIGTERM or SIGINT ends the process at once.
///
/// Bracketed paste (mode 2004) is on while the screen is up and off on every exit path
/// (close, suspend, signals, `exit`): pasted text arrives as one ``TerminalEvent/paste(_:)``.
///
/// Only the `WINDOW *` that `initscr` returns is used, never the `stdscr`, `LINES` or `COLS`
/// globals, and every call happens on the main actor.
@MainActor
public final class NCursesTerminal: Terminal {
    private let window: UnsafeMutablePointer<WINDOW>
    private let usesColor: Bool
    private var previous = CellBuffer(width: 0, height: 0)
    private var colorPairs: [ColorPairKey: Int16] = [:]
    /// The style of the cell drawn last (packed, as in a cell), its attributes and colour pair.
    private var drawnStyle: (bits: UInt64, attributes: attr_t, pair: Int16) = (.max, 0, 0)
    private var queued: [TerminalEvent] = []
    private var isOpen = true
    /// Key codes of ``KeyDecoder/extraSequences`` (ncurses' own or ours from `define_key`).
    private var extraCodes: [UInt32: KeyDecoder.Input] = [:]
    /// The termination signal that arrived, once it was reported.
    public private(set) var terminationSignal: Int32?
    /// How long a paste may pause before it is taken as ended (its end marker was lost).
    private static let pasteIdleTimeout: Int32 = 1000

    /// Takes over the terminal. Throws if standard input or output is not a terminal.
    public init() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        guard let term = getenv("TERM").map({ String(cString: $0) }), !term.isEmpty, term != "dumb" else {
            throw TerminalError.unknownTerminalType(getenv("TERM").map { String(cString: $0) } ?? "")
        }
        // Both checks come before initscr: a refusal must leave the terminal as it was.
        if case .unavailable(let codeset) = CharacterLocale.adopt() { throw TerminalError.notUTF8Locale(codeset: codeset) }
        try NCursesTerminal.checkTerminfo(term)
        guard let window = initscr() else { throw TerminalError.initializationFailed }
        self.window = window
        cncw_install_restore_handlers()
        if getenv("ESCDELAY") == nil { set_escdelay(25) }
        raw()
        noecho()
        nonl()
        keypad(window, true)
        NCursesTerminal.defineAlternateKeys()
        extraCodes = NCursesTerminal.defineExtraKeys()
        curs_set(0)
        let noColor = getenv("NO_COLOR").map { String(cString: $0).isEmpty == false } ?? false
        if !noColor && has_colors() {
            start_color()
            use_default_colors()
            usesColor = true
        } else {
            usesColor = false
        }
        NCursesTerminal.setBracketedPaste(true)
    }

    /// Throws unless terminfo can drive `term` full-screen. initscr would print ncurses' own
    /// `Error opening terminal: xterm-kitty.` and exit (QA4 Q4-10). There is no fallback to
    /// `xterm-256color`: nothing says an unknown terminal speaks xterm's sequences, and a
    /// wrong guess draws a garbled screen; the message says how to fix it instead.
    private static func checkTerminfo(_ term: String) throws {
        switch cncw_probe_terminfo(term) {
        case 1: return
        case 0, -1: throw TerminalError.noTerminfoEntry(term)
        default: throw TerminalError.unknownTerminalType(term)
        }
    }

    /// Home and End have several encodings, and the terminfo entry in `TERM` lists only one:
    /// inside tmux or screen with `TERM=xterm-256color` they arrive as `ESC [1~` / `ESC [4~`,
    /// rxvt sends `[7~`/`[8~`, and xterm itself `[H`/`[F` or `OH`/`OF` depending on its
    /// cursor-key mode. Unknown, they would decode as Alt-[ followed by typed junk (`4~`).
    private static let alternateKeys: [(String, UInt32)] = [
        ("\u{1B}[1~", KeyDecoder.keyHome), ("\u{1B}[7~", KeyDecoder.keyHome), ("\u{1B}[H", KeyDecoder.keyHome), ("\u{1B}OH", KeyDecoder.keyHome),
        ("\u{1B}[4~", KeyDecoder.keyEnd), ("\u{1B}[8~", KeyDecoder.keyEnd), ("\u{1B}[F", KeyDecoder.keyEnd), ("\u{1B}OF", KeyDecoder.keyEnd),
    ]

    private static func defineAlternateKeys() {
        for (sequence, code) in alternateKeys {
            // A sequence terminfo already binds to another key is left alone.
            if key_defined(sequence) <= 0 { _ = define_key(sequence, Int32(code)) }
        }
    }

    /// First code handed to `define_key` for sequences terminfo does not know. ncurses keeps
    /// key codes in 16 bits and numbers its own extended keys just above `KEY_MAX` (0o777).
    private static let firstPrivateKeyCode: Int32 = 0x7000

    /// Binds ``KeyDecoder/extraSequences``: a sequence terminfo already knows keeps ncurses'
    /// code, an unknown one gets a private code; a sequence that clashes with a prefix of
    /// another key is left alone.
    private static func defineExtraKeys() -> [UInt32: KeyDecoder.Input] {
        var codes: [UInt32: KeyDecoder.Input] = [:]
        for (offset, entry) in KeyDecoder.extraSequences.enumerated() {
            let existing = key_defined(entry.sequence)
            if existing > 0 {
                if codes[UInt32(existing)] == nil { codes[UInt32(existing)] = entry.input }
            } else if existing == 0 {
                let code = firstPrivateKeyCode + Int32(offset)
                if define_key(entry.sequence, code) == OK { codes[UInt32(code)] = entry.input }
            }
        }
        return codes
    }

    /// Opens the terminal, runs `body`, and restores the terminal however `body` ends. With
    /// `deferringTermination`, termination signals are reported to `body` as events (see
    /// ``deferTerminationSignals()``); if one arrived, the process ends with it after the
    /// terminal was restored.
    public static func withTerminal<T>(deferringTermination: Bool = false, _ body: (NCursesTerminal) async throws -> T) async throws -> T {
        let terminal = try NCursesTerminal()
        if deferringTermination { terminal.deferTerminationSignals() }
        defer {
            terminal.close()
            if let signal = terminal.terminationSignal { cncw_reraise(signal) }
        }
        return try await body(terminal)
    }

    /// SIGTERM, SIGHUP and SIGINT no longer end the process at once: the first one is
    /// reported by ``readEvent(timeout:)`` as ``TerminalEvent/terminationRequested(signal:)``
    /// and kept in ``terminationSignal``; a second SIGTERM or SIGINT ends the process (more
    /// SIGHUPs, which a closing terminal sends, are ignored).
    public func deferTerminationSignals() {
        cncw_defer_termination_signals()
    }

    /// Turns bracketed paste (mode 2004) on or off.
    private static func setBracketedPaste(_ on: Bool) {
        var bytes = Array((on ? "\u{1B}[?2004h" : "\u{1B}[?2004l").utf8)
        _ = write(STDOUT_FILENO, &bytes, bytes.count)
    }

    // MARK: - Terminal

    public var size: TerminalSize {
        TerminalSize(width: Int(cncw_getmaxx(window)), height: Int(cncw_getmaxy(window)))
    }

    public func present(_ buffer: CellBuffer) {
        guard isOpen else { return }
        if buffer.width != previous.width || buffer.height != previous.height {
            // New size (or first frame): start from a clean screen.
            werase(window)
            clearok(window, true)
            previous = CellBuffer(width: 0, height: 0)
        }
        for change in buffer.changes(from: previous) {
            draw(change)
        }
        wnoutrefresh(window)
        doupdate()
        previous = buffer
    }

    public func readEvent(timeout: Duration) -> TerminalEvent? {
        guard isOpen else { return .hangup }
        let signal = cncw_take_termination_signal()
        if signal != 0 {
            terminationSignal = signal
            return .terminationRequested(signal: signal)
        }
        if !queued.isEmpty { return queued.removeFirst() }
        wtimeout(window, Int32(clamping: timeout.milliseconds))
        guard let input = readInput() else { return nil }
        switch input {
        case .key(let key):
            return .key(key)
        case .resize:
            return .resize(size)
        case .ignored, .pasteEnd:
            return nil
        case .pasteStart:
            return readPaste()
        case .escape:
            // ncurses has already waited ESCDELAY: a key that is already here is Alt+key.
            wtimeout(window, 0)
            switch readInput() {
            case .key(let key): return .key(KeyDecoder.alt(key))
            case .escape: return .key(Key(.escape, modifiers: .alt))
            case .resize:
                queued.append(.resize(size))
                return .key(.escape)
            case .pasteStart:
                queued.append(readPaste())
                return .key(.escape)
            case .ignored, .pasteEnd, nil:
                return .key(.escape)
            }
        }
    }

    /// Reads up to the end of a bracketed paste (or until the input pauses for a second).
    private func readPaste() -> TerminalEvent {
        var paste = PasteCollector()
        wtimeout(window, NCursesTerminal.pasteIdleTimeout)
        while !paste.isComplete {
            var value: wint_t = 0
            let status = wget_wch(window, &value)
            if status == KEY_CODE_YES {
                if UInt32(value) == KeyDecoder.keyResize { queued.append(.resize(size)) }
                paste.add(keyCode: UInt32(value), extra: extraCodes)
            } else if status == OK {
                paste.add(character: UInt32(value))
            } else {
                break
            }
        }
        return .paste(paste.text)
    }

    public func suspend() {
        guard isOpen else { return }
        NCursesTerminal.setBracketedPaste(false)
        endwin()
        cncw_stop_self()
        NCursesTerminal.setBracketedPaste(true)
        // Resumed: repaint everything, the shell has drawn over the screen.
        previous = CellBuffer(width: 0, height: 0)
        clearok(window, true)
    }

    public func forceFullRedraw() {
        guard isOpen else { return }
        // As after a resize: `present` erases the window and `clearok` has the refresh clear
        // the physical screen, so cells that look unchanged to the diff are written again.
        previous = CellBuffer(width: 0, height: 0)
        clearok(window, true)
    }

    public func bell() {
        beep()
    }

    public func copyToClipboard(_ text: String) {
        let sequence = "\u{1B}]52;c;" + Base64.encode(Array(text.utf8)) + "\u{07}"
        var bytes = Array(sequence.utf8)
        _ = write(STDOUT_FILENO, &bytes, bytes.count)
    }

    public func close() {
        guard isOpen else { return }
        isOpen = false
        cncw_restore_terminal()
    }

    // MARK: - Private

    private func readInput() -> KeyDecoder.Input? {
        var value: wint_t = 0
        let status = wget_wch(window, &value)
        switch status {
        case KEY_CODE_YES: return KeyDecoder.decode(keyCode: UInt32(value), extra: extraCodes)
        case OK: return KeyDecoder.decode(character: UInt32(value))
        default: return nil
        }
    }

    private func draw(_ change: CellChange) {
        // Neighbouring cells mostly share a style: work out its attributes and colour pair
        // once per run of them.
        let cell = change.cell
        if cell.styleBits != drawnStyle.bits {
            drawnStyle = (cell.styleBits, attributes(for: cell.style), usesColor ? colorPair(for: cell.style) : 0)
        }
        let (_, attributes, pair) = drawnStyle
        // On the stack: a changed cell costs no allocation.
        withUnsafeTemporaryAllocation(of: wchar_t.self, capacity: 6) { characters in
            let start = characters.baseAddress!
            NCursesTerminal.wideCharacters(of: cell.grapheme, into: characters)
            if cncw_put_cell(window, Int32(change.y), Int32(change.x), start, attributes, pair) == ERR {
                // setcchar refused the grapheme: draw its first scalar alone.
                characters[1] = 0
                _ = cncw_put_cell(window, Int32(change.y), Int32(change.x), start, attributes, pair)
            }
        }
    }

    /// A spacing scalar followed by at most CCHARW_MAX - 1 combining scalars, NUL-terminated.
    /// Emoji ZWJ sequences keep their first emoji: ncurses cannot hold more than one spacing
    /// character per cell.
    nonisolated static func wideCharacters(of grapheme: String) -> [wchar_t] {
        var result = [wchar_t](repeating: 0, count: 6)
        let count = result.withUnsafeMutableBufferPointer { wideCharacters(of: grapheme, into: $0) }
        return Array(result.prefix(count + 1))
    }

    /// ``wideCharacters(of:)`` into `buffer` (6 entries); returns how many come before the NUL.
    @discardableResult
    nonisolated static func wideCharacters(of grapheme: String, into buffer: UnsafeMutableBufferPointer<wchar_t>) -> Int {
        var count = 0
        for scalar in grapheme.unicodeScalars {
            if count > 0 {
                guard count < 5, DisplayWidth.of(scalar) == 0, scalar.value != 0x200D else { break }
            }
            buffer[count] = wchar_t(bitPattern: scalar.value)
            count += 1
        }
        if count == 0 {
            buffer[0] = 0x20
            count = 1
        }
        buffer[count] = 0
        return count
    }

    private func attributes(for style: Style) -> attr_t {
        var attributes = cncw_a_normal()
        if style.attributes.contains(.bold) { attributes |= cncw_a_bold() }
        if style.attributes.contains(.underline) { attributes |= cncw_a_underline() }
        if style.attributes.contains(.reverse) { attributes |= cncw_a_reverse() }
        if style.attributes.contains(.dim) { attributes |= cncw_a_dim() }
        return attributes
    }

    private struct ColorPairKey: Hashable {
        var foreground: Int16
        var background: Int16
    }

    private func colorPair(for style: Style) -> Int16 {
        let colors = Int(cncw_colors())
        func index(_ color: Color) -> Int16 {
            guard let index = color.paletteIndex, index < colors else { return -1 }
            return Int16(index)
        }
        let key = ColorPairKey(foreground: index(style.foreground), background: index(style.background))
        if key.foreground == -1 && key.background == -1 { return 0 }
        if let pair = colorPairs[key] { return pair }
        let next = colorPairs.count + 1
        guard next < Int(cncw_color_pairs()), next <= Int(Int16.max) else { return 0 }
        init_pair(Int16(next), key.foreground, key.background)
        colorPairs[key] = Int16(next)
        return Int16(next)
    }
}

extension Duration {
    /// Whole milliseconds, rounded down, for ncurses timeouts.
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
