import Testing
@testable import TerminalKit

@Suite struct KeyDecoderTests {
    @Test(arguments: [
        (UInt32(0x6A), "j"), (0x47, "G"), (0x0D, "<Enter>"), (0x0A, "<Enter>"), (0x09, "<Tab>"), (0x7F, "<BS>"),
        (0x08, "<BS>"), (0x13, "<C-s>"), (0x03, "<C-c>"), (0x1A, "<C-z>"), (0x17, "<C-w>"), (0x20, "<Space>"),
        (0x4E2D, "中"), (0x00, "<C-Space>"), (0x1D, "<C-]>"),
    ])
    func charactersDecodeToKeys(value: UInt32, notation: String) {
        #expect(KeyDecoder.decode(character: value) == .key(Key(notation: notation)!))
    }

    @Test func escapeIsReportedSoTheBackendCanLookForAlt() {
        #expect(KeyDecoder.decode(character: 0x1B) == .escape)
        #expect(KeyDecoder.alt(.character("x")).notation == "<A-x>")
        #expect(KeyDecoder.alt(.enter).notation == "<A-Enter>")
    }

    @Test func c1ControlsAreIgnored() {
        #expect(KeyDecoder.decode(character: 0x9B) == .ignored)
    }

    @Test(arguments: [
        (UInt32(0o402), "<Down>"), (0o403, "<Up>"), (0o404, "<Left>"), (0o405, "<Right>"), (0o406, "<Home>"),
        (0o550, "<End>"), (0o522, "<PgDn>"), (0o523, "<PgUp>"), (0o512, "<Del>"), (0o407, "<BS>"), (0o541, "<S-Tab>"),
        (0o527, "<Enter>"), (0o411, "<F1>"), (0o424, "<F12>"), (0o552, "<Home>"), (0o601, "<End>"),
    ])
    func keyCodesDecodeToKeys(code: UInt32, notation: String) {
        #expect(KeyDecoder.decode(keyCode: code) == .key(Key(notation: notation)!))
    }

    @Test func resizeAndUnknownCodesAreRecognised() {
        #expect(KeyDecoder.decode(keyCode: 0o632) == .resize)
        #expect(KeyDecoder.decode(keyCode: 0o631) == .ignored)
        #expect(KeyDecoder.decode(keyCode: 0o425) == .ignored)
    }

    @Test func base64MatchesRFC4648() {
        #expect(Base64.encode(Array("".utf8)) == "")
        #expect(Base64.encode(Array("f".utf8)) == "Zg==")
        #expect(Base64.encode(Array("fo".utf8)) == "Zm8=")
        #expect(Base64.encode(Array("foobar".utf8)) == "Zm9vYmFy")
    }

    @Test func cellsSplitIntoOneSpacingCharacterAndCombiningMarks() {
        #expect(NCursesTerminal.wideCharacters(of: "e\u{0301}") == [0x65, 0x301, 0])
        #expect(NCursesTerminal.wideCharacters(of: "👨‍👩‍👧") == [0x1F468, 0])
        #expect(NCursesTerminal.wideCharacters(of: "Z" + String(repeating: "\u{0301}", count: 9)).count == 6)
        #expect(NCursesTerminal.wideCharacters(of: "") == [0x20, 0])
    }
}
