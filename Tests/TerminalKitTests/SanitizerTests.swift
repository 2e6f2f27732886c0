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

/// `line(_:maxWidth:)` reads text with nothing to clean in one pass; the result must be
/// what the full scan gives, for every width.
@Suite struct SanitizerPlainTextTests {
    let sanitizer = Sanitizer(maxScalarsPerGrapheme: 6)

    static let fragments = [
        "a", "Hello", " ", "é", "e", "\u{301}", "\u{302}\u{303}\u{304}\u{305}", "中文", "ｱ", "👍", "🏽", "\u{200D}", "👩", "💻",
        "🇫", "🇷", "1", "\u{FE0F}", "\u{20E3}", "…", "\u{202F}", "\t", "\n", "\r", "\u{7}", "\u{7F}", "\u{85}", "\u{1B}[31m",
        "\u{1B}]0;t\u{7}", "\u{1B}", "\u{202E}", "\u{2066}", "\u{2028}", "\u{9B}1m", "\u{0}",
    ]

    @Test(arguments: 0..<300)
    func theResultIsTheFullScansForEveryWidth(seed: Int) {
        var random = SeededRandom(seed: UInt64(seed) + 7_000)
        // Mostly plain fragments, so that the fast path gets far before it meets the rest.
        var text = ""
        for _ in 0..<random.next(12) {
            let plain = random.next(3) > 0
            text += Self.fragments[plain ? random.next(21) : random.next(Self.fragments.count)]
        }
        for maxWidth in [nil, -1, 0, 1, 2, 3, 5, 8, 13, 40] as [Int?] {
            #expect(sanitizer.line(text, maxWidth: maxWidth) == sanitizer.scannedLine(text, maxWidth: maxWidth), "\(text.unicodeScalars.map { String($0.value, radix: 16) }) \(String(describing: maxWidth))")
        }
    }

    @Test func aControlCharacterJustAfterTheCutStillJoinsAMarkToTheLastGrapheme() {
        // The scan removes U+0007, so U+0301 accents the b: the result must keep it.
        #expect(sanitizer.line("ab\u{7}\u{301}c", maxWidth: 1) == "ab\u{301}")
        #expect(sanitizer.line("a中\u{7}\u{301}c", maxWidth: 2) == "a中\u{301}")
    }

    @Test func plainTextComesBackWholeOrCutAfterTheFirstGraphemePastTheWidth() {
        #expect(sanitizer.line("Grüße, 山田さん 👍🏽") == "Grüße, 山田さん 👍🏽")
        #expect(sanitizer.line("Grüße, 山田さん", maxWidth: 8) == "Grüße, 山")
        #expect(sanitizer.line("abcdef", maxWidth: 3) == "abcd")
        #expect(sanitizer.line("abcde\u{301}f", maxWidth: 4) == "abcde\u{301}")
    }
}
