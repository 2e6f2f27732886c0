import Testing
@testable import TerminalKit

/// A cell keeps short graphemes inline and long ones in `GraphemeStore`; either way what
/// goes in comes out byte for byte, and equal graphemes make equal cells.
@Suite struct CellStorageTests {
    /// One grapheme of each kind a cell meets, by width and by how it is stored.
    static let graphemes: [(text: String, width: Int)] = [
        ("a", 1), ("~", 1), (" ", 1),
        ("é", 1), ("e\u{301}", 1), ("ß", 1), ("€", 1), ("…", 1), ("│", 1), ("\u{FFFD}", 1),
        ("a\u{301}\u{302}\u{303}", 1), // 7 bytes: inline
        ("🇫🇷", 1), // 8 bytes: the most that is inline
        ("a\u{301}\u{302}\u{303}\u{304}", 1), // 9 bytes: stored
        ("Z" + String(repeating: "\u{301}", count: 15), 1),
        ("中", 2), ("ｱ", 1), ("한", 2), ("\u{1100}\u{1161}\u{11A8}", 2),
        ("👍", 2), ("👍🏽", 2), ("1️⃣", 1), ("❤️", 1),
        ("👩‍💻", 2), ("👨‍👩‍👧‍👦", 2), ("🏳️‍🌈", 1), ("👩🏽‍💻", 2),
        ("", 0),
    ]

    @Test(arguments: graphemes.indices)
    func aGraphemeComesBackByteForByte(index: Int) {
        let (text, width) = Self.graphemes[index]
        let cell = Cell(grapheme: text, width: width, style: .bold)
        #expect(Array(cell.grapheme.utf8) == Array(text.utf8))
        #expect(cell.width == width)
        #expect(cell.style == .bold)
        #expect(cell.isContinuation == (width == 0))
    }

    @Test(arguments: graphemes.indices.filter { graphemes[$0].width > 0 })
    func aGraphemeWrittenToABufferReadsBackTheSame(index: Int) {
        let (text, width) = Self.graphemes[index]
        var buffer = CellBuffer(width: 4, height: 1)
        #expect(buffer.write("x" + text, x: 0, y: 0) == 1 + width)
        #expect(Array(buffer[1, 0].grapheme.utf8) == Array(text.utf8))
        #expect(buffer[1, 0].width == width)
        #expect(Array(buffer.lines[0].utf8) == Array(("x" + text + String(repeating: " ", count: 3 - width)).utf8))
    }

    @Test(arguments: graphemes.indices)
    func equalGraphemesMakeEqualCellsAndOthersDiffer(index: Int) {
        let (text, width) = Self.graphemes[index]
        let cell = Cell(grapheme: text, width: width)
        // Built again from a copy that shares no storage with the first.
        #expect(Cell(grapheme: String(decoding: Array(text.utf8), as: UTF8.self), width: width) == cell)
        for (other, otherWidth) in Self.graphemes where Array(other.utf8) != Array(text.utf8) {
            #expect(Cell(grapheme: other, width: otherWidth) != Cell(grapheme: text, width: otherWidth))
        }
    }

    static let colors: [Color] = [.default, .black, .red, .green, .yellow, .blue, .magenta, .cyan, .white, .indexed(0), .indexed(7), .indexed(8), .indexed(255)]

    @Test(arguments: colors)
    func everyStyleComesBackAndOnlyEqualStylesMakeEqualCells(foreground: Color) {
        let attributes: [Style.Attributes] = [[], .bold, .underline, .reverse, .dim, [.bold, .reverse, .dim, .underline]]
        for background in Self.colors {
            for attribute in attributes {
                let style = Style(foreground: foreground, background: background, attributes: attribute)
                let cell = Cell(grapheme: "中", width: 2, style: style)
                #expect(cell.style == style && cell.width == 2 && cell.grapheme == "中")
                #expect(Cell.blank(style).style == style && Cell.continuation(style).style == style)
                if style != .plain { #expect(cell != Cell(grapheme: "中", width: 2)) }
            }
        }
    }

    @Test func settingTheGraphemeOrWidthReplacesIt() {
        var cell = Cell.blank()
        cell.grapheme = "👨‍👩‍👧‍👦"
        cell.width = 2
        #expect(cell.grapheme == "👨‍👩‍👧‍👦" && cell.width == 2)
        cell.grapheme = "b"
        #expect(cell == Cell(grapheme: "b", width: 2))
        cell.style = .reverse
        cell.width = 1
        #expect(cell == Cell(grapheme: "b", width: 1, style: .reverse))
    }

    @Test func textThatIsNotOneGraphemeStillRoundTrips() {
        for text in ["ab", "abcdefghij", "a\u{0}b", "\u{0}"] {
            #expect(Cell(grapheme: text, width: 1).grapheme == text)
        }
    }

    @Test func aCellIsSixteenBytesOfPlainData() {
        #expect(_isPOD(Cell.self))
        #expect(MemoryLayout<Cell>.stride == 16)
        #expect(_isPOD(CellChange.self))
    }

    @Test func theStoreKeepsEachLongGraphemeOnce() {
        let store = GraphemeStore(capacity: 10)
        let family = "👨‍👩‍👧‍👦"
        let first = store.code(for: family)
        #expect(store.code(for: String(decoding: Array(family.utf8), as: UTF8.self)) == first)
        #expect(store.count == 1)
        #expect(store.text(at: Int(first >> 8)) == family)
    }

    @Test func aFullStoreKeepsTheLeadingScalarsThatFitInline() {
        let store = GraphemeStore(capacity: 1)
        _ = store.code(for: "👩‍💻")
        let family = store.code(for: "👨‍👩‍👧‍👦")
        let zalgo = store.code(for: "a\u{301}\u{302}\u{303}\u{304}\u{305}")
        #expect(store.count == 1)
        #expect(GraphemeCode.decode(family) == "👨\u{200D}")
        #expect(GraphemeCode.decode(zalgo) == "a\u{301}\u{302}\u{303}")
    }
}
