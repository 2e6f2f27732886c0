import Testing
@testable import TerminalKit

/// Text typed one scalar per key (QA4 Q4-1): ncurses' `get_wch` turns the UTF-8 bytes of a
/// combining mark, a joiner or a variation selector into a key of its own, and that key must
/// reach a text field and join the grapheme before the cursor.
@Suite struct TypedCombiningMarkTests {
    /// The keys `get_wch` + ``KeyDecoder`` produce for these UTF-8 bytes, after the round trip
    /// through notation that an app makes (CallBrowser's messages carry the notation).
    func keys(_ bytes: [UInt8]) -> [Key] {
        String(decoding: bytes, as: UTF8.self).unicodeScalars.compactMap { scalar in
            guard case .key(let key) = KeyDecoder.decode(character: scalar.value) else { return nil }
            return Key(notation: key.notation)
        }
    }

    func typed(_ text: String, into editor: inout FieldEditor) {
        for key in keys(Array(text.utf8)) { editor.handle(key) }
    }

    @Test(arguments: [
        ([0xCC, 0x81] as [UInt8], "\u{0301}"), // combining acute accent
        ([0xE0, 0xA5, 0x8D], "\u{094D}"), // Devanagari virama
        ([0xE0, 0xB9, 0x88], "\u{0E48}"), // Thai tone mark mai ek
        ([0xE2, 0x80, 0x8C], "\u{200C}"), // ZWNJ
        ([0xE2, 0x80, 0x8D], "\u{200D}"), // ZWJ
        ([0xEF, 0xB8, 0x8F], "\u{FE0F}"), // VS16
    ])
    func theUTF8BytesOfAZeroWidthScalarDecodeToATypedCharacter(bytes: [UInt8], scalar: String) {
        let decoded = keys(bytes)
        #expect(decoded == [Key.character(Character(scalar))])
        #expect(decoded.first?.typedCharacter == Character(scalar))
    }

    @Test func aKeymapStillCannotBindAnInvisibleKey() {
        #expect(KeySequence(notation: "\u{200D}") == nil)
        #expect(KeySequence(notation: "g\u{200B}g") == nil)
    }

    @Test(arguments: ["e\u{0301}", "हिन्दी", "ที่", "a\u{200C}b", "☎\u{FE0F}", "👨\u{200D}👩\u{200D}👧", "🇫🇷"])
    func everyTypedScalarReachesTheFieldAndTheCursorEndsAfterIt(text: String) {
        var editor = FieldEditor()
        typed(text, into: &editor)
        #expect(editor.text.unicodeScalars.elementsEqual(text.unicodeScalars))
        #expect(editor.characters == Array(text))
        #expect(editor.cursor == text.count)
        #expect(editor.cursorPosition.column == text.displayWidth)
    }

    @Test func aMarkTypedBeforeTheEndJoinsTheLetterBeforeTheCursor() {
        var editor = FieldEditor(text: "cafe!")
        editor.handle(.left)
        typed("\u{0301}", into: &editor)
        #expect(editor.text == "caf\u{0065}\u{0301}!")
        #expect(editor.characters.count == 5)
        #expect(editor.cursor == 4)
        #expect(editor.cursorPosition.column == 4)
        editor.handle(.backspace)
        #expect(editor.text == "caf!")
    }

    @Test func aJoinerTypedBetweenTwoEmojiMakesOneGrapheme() {
        var editor = FieldEditor(text: "👨👩")
        editor.handle(.left)
        typed("\u{200D}", into: &editor)
        #expect(editor.text == "👨\u{200D}👩")
        #expect(editor.characters.count == 1)
        #expect(editor.cursor == 1)
    }

    @Test func theFormWidgetTakesTypedMarks() {
        var form = FormState(title: "T", fields: [FormField(id: "title", label: "Title", kind: .text, value: "")])
        for key in keys(Array("ที่".utf8)) { _ = form.handle(key) }
        #expect(form.value(for: "title") == "ที่")
    }
}
