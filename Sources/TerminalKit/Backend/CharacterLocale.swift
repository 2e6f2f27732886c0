#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - CharacterLocale

/// Makes sure the character locale (`LC_CTYPE`) is UTF-8 before ncurses starts, as tmux does.
///
/// Wide-character ncurses reads keys and draws cells through the C library's multibyte
/// functions, which follow `LC_CTYPE`. Under the POSIX locale (what an unset `LANG` gives,
/// common over ssh and in containers) every byte above 0x7F is invalid: borders, badges,
/// accents and CJK are not drawn, and a typed `ö` is lost along with the key after it (QA4
/// Q4-9). So when the environment's locale is not UTF-8, `LC_CTYPE` alone is switched to a
/// UTF-8 locale that is installed; when none is, the terminal is not opened at all.
enum CharacterLocale {
    /// Tried in order when the environment's locale is not UTF-8: `C.UTF-8` (glibc 2.35+,
    /// Debian, musl), `en_US.UTF-8` (installed almost everywhere else) and `UTF-8` (macOS's
    /// name for its UTF-8 character locale).
    static let fallbacks = ["C.UTF-8", "en_US.UTF-8", "UTF-8"]

    /// What ``choose(codeset:select:)`` decided.
    enum Outcome: Hashable, Sendable {
        /// The environment's locale is UTF-8.
        case environment
        /// `LC_CTYPE` was switched to this locale.
        case fallback(String)
        /// No UTF-8 locale could be set; `codeset` is the environment's character set.
        case unavailable(codeset: String)
    }

    /// The decision, without touching the process: `codeset` is the character set of the
    /// environment's locale; `select` sets `LC_CTYPE` to a locale and returns its character
    /// set, or `nil` when that locale is not installed.
    static func choose(codeset: String, select: (String) -> String?) -> Outcome {
        if isUTF8(codeset) { return .environment }
        for name in fallbacks {
            if let selected = select(name), isUTF8(selected) { return .fallback(name) }
        }
        return .unavailable(codeset: codeset)
    }

    /// Whether a `nl_langinfo(CODESET)` name is UTF-8 (`UTF-8` on glibc and macOS; `utf8`
    /// and `UTF8` are spellings seen elsewhere).
    static func isUTF8(_ codeset: String) -> Bool {
        codeset.uppercased().filter { $0 != "-" && $0 != "_" } == "UTF8"
    }

    /// Sets the locale from the environment, then falls back as ``choose(codeset:select:)``
    /// says. Changes process-wide state: call it once, before the terminal is set up.
    static func adopt() -> Outcome {
        setlocale(LC_ALL, "")
        return choose(codeset: currentCodeset()) { name in
            guard setlocale(LC_CTYPE, name) != nil else { return nil }
            return currentCodeset()
        }
    }

    private static func currentCodeset() -> String {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return "" }
        return String(cString: codeset)
    }
}
