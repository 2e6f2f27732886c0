import Foundation

/// A call's duration as people type and read it. `hs_call_duration` holds milliseconds
/// (FINDINGS.md §8); this is the one place that turns what a person typed into them, shared
/// by `hubcalls log --duration` and the browser's forms so both take the same text.
///
/// Accepted (case-insensitive, surrounding blanks ignored):
/// - clock forms `m:ss` and `h:mm:ss` (`1:30`, `01:02:03`; minutes and seconds after the
///   first part stay below 60);
/// - unit groups, optionally separated by spaces: `90s`, `5m`, `1m30s`, `1h 5m`, `1.5h`,
///   `250ms` (units `ms`, `s`/`sec`/`second`, `m`/`min`/`minute`, `h`/`hr`/`hour`, plurals too);
/// - a bare whole number: milliseconds, HubSpot's own unit (`90000` is a minute and a half).
///
/// Anything else, negative values and values too large for an `Int` are refused (`nil`).
public enum CallDuration {
    /// The accepted forms, for help texts and validation messages.
    public static let examples = "90s, 5m, 1m30s, 1h 5m, 1:30, 1:02:03 or milliseconds (90000)"

    /// Milliseconds for a typed duration, or `nil` when the text is not a duration.
    public static func milliseconds(_ text: String) -> Int? {
        let raw = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !raw.isEmpty, raw.count <= 64 else { return nil }
        if raw.allSatisfy(\.isASCIIDigitCharacter) { return Int(raw) }
        if raw.contains(":") { return clock(raw) }
        return unitGroups(raw.filter { $0 != " " })
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

    /// `1h30m`, `90s`, `250ms`, `1.5h` (spaces already removed).
    private static func unitGroups(_ raw: String) -> Int? {
        var total = 0.0
        var number = ""
        var index = raw.startIndex
        var sawUnit = false
        while index < raw.endIndex {
            let character = raw[index]
            if character.isASCIIDigitCharacter || character == "." {
                number.append(character)
                index = raw.index(after: index)
                continue
            }
            var unit = ""
            while index < raw.endIndex, raw[index].isLetter {
                unit.append(raw[index])
                index = raw.index(after: index)
            }
            guard let value = Double(number), value.isFinite, value >= 0, let scale = unitScale[unit] else { return nil }
            total += value * scale
            number = ""
            sawUnit = true
        }
        // A trailing number without a unit (`1h30`) is ambiguous: refused.
        guard sawUnit, number.isEmpty, total.isFinite, total < 1e15 else { return nil }
        return Int(total.rounded())
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
