import CallsCore
import Foundation

/// Times as the browser shows them, in the user's time zone. Pure functions of the date,
/// "now" and the zone, so snapshots are stable.
public enum TimeFormat {
    /// The list's time column: `14:03` today, `Tue 09:10` within the last week, otherwise
    /// `2025-11-02`.
    public static func relative(_ date: Date, now: Date, timeZone: TimeZone) -> String {
        let clock = WallClock(timeZone)
        let parts = clock.fields(date)
        let hm = two(parts.hour) + ":" + two(parts.minute)
        if clock.isSameDay(date, now) { return hm }
        let startOfToday = clock.startOfDay(now)
        if date < startOfToday, date >= startOfToday.addingTimeInterval(-6 * 86_400) {
            return weekdays[parts.weekday - 1] + " " + hm
        }
        return dateOnly(parts)
    }

    /// `2025-11-02 14:03:05` in the zone, for the detail pane and forms.
    public static func local(_ date: Date, timeZone: TimeZone) -> String {
        let parts = WallClock(timeZone).fields(date)
        return dateOnly(parts) + " " + two(parts.hour) + ":" + two(parts.minute) + ":" + two(parts.second)
    }

    /// The first instant of `date`'s day in the zone.
    public static func startOfDay(_ date: Date, timeZone: TimeZone) -> Date {
        WallClock(timeZone).startOfDay(date)
    }

    /// A property's time for the detail pane: `2025-11-02 14:03:05 CET`, with `exact`
    /// followed by the UTC form (`(2025-11-02T13:03:05.000Z)`); nil when `raw` is no time.
    /// Kept per value and zone: parsing and the zone's abbreviation cost more than the rest of
    /// the side pane, which shows the same times again as the cursor comes back.
    public static func detailTime(_ raw: String, timeZone: TimeZone, exact: Bool) -> String? {
        let key = DetailTimeKey(raw: raw, zone: timeZone.identifier, exact: exact)
        if let cached = detailTimes.withLock({ $0[key] }) { return cached }
        guard let date = HubSpotTimestamp.parse(raw) else { return nil }
        var text = local(date, timeZone: timeZone) + " " + zoneName(timeZone, at: date)
        if exact { text += " (\(HubSpotTimestamp.format(date)))" }
        detailTimes.withLock { cache in
            if cache.count >= 4_096 { cache.removeAll(keepingCapacity: true) }
            cache[key] = text
        }
        return text
    }

    private struct DetailTimeKey: Hashable {
        var raw: String
        var zone: String
        var exact: Bool
    }

    private static let detailTimes = Locked<[DetailTimeKey: String]>([:])

    /// The zone's abbreviation (`UTC`, `CET`).
    public static func zoneName(_ timeZone: TimeZone, at date: Date) -> String {
        // Foundation would answer "GMT" or "UTC" here, shown as UTC, after reading ICU's
        // zone-name tables (about a megabyte resident): see ``WallClock``.
        if UTCZone.contains(timeZone) { return "UTC" }
        return foundationZoneName(timeZone, at: date)
    }

    /// The abbreviation as Foundation names it (GMT at offset zero shown as UTC).
    static func foundationZoneName(_ timeZone: TimeZone, at date: Date) -> String {
        let name = timeZone.abbreviation(for: date) ?? timeZone.identifier
        return name == "GMT" && timeZone.secondsFromGMT(for: date) == 0 ? "UTC" : name
    }

    /// Reads what a user typed into a date field: `yyyy-MM-dd HH:mm[:ss]` in the zone, a
    /// date alone (midnight), ISO-8601, or epoch milliseconds. Returns epoch milliseconds as
    /// a string, or the input unchanged when it is none of those (validation explains).
    public static func wireValue(fromLocal text: String, timeZone: TimeZone) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        // Out-of-range parts are left as typed so validation refuses them (see
        // ``rangeProblem(fromLocal:)``) instead of the calendar rolling them over.
        guard let parts = localParts(trimmed), parts.problem == nil else { return trimmed }
        var components = DateComponents()
        components.year = parts.year; components.month = parts.month; components.day = parts.day
        components.hour = parts.hour; components.minute = parts.minute; components.second = parts.second
        guard let date = calendar(timeZone).date(from: components) else { return trimmed }
        return String(HubSpotTimestamp.milliseconds(date))
    }

    /// Why a typed local date names no real moment (`February has 28 days in 2026`), or nil
    /// when it is fine or not a local date at all (other validation speaks to those).
    public static func rangeProblem(fromLocal text: String) -> String? {
        localParts(text.trimmingCharacters(in: .whitespaces))?.problem
    }

    /// `yyyy-MM-dd[ HH[:mm[:ss]]]` split into its parts, unchecked; nil for any other shape
    /// (epoch milliseconds, ISO-8601 with a `T`, words).
    static func localParts(_ trimmed: String) -> CivilDateTime? {
        if trimmed.isEmpty || trimmed.allSatisfy(\.isNumber) || trimmed.contains("T") { return nil }
        let pieces = trimmed.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == ":" }).map { Int($0) }
        guard pieces.count >= 3, pieces.count <= 6, pieces.allSatisfy({ $0 != nil }) else { return nil }
        let n = pieces.map { $0! }
        // As in the ISO parser: a month past 12 or a day past 31 is no date at all, so the
        // generic "Not a date" applies; only subtler slips get a named part.
        guard (1...12).contains(n[1]), (1...31).contains(n[2]) else { return nil }
        return CivilDateTime(year: n[0], month: n[1], day: n[2], hour: n.count > 3 ? n[3] : 0,
                             minute: n.count > 4 ? n[4] : 0, second: n.count > 5 ? n[5] : 0)
    }

    // MARK: - Helpers

    static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    /// A Gregorian calendar in `timeZone`. The last one is kept: making one costs more than
    /// formatting a row's time with it, and every frame asks for the same zone.
    static func calendar(_ timeZone: TimeZone) -> Calendar {
        calendars.withLock { cache in
            if let cached = cache, cached.timeZone == timeZone { return cached }
            var cal = Calendar(identifier: .gregorian)
            cal.timeZone = timeZone
            cache = cal
            return cal
        }
    }

    private static let calendars = Locked<Calendar?>(nil)

    static func dateOnly(_ parts: WallClock.Fields) -> String {
        four(parts.year) + "-" + two(parts.month) + "-" + two(parts.day)
    }

    static func two(_ n: Int?) -> String {
        let v = n ?? 0
        return v < 10 ? "0\(v)" : "\(v)"
    }

    static func four(_ n: Int?) -> String {
        let s = String(n ?? 0)
        return String(repeating: "0", count: max(0, 4 - s.count)) + s
    }
}
