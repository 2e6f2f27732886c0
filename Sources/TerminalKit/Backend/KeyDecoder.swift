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
