import Testing
@testable import TerminalKit

/// Bracketed paste: the markers, the text between them, and what is cleaned out of it.
@Suite struct PasteCollectorTests {
    /// Codes a backend could have bound the extra sequences to.
    static let extra: [UInt32: KeyDecoder.Input] = Dictionary(
        uniqueKeysWithValues: KeyDecoder.extraSequences.enumerated().map { (UInt32(0x7000 + $0.offset), $0.element.input) }
    )

    static func code(of input: KeyDecoder.Input) -> UInt32 {
        extra.first { $0.value == input }!.key
    }

    func collect(_ text: String, keyCodesInside: [UInt32] = []) -> PasteCollector {
        var paste = PasteCollector()
        for scalar in text.unicodeScalars { paste.add(character: scalar.value) }
        for code in keyCodesInside { paste.add(keyCode: code, extra: Self.extra) }
        paste.add(keyCode: Self.code(of: .pasteEnd), extra: Self.extra)
        return paste
    }

    @Test func thePasteMarkersDecodeFromTheCodesTheBackendBoundThemTo() {
        #expect(KeyDecoder.extraSequences.contains { $0.sequence == "\u{1B}[200~" && $0.input == .pasteStart })
        #expect(KeyDecoder.extraSequences.contains { $0.sequence == "\u{1B}[201~" && $0.input == .pasteEnd })
        #expect(KeyDecoder.decode(keyCode: Self.code(of: .pasteStart), extra: Self.extra) == .pasteStart)
        #expect(KeyDecoder.decode(keyCode: Self.code(of: .pasteEnd), extra: Self.extra) == .pasteEnd)
    }

    @Test func standardCodesWinOverExtraBindings() {
        #expect(KeyDecoder.decode(keyCode: 0o402, extra: [0o402: .pasteStart]) == .key(.down))
    }

    @Test func wordMovementKeysDecodeWithTheirModifiers() {
        let notations = Set(KeyDecoder.extraSequences.compactMap { if case .key(let key) = $0.input { key.notation } else { nil } })
        #expect(notations == ["<C-Left>", "<C-Right>", "<A-Left>", "<A-Right>", "<C-Del>"])
    }

    @Test func textBetweenTheMarkersIsOnePieceWithItsNewlines() {
        let paste = collect("Olé\rd\r\nQ")
        #expect(paste.isComplete)
        #expect(paste.text == "Olé\nd\nQ")
    }

    @Test func escapeSequencesAndControlCharactersAreRemoved() {
        let paste = collect("a\u{1B}[31mred\u{1B}[0m\u{07}b\u{1B}]52;c;aGk=\u{07}c\u{202E}d\u{0}e")
        #expect(paste.text == "aredbcde")
    }

    @Test func tabsBecomeSpacesAndKeyCodesInsideThePasteAreDropped() {
        let paste = collect("x\ty", keyCodesInside: [0o403, Self.code(of: .pasteStart)])
        #expect(paste.text == "x   y")
    }

    @Test func nothingIsAddedAfterTheEndMarker() {
        var paste = collect("done")
        paste.add(character: 0x71)
        #expect(paste.text == "done")
    }

    @Test func aHugePasteIsCutAndSaysSo() {
        var paste = PasteCollector()
        for _ in 0..<(PasteCollector.maxScalars + 10) { paste.add(character: 0x61) }
        #expect(paste.wasTruncated)
        #expect(paste.text.count == PasteCollector.maxScalars)
    }
}
