import Testing
@testable import TerminalKit

/// Readline word keys and the wrapped layout of multi-line editors.
@Suite struct FieldEditorWordAndWrapTests {
    @Test(arguments: ["<A-b>", "<C-Left>", "<A-Left>"])
    func wordLeftGoesToTheStartOfTheWordBefore(key: String) {
        var editor = FieldEditor(text: "call back, tomorrow")
        editor.handle(Key(notation: key)!)
        #expect(editor.cursor == 11)
        editor.handle(Key(notation: key)!)
        #expect(editor.cursor == 5)
    }

    @Test(arguments: ["<A-f>", "<C-Right>", "<A-Right>"])
    func wordRightGoesToTheEndOfTheWordAfter(key: String) {
        var editor = FieldEditor(verbatim: "call back, tomorrow", cursor: 0, multiline: false)
        editor.handle(Key(notation: key)!)
        #expect(editor.cursor == 4)
        editor.handle(Key(notation: key)!)
        #expect(editor.cursor == 9)
    }

    @Test func altDAndControlDeleteRemoveTheWordAfterTheCursor() {
        var editor = FieldEditor(verbatim: "call back, tomorrow", cursor: 4, multiline: false)
        editor.handle(Key(notation: "<A-d>")!)
        #expect(editor.text == "call, tomorrow")
        editor.handle(Key(notation: "<C-Del>")!)
        #expect(editor.text == "call")
    }

    @Test func altBackspaceDeletesTheWordBeforeAndControlDTheCharacterUnderTheCursor() {
        var editor = FieldEditor(text: "Olé Müller")
        editor.handle(Key(notation: "<A-BS>")!)
        #expect(editor.text == "Olé ")
        editor.handle(.home)
        editor.handle(Key(notation: "<C-d>")!)
        #expect(editor.text == "lé ")
    }

    @Test func aVerbatimEditorKeepsTheTextAsGivenAndClampsTheCursor() {
        let editor = FieldEditor(verbatim: "a\tb", cursor: 99, multiline: false)
        #expect(editor.text == "a\tb")
        #expect(editor.cursor == 3)
    }

    @Test func wrappedRowsBreakAtLineBreaksAndWhereTheTextIsTooWideWithoutSplittingWideCharacters() {
        let editor = FieldEditor(verbatim: "abcdef\n中文中文", cursor: 0, multiline: true)
        // Width 5 keeps one column for the cursor: four columns of text per row.
        let rows = editor.visualRows(width: 5).map { String(Array(editor.text)[$0.start..<$0.end]) }
        #expect(rows == ["abcd", "ef", "中文", "中文"])
    }

    @Test func wordsStayWholeWhenTheRowHasASpaceToBreakAt() {
        let editor = FieldEditor(verbatim: "call back tomorrow", cursor: 0, multiline: true)
        let rows = editor.visualRows(width: 12).map { String(Array(editor.text)[$0.start..<$0.end]) }
        #expect(rows == ["call back ", "tomorrow"])
    }

    @Test func theCursorAtAWrapPointStartsTheNextRow() {
        let editor = FieldEditor(verbatim: "abcdef", cursor: 4, multiline: true)
        let position = editor.visualCursor(width: 5)
        #expect(position.row == 1)
        #expect(position.column == 0)
    }

    @Test func movingVisuallyKeepsTheColumnAndStopsAtTheEnds() {
        var editor = FieldEditor(verbatim: "abcdefgh\nxy", cursor: 2, multiline: true)
        var moved = false
        moved = editor.moveVisually(by: 1, width: 5)
        #expect(moved)
        #expect(editor.cursor == 6)
        moved = editor.moveVisually(by: 1, width: 5)
        #expect(moved)
        #expect(editor.cursor == 11) // "xy" is shorter: its end
        moved = editor.moveVisually(by: 1, width: 5)
        #expect(!moved)
        #expect(editor.cursor == 11)
        moved = editor.moveVisually(by: -2, width: 5)
        #expect(moved)
        #expect(editor.cursor == 2)
        moved = editor.moveVisually(by: -1, width: 5)
        #expect(!moved)
    }

    @Test func renderingWrapsAndScrollsToTheCursor() {
        let editor = FieldEditor(verbatim: "one two three four five six", cursor: 27, multiline: true)
        var buffer = CellBuffer(width: 8, height: 2)
        editor.renderWrapped(in: buffer.area, buffer: &buffer)
        #expect(buffer.lines == ["five    ", "six     "])
    }
}
