import CallsCore
import Testing

/// Free-text folding: what a rep on a US keyboard types matches accented names.
@Suite struct SearchFoldingTests {
    @Test("Latin accents and letters with built-in marks fold to plain ASCII", arguments: [
        ("Zoë", "zoe"), ("Björn", "bjorn"), ("Ødegaard", "odegaard"), ("Müller", "muller"), ("Straße", "strasse"),
        ("ẞ", "ss"), ("Æsir", "aesir"), ("Œuvre", "oeuvre"), ("Łódź", "lodz"), ("Đà Nẵng", "da nang"), ("Þór", "thor"),
        ("Việt", "viet"), ("İstanbul", "istanbul"), ("François", "francois"), ("Ångström", "angstrom"),
    ])
    func latin(text: String, folded: String) {
        #expect(SearchFolding.fold(text) == folded)
    }

    @Test("Decomposed accents fold like precomposed ones")
    func decomposed() {
        #expect(SearchFolding.fold("Zoe\u{0308}") == "zoe")
        #expect(SearchFolding.fold("Zoe\u{0308}") == SearchFolding.fold("Zoë"))
    }

    @Test("Compatibility forms are spelled plainly: full-width letters, ligatures, half-width kana")
    func compatibility() {
        #expect(SearchFolding.fold("ＺＯＥ") == "zoe")
        #expect(SearchFolding.fold("ﬁle") == "file")
        #expect(SearchFolding.fold("ｶﾞ") == "ガ")
    }

    @Test("Greek and Cyrillic lose their accents and case; final sigma folds like sigma")
    func greekAndCyrillic() {
        #expect(SearchFolding.fold("Σοφός") == "σοφοσ")
        #expect(SearchFolding.fold("Фёдор") == "федор")
    }

    @Test("Scripts whose marks change the word are kept as they are", arguments: [
        "東京オフィス", "ガイド", "한국어", "हिन्दी", "ที่", "مرحبا", "שָׁלוֹם", "👨‍👩‍👧", "1️⃣",
    ])
    func keptScripts(text: String) {
        #expect(SearchFolding.fold(text) == text)
    }

    @Test("Decomposed Hangul (as in macOS file names) is composed")
    func hangul() {
        #expect(SearchFolding.fold("\u{1112}\u{1161}\u{11AB}") == "한")
    }

    @Test("Plain ASCII is only lowercased, and folding twice changes nothing", arguments: [
        "Renewal CHECK-in 100%", "Zoë Ødegaard Straße", "ＡＢＣ ｶﾞ ﬁ", "Фёдор Σοφός", "東京 한국어",
    ])
    func idempotent(text: String) {
        let once = SearchFolding.fold(text)
        #expect(SearchFolding.fold(once) == once)
        if text.utf8.allSatisfy({ $0 < 0x80 }) { #expect(once == text.lowercased()) }
    }
}
