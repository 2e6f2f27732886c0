import Testing
@testable import TerminalKit

/// The UTF-8 locale decision the ncurses backend makes before it opens the terminal (QA4
/// Q4-9), with the C library replaced by a table of installed locales.
@Suite struct CharacterLocaleTests {
    /// A `select` that knows `installed` (locale name → character set) and records the names
    /// it was asked for.
    final class FakeLibc {
        let installed: [String: String]
        private(set) var asked: [String] = []
        init(_ installed: [String: String]) { self.installed = installed }
        func select(_ name: String) -> String? {
            asked.append(name)
            return installed[name]
        }
    }

    @Test(arguments: ["UTF-8", "utf8", "UTF8", "utf-8"])
    func aUTF8EnvironmentIsKeptAndNothingElseIsTried(codeset: String) {
        let libc = FakeLibc(["C.UTF-8": "UTF-8"])
        #expect(CharacterLocale.choose(codeset: codeset, select: libc.select) == .environment)
        #expect(libc.asked.isEmpty)
    }

    @Test func thePOSIXLocaleFallsBackToCUTF8() {
        let libc = FakeLibc(["C.UTF-8": "UTF-8", "en_US.UTF-8": "UTF-8"])
        #expect(CharacterLocale.choose(codeset: "ANSI_X3.4-1968", select: libc.select) == .fallback("C.UTF-8"))
        #expect(libc.asked == ["C.UTF-8"])
    }

    @Test func withoutCUTF8ItTriesEnUSThenMacOSsName() {
        let glibc = FakeLibc(["en_US.UTF-8": "UTF-8"])
        #expect(CharacterLocale.choose(codeset: "ANSI_X3.4-1968", select: glibc.select) == .fallback("en_US.UTF-8"))
        let macOS = FakeLibc(["UTF-8": "UTF-8"])
        #expect(CharacterLocale.choose(codeset: "US-ASCII", select: macOS.select) == .fallback("UTF-8"))
        #expect(macOS.asked == ["C.UTF-8", "en_US.UTF-8", "UTF-8"])
    }

    @Test func aLatin1EnvironmentIsNotEnough() {
        let libc = FakeLibc(["C.UTF-8": "UTF-8"])
        #expect(CharacterLocale.choose(codeset: "ISO-8859-1", select: libc.select) == .fallback("C.UTF-8"))
    }

    @Test func aFallbackThatIsNotUTF8DoesNotCount() {
        let libc = FakeLibc(["C.UTF-8": "ANSI_X3.4-1968", "en_US.UTF-8": "UTF-8"])
        #expect(CharacterLocale.choose(codeset: "ANSI_X3.4-1968", select: libc.select) == .fallback("en_US.UTF-8"))
    }

    @Test func noUTF8LocaleRefusesWithTheEnvironmentsCharacterSet() {
        let libc = FakeLibc([:])
        let outcome = CharacterLocale.choose(codeset: "ANSI_X3.4-1968", select: libc.select)
        #expect(outcome == .unavailable(codeset: "ANSI_X3.4-1968"))
        let message = TerminalError.notUTF8Locale(codeset: "ANSI_X3.4-1968").description
        #expect(message.contains("UTF-8 locale is needed"))
        #expect(message.contains("ANSI_X3.4-1968"))
        #expect(message.contains("LANG=C.UTF-8"))
    }
}
