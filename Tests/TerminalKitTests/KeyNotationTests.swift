import Testing
@testable import TerminalKit

@Suite struct KeyNotationTests {
    static let canonical = [
        "j", "G", "?", "/", "~", "é", "中", "<Space>", "<lt>", "<C-s>", "<C-c>", "<Enter>", "<Esc>", "<Tab>", "<S-Tab>",
        "<Up>", "<Down>", "<Left>", "<Right>", "<PgUp>", "<PgDn>", "<Home>", "<End>", "<F1>", "<F12>",
        "<Del>", "<BS>", "<Ins>", "<A-x>", "<C-A-x>", "<C-Up>", "<S-Down>", "<A-Enter>", "<C-Space>",
    ]

    @Test(arguments: Self.canonical)
    func canonicalNotationRoundTrips(notation: String) throws {
        let key = try #require(Key(notation: notation))
        #expect(key.notation == notation)
        #expect(Key(notation: key.notation) == key)
    }

    @Test(arguments: [
        ("<cr>", "<Enter>"), ("<Return>", "<Enter>"), ("<pagedown>", "<PgDn>"), ("<PageUp>", "<PgUp>"),
        ("<Backspace>", "<BS>"), ("<delete>", "<Del>"), ("<escape>", "<Esc>"), ("<M-x>", "<A-x>"),
        ("<C-S>", "<C-s>"), ("<S-a>", "A"), ("<C-i>", "<Tab>"), ("<C-m>", "<Enter>"), ("<C-[>", "<Esc>"),
        ("<C-h>", "<BS>"), ("<f5>", "<F5>"), ("<space>", "<Space>"), ("<", "<lt>"),
    ])
    func aliasesAndTerminalEquivalentsNormalise(input: String, canonical: String) {
        #expect(Key(notation: input)?.notation == canonical)
    }

    @Test(arguments: ["", "<>", "<Foo>", "<F13>", "<F0>", "<C->", "<X-a>", "<C-s", "a b", "\u{1B}", "<C-\u{7}>", "jk"])
    func malformedNotationIsRejectedAsOneKey(input: String) {
        #expect(Key(notation: input) == nil)
    }

    @Test func sequencesParseIntoKeysAndPrintBack() throws {
        let sequence = try #require(KeySequence(notation: "gg"))
        #expect(sequence.keys == [.character("g"), .character("g")])
        let mixed = try #require(KeySequence(notation: "<C-w>j<Esc>"))
        #expect(mixed.keys == [.control("w"), .character("j"), .escape])
        #expect(mixed.notation == "<C-w>j<Esc>")
        #expect(KeySequence(notation: "<Up><Foo>") == nil)
        #expect(KeySequence(notation: "a<")?.notation == "a<lt>")
        #expect(KeySequence(notation: "<a") == nil)
    }

    @Test func prefixesAreProperPrefixes() throws {
        let g = try #require(KeySequence(notation: "g"))
        let gg = try #require(KeySequence(notation: "gg"))
        #expect(g.isProperPrefix(of: gg))
        #expect(!gg.isProperPrefix(of: gg))
        #expect(!gg.isProperPrefix(of: g))
    }

    @Test func typedCharacterIsOnlyForPlainPrintableKeys() {
        #expect(Key.character("x").typedCharacter == "x")
        #expect(Key.space.typedCharacter == " ")
        #expect(Key.control("x").typedCharacter == nil)
        #expect(Key.alt("x").typedCharacter == nil)
        #expect(Key.enter.typedCharacter == nil)
    }
}
