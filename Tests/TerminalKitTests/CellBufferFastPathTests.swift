import Testing
@testable import TerminalKit

/// Printable ASCII takes a fast path through `write`, `displayWidth` and
/// `prefix(displayWidth:)`; these pin the cases where it must not change the result.
@Suite struct CellBufferFastPathTests {
    @Test func aLetterFollowedByACombiningMarkStaysOneCell() {
        var buffer = CellBuffer(width: 4, height: 1)
        #expect(buffer.write("ae\u{301}x", x: 0, y: 0) == 3)
        #expect(buffer[0, 0].grapheme == "a")
        #expect(buffer[1, 0].grapheme == "e\u{301}")
        #expect(buffer[2, 0].grapheme == "x")
        #expect(buffer.lines == ["ae\u{301}x "])
    }

    @Test func asciiWrittenOverEitherHalfOfAWideCharacterLeavesNoOrphan() {
        var right = CellBuffer(width: 4, height: 1)
        right.write("中文", x: 0, y: 0)
        right.write("a", x: 1, y: 0)
        #expect(right.lines == [" a文"])
        #expect(right[2, 0].width == 2 && right[3, 0].isContinuation)

        var left = CellBuffer(width: 4, height: 1)
        left.write("中文", x: 0, y: 0)
        left.write("b", x: 2, y: 0)
        #expect(left.lines == ["中b "])
        #expect(left[3, 0] == .blank())
    }

    @Test func controlCharactersBetweenAsciiLettersStillBecomeReplacementCharacters() {
        var buffer = CellBuffer(width: 5, height: 1)
        buffer.write("a\u{7}b\r\nc", x: 0, y: 0)
        #expect(buffer.lines == ["a\u{FFFD}b\u{FFFD}c"])
    }

    @Test func asciiWritesKeepTheirStyleAndStopAtTheLimit() {
        var buffer = CellBuffer(width: 6, height: 1)
        #expect(buffer.write("abcdef", x: 1, y: 0, maxWidth: 3, style: .bold) == 3)
        #expect(buffer.lines == [" abc  "])
        #expect(buffer[1, 0].style == .bold && buffer[3, 0].style == .bold && buffer[4, 0].style == .plain)
    }

    @Test func widthsAndPrefixesOfAsciiAndMixedTextAgree() {
        #expect("hello".displayWidth == 5)
        #expect("a\u{1B}b".displayWidth == 2)
        #expect("a中".displayWidth == 3)
        #expect("hello".prefix(displayWidth: 3) == "hel")
        #expect("hello".prefix(displayWidth: 0) == "")
        #expect("hello".prefix(displayWidth: 9) == "hello")
        #expect("ab中".prefix(displayWidth: 3) == "ab")
    }
}
