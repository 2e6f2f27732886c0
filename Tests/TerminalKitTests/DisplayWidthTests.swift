import Testing
@testable import TerminalKit

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("a", 1), ("中", 2), ("Ａ", 2), ("한", 2), ("e\u{0301}", 1), ("\u{0301}", 0), ("\u{200B}", 0),
        ("👍", 2), ("👍🏽", 2), ("👨‍👩‍👧", 2), ("🇫🇷", 1), ("\u{FE0F}", 0), ("…", 1), ("⏎", 1), ("\u{00AD}", 1),
    ])
    func graphemeWidthIsTheWidthOfItsFirstNonZeroWidthScalar(text: String, width: Int) {
        #expect(Character(text).displayWidth == width)
    }

    @Test func stringWidthSumsItsGraphemes() {
        #expect("abc中文👍".displayWidth == 9)
        #expect("".displayWidth == 0)
    }

    @Test func controlCharactersHaveNoWidth() {
        #expect(DisplayWidth.of(Unicode.Scalar(0x1B)!) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x9B)!) == 0)
    }

    @Test func truncationEndsInAnEllipsisAndNeverSplitsAWideCharacter() {
        #expect("hello world".truncated(toWidth: 8) == "hello w…")
        #expect("hello".truncated(toWidth: 5) == "hello")
        #expect("日本語テキスト".truncated(toWidth: 6) == "日本…")
        #expect("日本語".truncated(toWidth: 1) == "…")
        #expect("日本語".truncated(toWidth: 0) == "")
        #expect("ab".truncated(toWidth: 1, ellipsis: "...") == "a")
    }

    @Test func paddingAlignsByDisplayWidth() {
        #expect("中".padded(toWidth: 4) == "中  ")
        #expect("中".padded(toWidth: 4, alignment: .right) == "  中")
        #expect("中".padded(toWidth: 5, alignment: .center) == " 中  ")
        #expect("toolong".padded(toWidth: 3) == "toolong")
    }

    @Test(arguments: 0...12)
    func fittedTextIsExactlyTheRequestedWidth(width: Int) {
        for text in ["", "abc", "日本語テキスト", "a日b本c", "👨‍👩‍👧 family", "e\u{0301}e\u{0301}e\u{0301}"] {
            #expect(text.fitted(toWidth: width).displayWidth == width, "\(text) at \(width)")
        }
    }

    @Test func wrappingBreaksAtSpacesByDisplayWidth() {
        #expect("the quick brown fox".wrapped(toWidth: 10) == ["the quick", "brown fox"])
        #expect("中文中文中文".wrapped(toWidth: 5) == ["中文", "中文", "中文"])
        #expect("abcdefgh".wrapped(toWidth: 3) == ["abc", "def", "gh"])
        #expect("".wrapped(toWidth: 3) == [""])
        #expect("a  b".wrapped(toWidth: 10) == ["a  b"])
        #expect("中x".wrapped(toWidth: 1) == ["…", "x"])
    }

    @Test func everyWrappedRowFitsTheWidth() {
        let text = "Call with 山田太郎 about the renewal 👍🏽 — follow up next week, supercalifragilisticexpialidocious"
        for width in 1...30 {
            let rows = text.wrapped(toWidth: width)
            #expect(rows.allSatisfy { $0.displayWidth <= width }, "width \(width): \(rows)")
            if width >= 2 {
                #expect(rows.joined().filter { $0 != " " } == text.filter { $0 != " " }, "width \(width)")
            }
        }
    }
}

/// The BMP's widths come from a table made from the range tables; every entry must be what
/// searching the ranges gives.
@Suite struct DisplayWidthTableTests {
    @Test func everyBMPScalarHasTheWidthTheRangesGive() {
        var mismatches: [String] = []
        for value in UInt32(0x300)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue } // surrogates
            if DisplayWidth.of(scalar) != DisplayWidth.searchedWidth(value) { mismatches.append(String(value, radix: 16)) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
    }

    @Test func knownWidthsAcrossTheTableHold() {
        let expected: [(UInt32, Int)] = [(0x301, 0), (0x1100, 2), (0x1160, 0), (0x2026, 1), (0x200B, 0), (0x3000, 2), (0x302A, 0), (0x4E2D, 2), (0xAC00, 2), (0xFE0F, 0), (0xFF21, 2), (0xFF61, 1), (0xFFFD, 1), (0x1F44D, 2), (0x1F3FD, 2), (0xE0001, 0)]
        for (value, width) in expected {
            #expect(DisplayWidth.of(Unicode.Scalar(value)!) == width, "U+\(String(value, radix: 16))")
        }
    }
}
