// MARK: - Notation

extension Key: CustomStringConvertible {
    /// The canonical notation, e.g. `j`, `<C-s>`, `<S-Tab>`, `<PgDn>`.
    public var notation: String {
        var prefix = ""
        if modifiers.contains(.control) { prefix += "C-" }
        if modifiers.contains(.alt) { prefix += "A-" }
        if modifiers.contains(.shift) { prefix += "S-" }
        let name: String
        switch code {
        case .character(" "): name = "Space"
        case .character("<"): name = "lt"
        case .character(let character):
            if prefix.isEmpty { return String(character) }
            name = String(character)
        case .enter: name = "Enter"
        case .escape: name = "Esc"
        case .tab: name = "Tab"
        case .backspace: name = "BS"
        case .delete: name = "Del"
        case .insert: name = "Ins"
        case .up: name = "Up"
        case .down: name = "Down"
        case .left: name = "Left"
        case .right: name = "Right"
        case .pageUp: name = "PgUp"
        case .pageDown: name = "PgDn"
        case .home: name = "Home"
        case .end: name = "End"
        case .function(let number): name = "F\(number)"
        }
        return "<\(prefix)\(name)>"
    }

    public var description: String { notation }

    /// Parses the notation of exactly one key (`j`, `<C-s>`, `<F5>`); `nil` if it is not one.
    ///
    /// A lone zero-width character (a combining mark, ZWJ, ZWNJ, a variation selector) is a
    /// key here, though not in a ``KeySequence``: typed text arrives one scalar per key, and
    /// the notation of such a key is the scalar itself. A keymap still cannot bind it (an
    /// invisible key in a keymap file is a mistake), but a text field must receive it.
    public init?(notation: String) {
        if notation.count == 1, let character = notation.first, character.displayWidth == 0,
           !character.isWhitespace, !Sanitizer.isUnsafe(character) {
            self = Key(.character(character))
            return
        }
        guard let sequence = KeySequence(notation: notation), sequence.keys.count == 1 else { return nil }
        self = sequence.keys[0]
    }

    /// Parses the inside of `<…>`: modifiers and a name.
    static func parseBracketed(_ body: Substring) -> Key? {
        var rest = body
        var modifiers: Modifiers = []
        while rest.count > 2, let dash = rest.dropFirst().first, dash == "-" {
            switch rest.first?.lowercased() {
            case "c": modifiers.insert(.control)
            case "a", "m": modifiers.insert(.alt)
            case "s": modifiers.insert(.shift)
            default: return nil
            }
            rest = rest.dropFirst(2)
        }
        if rest.count == 1, let character = rest.first {
            guard !modifiers.isEmpty, !Sanitizer.isUnsafe(character), character.displayWidth > 0 else { return nil }
            return Key(.character(character), modifiers: modifiers)
        }
        let code: Code
        switch rest.lowercased() {
        case "space": code = .character(" ")
        case "lt": code = .character("<")
        case "enter", "cr", "return": code = .enter
        case "esc", "escape": code = .escape
        case "tab": code = .tab
        case "bs", "backspace": code = .backspace
        case "del", "delete": code = .delete
        case "ins", "insert": code = .insert
        case "up": code = .up
        case "down": code = .down
        case "left": code = .left
        case "right": code = .right
        case "pgup", "pageup": code = .pageUp
        case "pgdn", "pagedown": code = .pageDown
        case "home": code = .home
        case "end": code = .end
        default:
            let lower = rest.lowercased()
            guard lower.hasPrefix("f"), let number = Int(lower.dropFirst()), (1...12).contains(number) else { return nil }
            code = .function(number)
        }
        return Key(code, modifiers: modifiers)
    }
}
