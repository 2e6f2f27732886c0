import Testing
@testable import TerminalKit

@Suite struct CellBufferTests {
    @Test func buildingFromLinesPadsShorterLinesToTheWidestLine() {
        let buffer = CellBuffer(lines: ["abc", "中", ""])
        #expect(buffer.width == 3)
        #expect(buffer.lines == ["abc", "中 ", "   "])
    }

    @Test func writingClipsAtTheMaximumWidthAndReturnsColumnsWritten() {
        var buffer = CellBuffer(width: 8, height: 1)
        let written = buffer.write("hello world", x: 1, y: 0, maxWidth: 5)
        #expect(written == 5)
        #expect(buffer.lines == [" hello  "])
    }

    @Test func writingClipsAtTheRightEdgeOfTheBuffer() {
        var buffer = CellBuffer(width: 4, height: 1)
        #expect(buffer.write("abcdef", x: 2, y: 0) == 2)
        #expect(buffer.lines == ["  ab"])
    }

    @Test func aWideCharacterThatWouldBeCutAtTheEdgeBecomesASpace() {
        var buffer = CellBuffer(width: 5, height: 1, fill: Cell(grapheme: ".", width: 1))
        buffer.write("ab中文", x: 0, y: 0, maxWidth: 5)
        #expect(buffer.lines == ["ab中 "])
        #expect(buffer[4, 0] == .blank())
    }

    @Test func aWideCharacterInTheLastColumnOfTheBufferBecomesASpace() {
        var buffer = CellBuffer(width: 3, height: 1)
        buffer.set(Cell(grapheme: "中", width: 2), x: 2, y: 0)
        #expect(buffer.lines == ["   "])
    }

    @Test func wideCharactersOccupyAHeadAndAContinuationCell() {
        var buffer = CellBuffer(width: 4, height: 1)
        buffer.write("中a", x: 0, y: 0)
        #expect(buffer[0, 0].grapheme == "中")
        #expect(buffer[0, 0].width == 2)
        #expect(buffer[1, 0].isContinuation)
        #expect(buffer[2, 0].grapheme == "a")
    }

    @Test func overwritingTheRightHalfOfAWideCharacterBlanksItsLeftHalf() {
        var buffer = CellBuffer(lines: ["中文"])
        buffer.write("x", x: 1, y: 0)
        #expect(buffer.lines == [" x文"])
    }

    @Test func overwritingTheLeftHalfOfAWideCharacterBlanksItsRightHalf() {
        var buffer = CellBuffer(lines: ["中文"])
        buffer.write("x", x: 2, y: 0)
        #expect(buffer.lines == ["中x "])
    }

    @Test func aWideCharacterOverlappingTwoOthersBreaksBothCleanly() {
        var buffer = CellBuffer(lines: ["中文字"])
        buffer.write("日", x: 1, y: 0)
        #expect(buffer.lines == [" 日 字"])
    }

    @Test func controlCharactersNeverReachACell() {
        var buffer = CellBuffer(width: 6, height: 1)
        buffer.write("a\u{1B}b\u{202E}", x: 0, y: 0)
        #expect(buffer.lines == ["a�b�  "])
    }

    @Test func zeroWidthGraphemesOnTheirOwnAreSkipped() {
        var buffer = CellBuffer(width: 3, height: 1)
        buffer.write("\u{200B}a\u{0301}b", x: 0, y: 0)
        #expect(buffer.lines == ["a\u{0301}b "])
    }

    @Test func fillingAndStylingARectangleIsClippedToTheBuffer() {
        var buffer = CellBuffer(width: 4, height: 3)
        buffer.fill(Rect(x: 2, y: 1, width: 10, height: 10), with: Cell(grapheme: "#", width: 1))
        buffer.setStyle(.reverse, in: Rect(x: 0, y: 0, width: 1, height: 1))
        #expect(buffer.lines == ["    ", "  ##", "  ##"])
        #expect(buffer[0, 0].style == .reverse)
        #expect(buffer[1, 0].style == .plain)
    }

    @Test func writingIntoARectTruncatesAndPadsToItsWidth() {
        var buffer = CellBuffer(width: 8, height: 1, fill: Cell(grapheme: ".", width: 1))
        buffer.write("truncate me", in: Rect(x: 1, y: 0, width: 6, height: 1))
        buffer.write("r", in: Rect(x: 7, y: 0, width: 1, height: 1), alignment: .right)
        #expect(buffer.lines == [".trunc…r"])
    }
}
