import Foundation
import CallsCore

/// Wall-clock fields of instants in one time zone: what ``TimeFormat`` and ``CompactFormat``
/// print.
///
/// In a zone that is UTC at every instant (`UTC`, `Etc/UTC`, `GMT`, …) the fields are plain
/// arithmetic on the epoch seconds; in every other zone they come from a Gregorian
/// `Calendar`. The results are the same (the tests compare them), but on Linux `Calendar`
/// and `TimeZone` answer through ICU, and the first question reads ICU's zone tables and
/// code into memory (about a megabyte that stays resident). A machine set to UTC, as
/// servers and containers usually are, then never touches them for the list or the detail
/// pane.
struct WallClock {
    /// Year, month (1–12), day, hour, minute, second and weekday (1 = Sunday) of an instant.
    struct Fields: Equatable {
        var year: Int, month: Int, day: Int
        var hour: Int, minute: Int, second: Int
        var weekday: Int
    }

    /// Nil in a UTC zone: fields are computed, not asked of ICU.
    private let calendar: Calendar?
    private let timeZone: TimeZone

    /// - Parameter arithmetic: compute in a UTC zone (false: always ask the calendar, which
    ///   the tests compare against).
    init(_ timeZone: TimeZone, arithmetic: Bool = true) {
        self.timeZone = timeZone
        calendar = arithmetic && UTCZone.contains(timeZone) ? nil : TimeFormat.calendar(timeZone)
    }

    func fields(_ date: Date) -> Fields {
        if calendar == nil, let seconds = UTCZone.epochSeconds(date) {
            let (days, secondOfDay) = UTCZone.split(seconds)
            let (year, month, day) = UTCZone.civil(days: days)
            return Fields(
                year: year, month: month, day: day,
                hour: secondOfDay / 3600, minute: secondOfDay % 3600 / 60, second: secondOfDay % 60,
                // 1970-01-01 was a Thursday (weekday 5).
                weekday: ((days + 4) % 7 + 7) % 7 + 1
            )
        }
        let parts = (calendar ?? TimeFormat.calendar(timeZone)).dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        return Fields(
            year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0,
            hour: parts.hour ?? 0, minute: parts.minute ?? 0, second: parts.second ?? 0, weekday: parts.weekday ?? 1
        )
    }

    /// The first instant of `date`'s day.
    func startOfDay(_ date: Date) -> Date {
        if calendar == nil, let seconds = UTCZone.epochSeconds(date) {
            return Date(timeIntervalSince1970: Double(UTCZone.split(seconds).days * 86_400))
        }
        return (calendar ?? TimeFormat.calendar(timeZone)).startOfDay(for: date)
    }

    /// Whether two instants fall on the same day.
    func isSameDay(_ a: Date, _ b: Date) -> Bool {
        if calendar == nil, let first = UTCZone.epochSeconds(a), let second = UTCZone.epochSeconds(b) {
            return UTCZone.split(first).days == UTCZone.split(second).days
        }
        return (calendar ?? TimeFormat.calendar(timeZone)).isDate(a, inSameDayAs: b)
    }
}

/// Zones whose offset is zero at every instant, and the arithmetic that replaces a calendar
/// in them.
public enum UTCZone {
    /// Identifiers of the zones that are UTC forever (tz database names and their links).
    public static let identifiers: Set<String> = [
        "UTC", "UCT", "GMT", "GMT0", "GMT+0", "GMT-0", "Greenwich", "Universal", "Zulu",
        "Etc/UTC", "Etc/UCT", "Etc/GMT", "Etc/GMT0", "Etc/GMT+0", "Etc/GMT-0", "Etc/Greenwich", "Etc/Universal", "Etc/Zulu",
    ]

    /// Whether `timeZone` is one of them.
    public static func contains(_ timeZone: TimeZone) -> Bool {
        identifiers.contains(timeZone.identifier)
    }

    /// Whole seconds since 1970 (rounded down), for instants where arithmetic and Foundation's
    /// Gregorian calendar agree: from the Gregorian reform (1582-10-15, before which Foundation
    /// counts Julian days) to the year 9999. Nil otherwise, and the calendar answers.
    static func epochSeconds(_ date: Date) -> Int? {
        let seconds = date.timeIntervalSince1970
        guard seconds >= -12_219_292_800, seconds < 253_402_300_800 else { return nil }
        return Int(seconds.rounded(.down))
    }

    /// Days since 1970-01-01 and the second of that day.
    static func split(_ seconds: Int) -> (days: Int, secondOfDay: Int) {
        let days = seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400)
        return (days, seconds - days * 86_400)
    }

    /// The proleptic Gregorian date of a day number (days since 1970-01-01): the same
    /// arithmetic CallsCore parses HubSpot timestamps with.
    static func civil(days: Int) -> (year: Int, month: Int, day: Int) {
        let (year, month, day) = HubSpotTimestamp.civil(fromDays: Int64(days))
        return (Int(year), Int(month), Int(day))
    }
}
