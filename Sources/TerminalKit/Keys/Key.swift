// MARK: - Key

/// One key press: a code plus modifiers, written in vim-like notation.
///
/// | notation | key |
/// |----------|-----|
/// | `j`, `G`, `?` | a printable character (shifted letters are just upper case) |
/// | `<Space>`, `<lt>` | space, `<` |
/// | `<Enter>`, `<Esc>`, `<Tab>`, `<S-Tab>`, `<BS>`, `<Del>`, `<Ins>` | editing keys |
/// | `<Up>`, `<Down>`, `<Left>`, `<Right>`, `<PgUp>`, `<PgDn>`, `<Home>`, `<End>` | movement |
/// | `<F1>` … `<F12>` | function keys |
/// | `<C-s>`, `<A-x>`, `<C-Up>` | with Control, Alt (`M-` is accepted too), Shift |
///
/// Names are case-insensitive when parsed (`<pgdn>`, `<CR>`, `<Return>`, `<PageDown>`,
/// `<Backspace>`, `<Delete>` are accepted) and printed in the canonical spelling above.
/// Terminals cannot tell some Control combinations from other keys, so they are
/// normalised: `<C-i>` is `<Tab>`, `<C-m>` is `<Enter>`, `<C-[>` is `<Esc>`, `<C-h>` is
/// `<BS>`, and `<C-S>` is `<C-s>`.
public struct Key: Hashable, Sendable {
    /// What was pressed, without modifiers.
    public enum Code: Hashable, Sendable {
        case character(Character)
        case enter, escape, tab, backspace, delete, insert
        case up, down, left, right, pageUp, pageDown, home, end
        case function(Int)
    }

    /// Modifier keys held with the code.
    public struct Modifiers: OptionSet, Hashable, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        public static let control = Modifiers(rawValue: 1 << 0)
        public static let alt = Modifiers(rawValue: 1 << 1)
        public static let shift = Modifiers(rawValue: 1 << 2)
    }

    public let code: Code
    public let modifiers: Modifiers

    /// A key, normalised so that equal presses compare equal (see the type's notes).
    public init(_ code: Code, modifiers: Modifiers = []) {
        var code = code
        var modifiers = modifiers
        if case .character(let character) = code {
            if modifiers.contains(.shift), character.isLetter {
                // Shifted letters arrive as upper-case characters.
                code = .character(Character(character.uppercased()))
                modifiers.remove(.shift)
            }
            if modifiers.contains(.control) {
                let lower = Character(character.lowercased())
                switch lower {
                case "i": code = .tab; modifiers.remove(.control)
                case "m", "j": code = .enter; modifiers.remove(.control)
                case "[": code = .escape; modifiers.remove(.control)
                case "h": code = .backspace; modifiers.remove(.control)
                default: code = .character(lower)
                }
            }
        }
        self.code = code
        self.modifiers = modifiers
    }

    /// A printable character key.
    public static func character(_ character: Character) -> Key { Key(.character(character)) }
    /// A Control combination, `<C-x>`.
    public static func control(_ character: Character) -> Key { Key(.character(character), modifiers: .control) }
    /// An Alt combination, `<A-x>`.
    public static func alt(_ character: Character) -> Key { Key(.character(character), modifiers: .alt) }

    public static let enter = Key(.enter)
    public static let escape = Key(.escape)
    public static let tab = Key(.tab)
    public static let backTab = Key(.tab, modifiers: .shift)
    public static let backspace = Key(.backspace)
    public static let delete = Key(.delete)
    public static let up = Key(.up)
    public static let down = Key(.down)
    public static let left = Key(.left)
    public static let right = Key(.right)
    public static let pageUp = Key(.pageUp)
    public static let pageDown = Key(.pageDown)
    public static let home = Key(.home)
    public static let end = Key(.end)
    public static let space = Key(.character(" "))

    /// The character this key types into a text field, if it is a plain printable key.
    public var typedCharacter: Character? {
        guard modifiers.isEmpty || modifiers == .shift, case .character(let character) = code else { return nil }
        return character
    }
}
