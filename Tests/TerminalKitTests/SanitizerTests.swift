import Testing
@testable import TerminalKit

@Suite struct SanitizerTests {
    let sanitizer = Sanitizer()

    @Test func csiSequencesAreRemoved() {
        #expect(sanitizer.line("Hi\u{1B}[31m red\u{1B}[0m") == "Hi red")
        #expect(sanitizer.line("\u{1B}[2J\u{1B}[H\u{1B}[?1049hx") == "x")
        #expect(sanitizer.line("a\u{9B}31mb") == "ab")
    }

    @Test func oscAndDcsStringsAreRemovedUpToTheirTerminator() {
        #expect(sanitizer.line("a\u{1B}]52;c;ZXZpbA==\u{07}b") == "ab")
        #expect(sanitizer.line("a\u{1B}]8;;https://evil\u{1B}\\link\u{1B}]8;;\u{1B}\\b") == "alinkb")
        #expect(sanitizer.line("a\u{1B}P+q544e\u{1B}\\b") == "ab")
        #expect(sanitizer.line("a\u{9D}0;title\u{9C}b") == "ab")
    }

    @Test func anUnterminatedStringSequenceHidesAtMostOneLine() {
        #expect(sanitizer.lines("a\u{1B}]0;title never ends\nnext") == ["a", "next"])
    }

    @Test func shortEscapeSequencesAreRemoved() {
        #expect(sanitizer.line("a\u{1B}cb\u{1B}(Bc\u{1B}7d") == "abcd")
    }

    @Test func controlAndBidiCharactersAreRemoved() {
        #expect(sanitizer.line("a\u{0}b\u{7}c\u{7F}d\u{85}e\u{202E}f\u{2066}g\u{2069}") == "abcdefg")
    }

    @Test func tabsExpandToTheNextTabStop() {
        #expect(sanitizer.line("a\tb") == "a   b")
        #expect(sanitizer.line("abcd\te") == "abcd    e")
        #expect(Sanitizer(tabWidth: 8).line("中\tx") == "中      x")
    }

    @Test func lineBreaksShowAsASymbolInOneLineMode() {
        #expect(sanitizer.line("one\ntwo\r\nthree\rfour\u{2028}five") == "one⏎two⏎three⏎four⏎five")
    }

    @Test func lineBreaksSeparateRowsInMultiLineMode() {
        #expect(sanitizer.lines("one\ntwo\r\n\tthree\r\n") == ["one", "two", "    three", ""])
        #expect(sanitizer.lines("") == [""])
    }

    @Test func graphemesWithTooManyCombiningMarksAreTrimmed() {
        let zalgo = "Z" + String(repeating: "\u{0301}", count: 200)
        let clean = Sanitizer(maxScalarsPerGrapheme: 4).line(zalgo)
        #expect(clean.unicodeScalars.count == 4)
        #expect(clean.displayWidth == 1)
    }

    @Test func oneLineModeWithAMaximumWidthStopsEarly() {
        let huge = String(repeating: "abcdefghij", count: 100_000)
        let clean = sanitizer.line(huge, maxWidth: 20)
        #expect(clean.displayWidth <= 21)
        #expect(clean.hasPrefix("abcdefghij"))
    }

    @Test func ordinaryTextIsUnchanged() {
        for text in ["plain", "Grüße, 山田さん 👍🏽", "e\u{0301}", "👨‍👩‍👧‍👦 🇯🇵 1️⃣"] {
            #expect(sanitizer.line(text) == text)
        }
    }
}
