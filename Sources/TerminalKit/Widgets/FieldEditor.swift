// MARK: - FieldEditor

/// An editable text value with a cursor: the heart of every text field.
///
/// Keys (readline's): printable characters insert; `<Left>`/`<Right>` (`<C-b>`/`<C-f>`) move; `<A-b>`/`<A-f>`,
/// `<C-Left>`/`<C-Right>` and `<A-Left>`/`<A-Right>` move by words; `<Home>`/`<C-a>` and
/// `<End>`/`<C-e>` go to the start and end of the line; `<BS>` and `<Del>` (`<C-d>`) delete;
/// `<C-w>` and `<A-BS>` delete the word before the cursor, `<A-d>` and `<C-Del>` the word
/// after it, `<C-u>` everything before it on the line, `<C-k>` everything after it. In a
/// multi-line editor `<Enter>` inserts a line break and `<Up>`/`<Down>` move between lines;
/// a single-line editor leaves those keys to its owner.
public struct FieldEditor: Hashable, Sendable {
    /// The text, as graphemes.
    public private(set) var characters: [Character]
    /// The cursor position, a grapheme index in `0...characters.count`.
    public private(set) var cursor: Int
    public let isMultiline: Bool

    public init(text: String = "", multiline: Bool = false) {
        let clean = multiline ? Sanitizer().lines(text).joined(separator: "\n") : Sanitizer().line(text)
        self.characters = Array(clean)
        self.cursor = characters.count
        self.isMultiline = multiline
    }

    /// An editor over `text` exactly as given (no cleaning: the owner keeps the value it
    /// stores), with the cursor at grapheme index `cursor` (clamped).
    public init(verbatim text: String, cursor: Int, multiline: Bool) {
        self.characters = Array(text)
        self.cursor = max(0, min(cursor, characters.count))
        self.isMultiline = multiline
    }

    /// The edited text.
    public var text: String { String(characters) }

    /// Puts the cursor at grapheme index `index` (clamped).
    public mutating func setCursor(_ index: Int) {
        cursor = max(0, min(index, characters.count))
    }

    /// Replaces the text and puts the cursor at its end.
    public mutating func setText(_ text: String) {
        self = FieldEditor(text: text, multiline: isMultiline)
    }

    // MARK: - Editing

    /// Applies an editing key; returns whether the key was handled.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        if let character = key.typedCharacter {
            insert(character)
            return true
        }
        switch (key.code, key.modifiers) {
        case (.left, []), (.character("b"), .control): cursor = max(0, cursor - 1)
        case (.right, []), (.character("f"), .control): cursor = min(characters.count, cursor + 1)
        case (.home, []), (.character("a"), .control): cursor = lineStart(of: cursor)
        case (.end, []), (.character("e"), .control): cursor = lineEnd(of: cursor)
        case (.backspace, []):
            guard cursor > 0 else { return true }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case (.delete, []):
            guard cursor < characters.count else { return true }
            characters.remove(at: cursor)
        case (.left, .control), (.left, .alt), (.character("b"), .alt): cursor = wordStart(before: cursor)
        case (.right, .control), (.right, .alt), (.character("f"), .alt): cursor = wordEnd(after: cursor)
        case (.character("d"), .control):
            guard cursor < characters.count else { return true }
            characters.remove(at: cursor)
        case (.character("w"), .control), (.backspace, .alt): deleteWordBackward()
        case (.character("d"), .alt), (.delete, .control):
            characters.removeSubrange(cursor..<wordEnd(after: cursor))
        case (.character("u"), .control):
            let start = lineStart(of: cursor)
            characters.removeSubrange(start..<cursor)
            cursor = start
        case (.character("k"), .control):
            characters.removeSubrange(cursor..<lineEnd(of: cursor))
        case (.enter, []) where isMultiline: insert("\n")
        case (.up, []) where isMultiline: moveVertically(by: -1)
        case (.down, []) where isMultiline: moveVertically(by: 1)
        default: return false
        }
        return true
    }

    /// Inserts a grapheme at the cursor (line breaks only in multi-line editors; unsafe
    /// characters are ignored). A character that joins a neighbouring grapheme (a combining
    /// mark, a joiner or a variation selector typed on its own, the emoji after a ZWJ) becomes
    /// part of it, and the cursor goes after the grapheme that holds it.
    public mutating func insert(_ character: Character) {
        if character == "\n" || character == "\r\n" {
            guard isMultiline else { return }
            characters.insert("\n", at: cursor)
            cursor += 1
            return
        }
        guard !Sanitizer.isUnsafe(character) || character == "\t" else { return }
        let inserted: Character = character == "\t" ? " " : character
        if joinsNeighbour(inserted) {
            insertJoining(inserted)
        } else {
            characters.insert(inserted, at: cursor)
            cursor += 1
        }
    }

    // MARK: - Layout

    /// The lines of the text (one for a single-line editor).
    public var lines: [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The cursor as (line, display column).
    public var cursorPosition: (line: Int, column: Int) {
        let start = lineStart(of: cursor)
        let line = characters[..<start].filter { $0 == "\n" }.count
        let column = characters[start..<cursor].reduce(0) { $0 + $1.displayWidth }
        return (line, column)
    }

    // MARK: - Private

    /// Whether `character` would form one grapheme with the grapheme before or after the
    /// cursor. Typed text arrives one scalar per key (ncurses' `get_wch`), so `ि`, U+0301,
    /// ZWJ or VS16 each come as a lone "grapheme" that belongs to its neighbour; kept as an
    /// element of its own it would put the cursor inside a grapheme.
    private func joinsNeighbour(_ character: Character) -> Bool {
        if cursor > 0, String([characters[cursor - 1], character]).count == 1 { return true }
        if cursor < characters.count, String([character, characters[cursor]]).count == 1 { return true }
        return false
    }

    /// Inserts `character` and splits the text from the grapheme before the cursor on into
    /// graphemes again. The whole rest is redone, not just the neighbours, because some
    /// boundaries depend on what comes before them (regional-indicator pairs, emoji ZWJ
    /// sequences, Indic conjuncts); typing at the end, the usual case, redoes one grapheme.
    private mutating func insertJoining(_ character: Character) {
        let start = max(0, cursor - 1)
        var text = String(characters[start..<cursor])
        text.append(character)
        let insertedEnd = text.unicodeScalars.count
        text.append(contentsOf: String(characters[cursor...]))
        let graphemes = Array(text)
        // The cursor goes after the grapheme holding the inserted scalars.
        var scalars = 0
        var passed = 0
        for grapheme in graphemes where scalars < insertedEnd {
            scalars += grapheme.unicodeScalars.count
            passed += 1
        }
        characters.replaceSubrange(start..., with: graphemes)
        cursor = start + passed
    }

    private func lineStart(of index: Int) -> Int {
        var start = index
        while start > 0, characters[start - 1] != "\n" { start -= 1 }
        return start
    }

    private func lineEnd(of index: Int) -> Int {
        var end = index
        while end < characters.count, characters[end] != "\n" { end += 1 }
        return end
    }

    private mutating func deleteWordBackward() {
        var start = cursor
        while start > 0, characters[start - 1] == " " { start -= 1 }
        while start > 0, characters[start - 1] != " ", characters[start - 1] != "\n" { start -= 1 }
        characters.removeSubrange(start..<cursor)
        cursor = start
    }

    /// Word characters for word moves: letters, digits and marks (readline's notion).
    private func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }

    /// The start of the word at or before `index` (skipping separators first).
    private func wordStart(before index: Int) -> Int {
        var i = index
        while i > 0, !isWordCharacter(characters[i - 1]) { i -= 1 }
        while i > 0, isWordCharacter(characters[i - 1]) { i -= 1 }
        return i
    }

    /// The end of the word at or after `index` (skipping separators first).
    private func wordEnd(after index: Int) -> Int {
        var i = index
        while i < characters.count, !isWordCharacter(characters[i]) { i += 1 }
        while i < characters.count, isWordCharacter(characters[i]) { i += 1 }
        return i
    }

    private mutating func moveVertically(by lines: Int) {
        let column = cursorPosition.column
        var start = lineStart(of: cursor)
        if lines < 0 {
            guard start > 0 else { return }
            start = lineStart(of: start - 1)
        } else {
            let end = lineEnd(of: cursor)
            guard end < characters.count else { return }
            start = end + 1
        }
        // Land on the same display column, or the end of a shorter line.
        var index = start
        var width = 0
        let end = lineEnd(of: start)
        while index < end, width + characters[index].displayWidth <= column {
            width += characters[index].displayWidth
            index += 1
        }
        cursor = index
    }
}
