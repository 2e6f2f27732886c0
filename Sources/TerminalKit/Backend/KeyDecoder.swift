// MARK: - KeyDecoder

/// Turns the results of ncurses' `wget_wch` into keys. Pure, so it is tested without a
/// terminal.
///
/// `wget_wch` reports either a character (`OK`) or a key code (`KEY_CODE_YES`). Alt
/// combinations arrive as ESC followed by the key within `ESCDELAY`; the backend reads the
/// follow-up without waiting and combines them with ``alt(_:)``.
public enum KeyDecoder {
    /// What one `wget_wch` result means.
    public enum Input: Hashable, Sendable {
        case key(Key)
        /// ESC: either `<Esc>` or the start of an Alt combination.
        case escape
        case resize
        /// Something that is not a key we model (mouse, unknown function keys).
        case ignored
        /// `ESC [200~`: a bracketed paste starts; what follows up to ``pasteEnd`` is text.
        case pasteStart
        /// `ESC [201~`: the bracketed paste ends.
        case pasteEnd
    }

    // ncurses key codes (curses.h; stable across ncurses versions).
    static let keyDown: UInt32 = 0o402
    static let keyUp: UInt32 = 0o403
    static let keyLeft: UInt32 = 0o404
    static let keyRight: UInt32 = 0o405
    static let keyHome: UInt32 = 0o406
    static let keyBackspace: UInt32 = 0o407
    static let keyF0: UInt32 = 0o410
    static let keyDelete: UInt32 = 0o512
    static let keyInsert: UInt32 = 0o513
    static let keyNextPage: UInt32 = 0o522
    static let keyPreviousPage: UInt32 = 0o523
    static let keyEnter: UInt32 = 0o527
    static let keyBackTab: UInt32 = 0o541
    static let keyEnd: UInt32 = 0o550
    static let keyResize: UInt32 = 0o632
    /// VT220 Find and Select sit where Home and End are; xterm's terminfo maps `ESC [1~` and
    /// `ESC [4~` (what tmux and screen send for Home and End) to them.
    static let keyFind: UInt32 = 0o552
    static let keySelect: UInt32 = 0o601

    /// Sequences the backend teaches ncurses (`define_key`) on top of the terminfo entry, or
    /// finds there under a code of ncurses' own (`key_defined`). The backend passes the codes
    /// it ends up with to ``decode(keyCode:extra:)``.
    ///
    /// Bracketed paste markers (`ESC [200~` / `ESC [201~`, mode 2004) and the word-movement
    /// keys: Control or Alt with Left/Right in xterm's modifier encoding (`ESC [1;5D`), in
    /// rxvt's (`ESC Od`) and without the `1;` some terminals leave out.
    public static let extraSequences: [(sequence: String, input: Input)] = [
        ("\u{1B}[200~", .pasteStart), ("\u{1B}[201~", .pasteEnd),
        ("\u{1B}[1;5D", .key(Key(.left, modifiers: .control))), ("\u{1B}[5D", .key(Key(.left, modifiers: .control))),
        ("\u{1B}Od", .key(Key(.left, modifiers: .control))),
        ("\u{1B}[1;5C", .key(Key(.right, modifiers: .control))), ("\u{1B}[5C", .key(Key(.right, modifiers: .control))),
        ("\u{1B}Oc", .key(Key(.right, modifiers: .control))),
        ("\u{1B}[1;3D", .key(Key(.left, modifiers: .alt))), ("\u{1B}[1;3C", .key(Key(.right, modifiers: .alt))),
        ("\u{1B}[3;5~", .key(Key(.delete, modifiers: .control))),
    ]

    /// Decodes a key code, trying the standard codes first and then `extra`: the codes the
    /// backend bound the ``extraSequences`` to.
    public static func decode(keyCode: UInt32, extra: [UInt32: Input]) -> Input {
        let standard = decode(keyCode: keyCode)
        guard standard == .ignored, let input = extra[keyCode] else { return standard }
        return input
    }

    /// Decodes a key code (`wget_wch` returned `KEY_CODE_YES`).
    public static func decode(keyCode: UInt32) -> Input {
        switch keyCode {
        case keyDown: .key(.down)
        case keyUp: .key(.up)
        case keyLeft: .key(.left)
        case keyRight: .key(.right)
        case keyHome, keyFind: .key(.home)
        case keyEnd, keySelect: .key(.end)
        case keyBackspace: .key(.backspace)
        case keyDelete: .key(.delete)
        case keyInsert: .key(Key(.insert))
        case keyNextPage: .key(.pageDown)
        case keyPreviousPage: .key(.pageUp)
        case keyEnter: .key(.enter)
        case keyBackTab: .key(.backTab)
        case keyResize: .resize
        case (keyF0 + 1)...(keyF0 + 12): .key(Key(.function(Int(keyCode - keyF0))))
        default: .ignored
        }
    }

    /// Decodes a character (`wget_wch` returned `OK`).
    public static func decode(character value: UInt32) -> Input {
        switch value {
        case 0x1B: return .escape
        case 0x0D, 0x0A: return .key(.enter)
        case 0x09: return .key(.tab)
        case 0x7F, 0x08: return .key(.backspace)
        case 0x00: return .key(Key(.character(" "), modifiers: .control))
        case 0x01...0x1A: return .key(.control(Character(Unicode.Scalar(value + 0x60)!)))
        case 0x1C...0x1F: return .key(.control(Character(Unicode.Scalar(value + 0x40)!)))
        default:
            guard let scalar = Unicode.Scalar(value), !Sanitizer.isControl(scalar) else { return .ignored }
            return .key(.character(Character(scalar)))
        }
    }

    /// The Alt version of a key that followed ESC.
    public static func alt(_ key: Key) -> Key {
        Key(key.code, modifiers: key.modifiers.union(.alt))
    }
}

// MARK: - Bracketed paste

/// Collects what arrives between the bracketed-paste markers into one piece of text.
///
/// Terminals in mode 2004 wrap pasted text in `ESC [200~` … `ESC [201~`, so the app can tell a
/// pasted newline from a pressed Enter. The backend feeds every `wget_wch` result that
/// follows ``KeyDecoder/Input/pasteStart`` until ``isComplete``. Key codes inside a paste
/// (ncurses matched a key sequence in the pasted bytes) are dropped; the text is cleaned with
/// ``Sanitizer``: escape sequences and control characters go, CR and CRLF become LF, tabs
/// become spaces. What the text means (a newline in a one-line field) is the app's business.
public struct PasteCollector: Sendable {
    /// More than this many scalars are dropped (a pasted 10 MB file must not stall the app).
    public static let maxScalars = 1 << 20

    private var scalars = String.UnicodeScalarView()
    /// `scalars.count` walks the string; the count is kept here instead.
    private var scalarCount = 0
    /// The end marker arrived.
    public private(set) var isComplete = false
    /// Scalars were dropped because the paste was longer than ``maxScalars``.
    public private(set) var wasTruncated = false

    public init() {}

    /// Adds a character result (`wget_wch` returned `OK`).
    public mutating func add(character value: UInt32) {
        guard !isComplete, let scalar = Unicode.Scalar(value) else { return }
        guard scalarCount < Self.maxScalars else { wasTruncated = true; return }
        scalars.append(scalar)
        scalarCount += 1
    }

    /// Adds a key-code result: the end marker completes the paste, other keys are dropped.
    public mutating func add(keyCode: UInt32, extra: [UInt32: KeyDecoder.Input]) {
        if KeyDecoder.decode(keyCode: keyCode, extra: extra) == .pasteEnd { isComplete = true }
    }

    /// The pasted text, cleaned; lines separated by `\n`.
    public var text: String {
        Sanitizer().lines(String(scalars)).joined(separator: "\n")
    }
}
