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

/// `write` reads most non-ASCII characters as lone scalars, without the grapheme breaking
/// of `String`; what it draws must be what writing grapheme by grapheme draws.
@Suite struct CellBufferLoneScalarTests {
    static let fragments = [
        "a", "Hi ", "é", "e", "\u{301}", "\u{302}\u{303}", "ß", "Ω", "Ж", "\u{483}", "—", "…", "“", "€", "\u{20E3}", "→", "│", "█",
        "★", "❤", "\u{FE0F}", "中", "文", "、", "\u{302A}", "か", "\u{3099}", "カ", "ｶ", "\u{FF9E}", "한", "\u{1100}", "\u{1161}",
        "\u{11A8}", "👍", "🏽", "\u{200D}", "👩", "💻", "🇫", "🇷", "\u{600}", "\u{6DD}", "\u{110BD}", "क", "\u{94D}", "ष",
        "\u{85}", "\u{202E}", "\u{2028}", "\u{200B}", "\u{AD}", "\u{7}", "\r\n", "\u{1B}", "\u{FFFD}", "ｱ", "\u{10FFFD}",
    ]

    @Test(arguments: 0..<400)
    func whatIsDrawnIsWhatWritingGraphemeByGraphemeDraws(seed: Int) {
        var random = SeededRandom(seed: UInt64(seed) + 9_000)
        var text = ""
        for _ in 0..<random.next(14) { text += Self.fragments[random.next(Self.fragments.count)] }
        var background = CellBuffer(width: 12, height: 1)
        background.write(["中文中文中文", "abcdefghijkl", "ab中文cd👍🏽ef"][random.next(3)], x: 0, y: 0)
        let x = random.next(4)
        let maxWidth = [nil, 3, 7, 20][random.next(4)]
        var fast = background, reference = background
        let written = fast.write(text, x: x, y: 0, maxWidth: maxWidth, style: .bold)
        let expected = Self.writeByGraphemes(text, into: &reference, x: x, y: 0, maxWidth: maxWidth, style: .bold)
        let scalars = text.unicodeScalars.map { String($0.value, radix: 16) }
        #expect(written == expected, "\(scalars)")
        #expect(fast == reference, "\(scalars): \(fast.lines) vs \(reference.lines)")
    }

    /// `write` as it was before its fast paths: one `Character` at a time.
    static func writeByGraphemes(_ text: String, into buffer: inout CellBuffer, x: Int, y: Int, maxWidth: Int?, style: Style) -> Int {
        let limit = min(buffer.width, x + (maxWidth ?? buffer.width))
        var column = x
        for character in text {
            guard column < limit else { break }
            var grapheme = String(character)
            var columns = character.displayWidth
            if Sanitizer.isUnsafe(character) {
                grapheme = "\u{FFFD}"
                columns = 1
            }
            if columns == 0 { continue }
            if column + columns > limit {
                buffer.set(.blank(style), x: column, y: y)
                column += 1
                break
            }
            buffer.set(Cell(grapheme: grapheme, width: columns, style: style), x: column, y: y)
            column += columns
        }
        return column - x
    }
}
