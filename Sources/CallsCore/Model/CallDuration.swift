import Foundation

/// A call's duration as people type and read it. `hs_call_duration` holds milliseconds
/// (FINDINGS.md §8); this is the one place that turns what a person typed into them, shared
/// by `hubcalls log --duration` and the browser's forms so both take the same text.
///
/// Accepted (case-insensitive, surrounding blanks ignored):
/// - clock forms `m:ss` and `h:mm:ss` (`1:30`, `01:02:03`; minutes and seconds after the
///   first part stay below 60);
/// - unit groups: `90s`, `5m`, `1m30s`, `1h 5m`, `1.5h`, `250ms` (units `ms`,
///   `s`/`sec`/`second`, `m`/`min`/`minute`, `h`/`hr`/`hour`, plurals too). Spaces may separate
///   groups (`1h 5m`) or a number from its unit (`2 min`), never two parts of a number: `1 5m`
///   is refused rather than read as 15 minutes;
/// - a bare whole number: milliseconds, HubSpot's own unit (`90000` is a minute and a half).
///
/// Anything else, negative values and values too large for an `Int` are refused (`nil`, or
/// from ``parse(_:)`` an ``Invalid`` that says what to change).
public enum CallDuration {
    /// The accepted forms, for help texts and validation messages.
    public static let examples = "90s, 5m, 1m30s, 1h 5m, 1:30, 1:02:03 or milliseconds (90000)"

    /// Why a text is not a duration. The message quotes only digits and units from the text,
    /// never the text itself (it may hold terminal escapes), and ends with the accepted forms.
    public struct Invalid: Error, Equatable, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// Milliseconds for a typed duration, or `nil` when the text is not a duration.
    public static func milliseconds(_ text: String) -> Int? {
        try? parse(text)
    }

    /// Milliseconds for a typed duration.
    /// - Throws: ``Invalid`` saying what is wrong (`1 5m`: a space splits the number 1 5).
    public static func parse(_ text: String) throws(Invalid) -> Int {
        let raw = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !raw.isEmpty else { throw invalid("A duration is empty.") }
        guard raw.count <= 64 else { throw invalid("A duration is at most 64 characters.") }
        if raw.allSatisfy(\.isASCIIDigitCharacter) {
            guard let milliseconds = Int(raw) else { throw invalid("The duration is too large.") }
            return milliseconds
        }
        if raw.contains(":") {
            guard let milliseconds = clock(raw) else { throw invalid("Not a clock time like 1:30 or 1:02:03.") }
            return milliseconds
        }
        return try unitGroups(raw)
    }

    /// The form the browser shows a stored duration in: `h:mm:ss` (`0:01:30`), which
    /// ``milliseconds(_:)`` reads back. Sub-second remainders are dropped, as HubSpot's UI does.
    public static func format(milliseconds: Int) -> String {
        let total = max(0, milliseconds) / 1000
        let hours = total / 3600, minutes = (total % 3600) / 60, seconds = total % 60
        return "\(hours):" + (minutes < 10 ? "0" : "") + "\(minutes):" + (seconds < 10 ? "0" : "") + "\(seconds)"
    }

    // MARK: - Private

    /// `m:ss` or `h:mm:ss`.
    private static func clock(_ raw: String) -> Int? {
        let parts = raw.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count),
              parts.allSatisfy({ !$0.isEmpty && $0.count <= 12 && $0.allSatisfy(\.isASCIIDigitCharacter) }) else { return nil }
        let numbers = parts.compactMap { Int($0) }
        guard numbers.count == parts.count, !numbers.dropFirst().contains(where: { $0 >= 60 }) else { return nil }
        var seconds = 0
        for number in numbers {
            let (shifted, overflow) = seconds.multipliedReportingOverflow(by: 60)
            guard !overflow else { return nil }
            seconds = shifted + number
        }
        let (milliseconds, overflow) = seconds.multipliedReportingOverflow(by: 1000)
        return overflow ? nil : milliseconds
    }

    /// `1h30m`, `90s`, `250ms`, `1.5h`, `1h 5m`, `2 min`.
    private static func unitGroups(_ raw: String) throws(Invalid) -> Int {
        let characters = Array(raw)
        var index = 0
        var total = 0.0
        func skipSpaces() {
            while index < characters.count, characters[index] == " " { index += 1 }
        }
        func isNumberCharacter(_ character: Character) -> Bool { character.isASCIIDigitCharacter || character == "." }
        skipSpaces()
        while index < characters.count {
            var number = ""
            while index < characters.count, isNumberCharacter(characters[index]) {
                number.append(characters[index])
                index += 1
            }
            guard !number.isEmpty else { throw invalid("Not a duration.") }
            skipSpaces()
            if index < characters.count, isNumberCharacter(characters[index]) {
                // `1 5m` would read as 15 minutes if spaces were dropped: say so instead.
                var next = ""
                while index < characters.count, isNumberCharacter(characters[index]) {
                    next.append(characters[index])
                    index += 1
                }
                throw invalid("A space splits the number \(number) \(next): write it without the space, or give each part its own unit (1h 5m).")
            }
            var unit = ""
            while index < characters.count, characters[index].isLetter {
                unit.append(characters[index])
                index += 1
            }
            guard !unit.isEmpty else {
                if index == characters.count {
                    // `1h30` is ambiguous (30 minutes? seconds?).
                    throw invalid("The number \(number) has no unit (s, m, h or ms).")
                }
                throw invalid("Not a duration.")
            }
            guard let scale = unitScale[unit] else {
                let shown = unit.allSatisfy(\.isASCII) ? " \(unit)" : ""
                throw invalid("Unknown unit\(shown): use ms, s, m or h.")
            }
            guard let value = Double(number), value.isFinite, value >= 0 else { throw invalid("\(number) is not a number.") }
            total += value * scale
            skipSpaces()
        }
        guard total.isFinite, total < 1e15 else { throw invalid("The duration is too large.") }
        return Int(total.rounded())
    }

    private static func invalid(_ reason: String) -> Invalid {
        Invalid(message: "\(reason) Use e.g. \(examples).")
    }

    private static let unitScale: [String: Double] = {
        var scale: [String: Double] = ["ms": 1]
        for name in ["s", "sec", "secs", "second", "seconds"] { scale[name] = 1000 }
        for name in ["m", "min", "mins", "minute", "minutes"] { scale[name] = 60_000 }
        for name in ["h", "hr", "hrs", "hour", "hours"] { scale[name] = 3_600_000 }
        return scale
    }()
}

extension Character {
    /// `0`–`9` only (not other scripts' digits, which `Int(_:)` refuses).
    fileprivate var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
