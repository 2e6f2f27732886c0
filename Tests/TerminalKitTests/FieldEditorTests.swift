import Testing
@testable import TerminalKit

@Suite struct FieldEditorTests {
    func type(_ text: String, into editor: inout FieldEditor) {
        for character in text { editor.handle(.character(character)) }
    }

    @Test func typingInsertsAtTheCursor() {
        var editor = FieldEditor(text: "held")
        editor.handle(.left)
        type("l", into: &editor)
        editor.handle(.home)
        type("H: ", into: &editor)
        #expect(editor.text == "H: hell" + "d")
        editor.handle(.end)
        type("!", into: &editor)
        #expect(editor.text == "H: helld!")
    }

    @Test func backspaceAndDeleteRemoveAroundTheCursor() {
        var editor = FieldEditor(text: "abcd")
        editor.handle(.left)
        editor.handle(.backspace)
        editor.handle(.delete)
        #expect(editor.text == "ab")
        editor.handle(.home)
        editor.handle(.backspace)
        #expect(editor.text == "ab")
    }

    @Test func controlWDeletesTheWordBeforeTheCursor() {
        var editor = FieldEditor(text: "call back tomorrow  ")
        editor.handle(.control("w"))
        #expect(editor.text == "call back ")
        editor.handle(.control("w"))
        #expect(editor.text == "call ")
    }

    @Test func controlUAndControlKCutBeforeAndAfterTheCursor() {
        var editor = FieldEditor(text: "before|after")
        for _ in 0..<6 { editor.handle(.left) }
        editor.handle(.control("k"))
        #expect(editor.text == "before")
        editor.handle(.left)
        editor.handle(.control("u"))
        #expect(editor.text == "e")
        #expect(editor.cursor == 0)
    }

    @Test func aSingleLineEditorLeavesEnterAndArrowsToItsOwner() {
        var editor = FieldEditor(text: "x")
        #expect(editor.handle(.enter) == false)
        #expect(editor.handle(.up) == false)
        #expect(editor.text == "x")
    }

    @Test func aMultiLineEditorMovesBetweenLinesByDisplayColumn() {
        var editor = FieldEditor(text: "中文ab\nxyz", multiline: true)
        #expect(editor.cursorPosition.line == 1)
        #expect(editor.cursorPosition.column == 3)
        editor.handle(.up)
        #expect(editor.cursorPosition.line == 0)
        #expect(editor.cursorPosition.column == 2)
        editor.handle(.enter)
        #expect(editor.lines == ["中", "文ab", "xyz"])
    }

    @Test func pastedControlCharactersAreDropped() {
        var editor = FieldEditor(text: "a\u{1B}[31mb\tc")
        editor.insert("\u{7}")
        #expect(editor.text == "ab  c")
    }

    @Test func theCursorStaysVisibleWhenTheTextIsWiderThanTheField() {
        let editor = FieldEditor(text: "0123456789abcdef")
        var buffer = CellBuffer(width: 6, height: 1)
        editor.render(in: buffer.area, buffer: &buffer)
        #expect(buffer.lines == ["bcdef "])
        #expect(buffer[5, 0].style == .reverse)
    }
}
