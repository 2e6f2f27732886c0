import Testing
@testable import TerminalKit

/// Hostile strings from the API must never put an escape or control character on the screen,
/// and every rendered row must be exactly as wide as asked.
@Suite struct SanitizerCorpusTests {
    static let corpus: [String] = [
        // Escape sequences (7-bit).
        "\u{1B}[31mred\u{1B}[0m",
        "\u{1B}[2J\u{1B}[Hclear screen",
        "\u{1B}[?1049h alt screen",
        "\u{1B}[10;10Hmove cursor",
        "\u{1B}[6n report cursor",
        "\u{1B}]0;set title\u{07}after",
        "\u{1B}]52;c;ZWNobyBwd25lZA==\u{07}clipboard",
        "\u{1B}]8;;https://evil.example\u{1B}\\click\u{1B}]8;;\u{1B}\\",
        "\u{1B}P+q544e\u{1B}\\dcs",
        "\u{1B}_apc\u{1B}\\ \u{1B}^pm\u{1B}\\ \u{1B}Xsos\u{1B}\\",
        "\u{1B}]0;unterminated osc",
        "\u{1B}[",
        "\u{1B}",
        "trailing escape \u{1B}",
        "\u{1B}\u{1B}\u{1B}[[[m",
        "\u{1B}c reset",
        "\u{1B}(0 line drawing \u{1B}(B",
        "\u{1B}#8 fill with E",
        "\u{1B}[1;31;42;5;7mall attrs",
        "\u{1B}[38;2;255;0;0mtruecolor",
        // 8-bit C1 forms.
        "\u{9B}31mcsi8",
        "\u{9D}0;title\u{9C}osc8",
        "\u{90}dcs8\u{9C}",
        "\u{85}nel \u{84}ind \u{8D}ri",
        "\u{9F}apc8\u{9C}\u{9E}pm8\u{9C}\u{98}sos8\u{9C}",
        // C0 controls.
        "bell\u{07}\u{07}\u{07}",
        "back\u{08}\u{08}space",
        "nul\u{0}byte",
        "vt\u{0B}ff\u{0C}",
        "del\u{7F}ete",
        String((0..<32).map { Character(Unicode.Scalar(UInt8($0))) }),
        String((0x7F...0x9F).map { Character(Unicode.Scalar(UInt8($0))) }),
        // Bidi.
        "\u{202E}gnp.exe",
        "\u{202A}\u{202B}\u{202C}\u{202D}embeddings",
        "\u{2066}isolate\u{2069}\u{2067}rtl\u{2069}\u{2068}fsi\u{2069}",
        "عربي \u{202E}mixed\u{202C} English",
        "עברית with numbers 123",
        // Zero width and combining.
        "zero\u{200B}width\u{200C}non\u{200D}joiner",
        "\u{FEFF}bom at start",
        "e\u{0301}\u{0302}\u{0303}\u{0304} stacked",
        "Z" + String(repeating: "\u{0336}\u{0301}", count: 300) + "algo",
        "\u{0301}leading combining",
        "\u{FE0F}\u{FE0E}variation selectors alone",
        // CJK and fullwidth.
        "山田太郎との通話：来週フォローアップ",
        "한국어 통화 메모",
        "ＦＵＬＬＷＩＤＴＨ　ｔｅｘｔ",
        "中" + String(repeating: "文", count: 100),
        // Emoji.
        "👍🏽 thumbs",
        "👨‍👩‍👧‍👦 family",
        "🏳️‍🌈 rainbow flag",
        "🇯🇵🇫🇷🇺🇸 flags",
        "🇯 lone regional indicator",
        "1️⃣2️⃣#️⃣ keycaps",
        "❤️‍🔥 heart on fire",
        "🧑🏿‍🤝‍🧑🏻 people holding hands",
        // Tabs and line breaks.
        "\ttab\tseparated\tvalues\t",
        "line one\nline two\nline three",
        "crlf\r\nline\r\n",
        "carriage\rreturn overwrite",
        "\n\n\n",
        "separator\u{2028}and\u{2029}paragraph",
        // Mixed nastiness.
        "\u{1B}[31m中\u{1B}[0m\t👍🏽\r\n\u{202E}x\u{0}",
        "a\u{1B}]0;\u{1B}[31m\u{07}b",
        String(repeating: "\u{1B}[0m", count: 10_000) + "end",
        "\u{E000}\u{F8FF} private use",
        "\u{FFFD} replacement \u{FFFF}\u{FFFE}",
        "",
        " ",
        // 10 MB.
        String(repeating: "0123456789\u{1B}[1mBOLD\u{1B}[0m\n", count: 10_000_000 / 24),
    ]

    static let widths = [1, 2, 7, 40, 80]

    @Test func theCorpusHasAtLeastFiftyStrings() {
        #expect(Self.corpus.count >= 50)
    }

    @Test(arguments: Self.corpus.indices)
    func oneLineRenderingIsSafeAndExactlyAsWide(index: Int) {
        let text = Self.corpus[index]
        let sanitizer = Sanitizer()
        for width in Self.widths {
            let row = sanitizer.line(text, maxWidth: width).fitted(toWidth: width)
            #expect(Self.isSafe(row), "corpus[\(index)] at width \(width): \(row.debugDescription)")
            #expect(row.displayWidth == width, "corpus[\(index)] at width \(width)")
            var buffer = CellBuffer(width: width, height: 1)
            buffer.write(row, in: buffer.area)
            #expect(buffer.lines.allSatisfy(Self.isSafe))
            #expect(buffer.lines.map(\.displayWidth) == [width])
        }
    }

    @Test(arguments: Self.corpus.indices)
    func multiLineRenderingIsSafeAndEveryWrappedRowFits(index: Int) {
        let text = Self.corpus[index]
        // The 10 MB string is checked in one-line mode; its multi-line pass would only
        // repeat the same lines thousands of times.
        let lines = Sanitizer().lines(text.utf8.count > 1_000_000 ? String(text.prefix(10_000)) : text)
        for width in [7, 40] {
            let rows = lines.flatMap { $0.wrapped(toWidth: width) }.map { $0.fitted(toWidth: width) }
            #expect(rows.allSatisfy(Self.isSafe), "corpus[\(index)]")
            #expect(rows.allSatisfy { $0.displayWidth == width }, "corpus[\(index)] at width \(width)")
        }
    }

    @Test func theTenMegabyteStringIsSanitizedInFullInMultiLineMode() {
        let huge = Self.corpus.last!
        #expect(huge.utf8.count > 9_000_000)
        let lines = Sanitizer().lines(huge)
        #expect(lines.count == 10_000_000 / 24 + 1)
        #expect(lines.first == "0123456789BOLD")
        #expect(lines.allSatisfy(Self.isSafe))
    }

    /// No ESC, no C0/C1 control, no bidi control anywhere.
    static func isSafe(_ text: String) -> Bool {
        !text.unicodeScalars.contains { scalar in
            let value = scalar.value
            return value < 0x20 || (0x7F...0x9F).contains(value)
                || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
        }
    }
}
