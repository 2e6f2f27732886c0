import Foundation

/// HubSpot's timestamps: ISO-8601 UTC with milliseconds on output (`2025-05-02T14:00:00.000Z`);
/// ISO-8601 or epoch **milliseconds** on input.
///
/// Hand-rolled rather than `ISO8601FormatStyle` because the list formats and parses one
/// timestamp per row and per sort key; this is plain arithmetic (civil-from-days), allocation
/// free apart from the result string, and exact for years 1970–9999.
public enum HubSpotTimestamp {
    /// Why a timestamp was refused.
    public enum Problem: Equatable, Sendable {
        /// A 10-digit number: epoch seconds sent where HubSpot wants milliseconds.
        case seconds
        case malformed
        /// The shape is right but a part does not exist (`2026-02-30`, `25:00`); the text
        /// names the part, from ``CivilDateTime/problem``.
        case outOfRange(String)
    }

    /// Parses ISO-8601 (`Z` or `±hh:mm`, optional fraction) or epoch milliseconds.
    public static func parse(_ text: String) -> Date? {
        if case .success(let date) = validate(text) { return date }
        return nil
    }

    /// Parses like ``parse(_:)`` and says why a value is refused.
    public static func validate(_ raw: String) -> Result<Date, ProblemError> {
        let text = raw.trimmingCharacters(in: .whitespaces)
        if !text.isEmpty, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) || (text.first == "-" && text.dropFirst().allSatisfy(\.isNumber)) {
            let digits = text.filter(\.isNumber).count
            if digits <= 10 && text != "0" { return .failure(ProblemError(problem: .seconds)) }
            guard let ms = Int64(text) else { return .failure(ProblemError(problem: .malformed)) }
            return .success(Date(timeIntervalSince1970: Double(ms) / 1000))
        }
        return parseISO(text)
    }

    /// Wraps ``Problem`` so it can travel in a `Result`.
    public struct ProblemError: Error, Equatable, Sendable {
        public var problem: Problem
        public init(problem: Problem) { self.problem = problem }
    }

    /// `2025-05-02T14:00:00.000Z`.
    public static func format(_ date: Date) -> String {
        let totalMs = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        var days = totalMs / 86_400_000
        var msOfDay = totalMs % 86_400_000
        if msOfDay < 0 { msOfDay += 86_400_000; days -= 1 }
        let (y, m, d) = civil(fromDays: days)
        let h = msOfDay / 3_600_000, mi = (msOfDay / 60_000) % 60, s = (msOfDay / 1000) % 60, ms = msOfDay % 1000
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2) + "T" + pad(h, 2) + ":" + pad(mi, 2) + ":" + pad(s, 2) + "." + pad(ms, 3) + "Z"
    }

    /// Epoch milliseconds as a string, the form search filters compare.
    public static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }

    // MARK: - ISO-8601

    private static func parseISO(_ text: String) -> Result<Date, ProblemError> {
        guard let (parts, ms, offset) = isoFields(text) else { return .failure(ProblemError(problem: .malformed)) }
        if let why = parts.problem { return .failure(ProblemError(problem: .outOfRange(why))) }
        let days = daysFromCivil(Int64(parts.year), Int64(parts.month), Int64(parts.day))
        let total = ((days * 24 + Int64(parts.hour)) * 60 + Int64(parts.minute) - offset) * 60_000 + Int64(parts.second) * 1000 + ms
        return .success(Date(timeIntervalSince1970: Double(total) / 1000))
    }

    /// The typed parts, milliseconds and UTC offset in minutes, or nil when the text is not
    /// ISO-8601's shape. Ranges are not checked here: see ``CivilDateTime``.
    private static func isoFields(_ text: String) -> (CivilDateTime, Int64, Int64)? {
        let b = Array(text.utf8)
        func num(_ from: Int, _ len: Int) -> Int64? {
            guard from + len <= b.count else { return nil }
            var v: Int64 = 0
            for i in from..<(from + len) {
                let c = b[i]
                guard c >= 48, c <= 57 else { return nil }
                v = v * 10 + Int64(c - 48)
            }
            return v
        }
        // A month past 12 or a day past 31 is no date at all; anything subtler is named.
        guard b.count >= 10, let y = num(0, 4), b[4] == 45, let mo = num(5, 2), b[7] == 45, let d = num(8, 2),
              (1...12).contains(mo), (1...31).contains(d) else { return nil }
        var h: Int64 = 0, mi: Int64 = 0, s: Int64 = 0, ms: Int64 = 0, offset: Int64 = 0
        var i = 10
        if i < b.count {
            guard b[i] == 84 || b[i] == 116 || b[i] == 32, let hh = num(11, 2), b.count > 13, b[13] == 58, let mm = num(14, 2) else { return nil }
            h = hh; mi = mm; i = 16
            if i < b.count, b[i] == 58 { guard let ss = num(17, 2) else { return nil }; s = ss; i = 19 }
            if i < b.count, b[i] == 46 || b[i] == 44 {
                i += 1
                var digits = 0
                var frac: Int64 = 0
                while i < b.count, b[i] >= 48, b[i] <= 57 {
                    if digits < 3 { frac = frac * 10 + Int64(b[i] - 48) }
                    digits += 1; i += 1
                }
                guard digits > 0 else { return nil }
                for _ in 0..<max(0, 3 - digits) { frac *= 10 }
                ms = frac
            }
            if i < b.count {
                if b[i] == 90 || b[i] == 122 { i += 1 }
                else if b[i] == 43 || b[i] == 45 {
                    let sign: Int64 = b[i] == 43 ? 1 : -1
                    guard let oh = num(i + 1, 2) else { return nil }
                    var om: Int64 = 0
                    if i + 3 < b.count, b[i + 3] == 58 { guard let m = num(i + 4, 2) else { return nil }; om = m; i += 6 }
                    else if let m = num(i + 3, 2) { om = m; i += 5 } else { i += 3 }
                    offset = sign * (oh * 60 + om)
                } else { return nil }
            }
            guard i == b.count else { return nil }
        }
        return (CivilDateTime(year: Int(y), month: Int(mo), day: Int(d), hour: Int(h), minute: Int(mi), second: Int(s)), ms, offset)
    }

    // Howard Hinnant's civil calendar algorithms.
    static func daysFromCivil(_ y0: Int64, _ m: Int64, _ d: Int64) -> Int64 {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The proleptic Gregorian (year, month, day) of a day number (days since 1970-01-01).
    /// Public so the browser's UTC wall clock computes dates the same way, without ICU.
    public static func civil(fromDays z0: Int64) -> (Int64, Int64, Int64) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
