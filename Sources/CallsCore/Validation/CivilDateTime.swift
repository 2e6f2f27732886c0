/// A calendar date and wall-clock time as a user typed it, before it becomes an instant.
///
/// The one place that decides whether typed parts name a real moment. Both date parsers
/// (ISO-8601 in ``HubSpotTimestamp`` and the form's local `2026-11-26 13:14` in the browser)
/// ask it, because turning out-of-range parts into a date (`Calendar.date(from:)`, or plain
/// day arithmetic) silently rolls them over: `2026-02-30` becomes March 2nd and `25:00`
/// 01:00 the next day, so a typo would move a call to another day without a word.
public struct CivilDateTime: Sendable, Hashable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// What is out of range, naming the bad part (`February has 28 days in 2026`,
    /// `hour 25 is not 0–23`), or `nil` when every part is possible.
    public var problem: String? {
        guard (1...12).contains(month) else { return "month \(month) is not 1–12" }
        let days = Self.days(inMonth: month, year: year)
        if !(1...days).contains(day) {
            // February's length depends on the year, so say which year was meant.
            let which = month == 2 ? " in \(year)" : ""
            return day < 1 ? "day \(day) is not 1–\(days)" : "\(Self.monthNames[month - 1]) has \(days) days\(which)"
        }
        guard (0...23).contains(hour) else { return "hour \(hour) is not 0–23" }
        guard (0...59).contains(minute) else { return "minute \(minute) is not 0–59" }
        // 60 is refused too: a leap second cannot be stored as a distinct instant anyway.
        guard (0...59).contains(second) else { return "second \(second) is not 0–59" }
        return nil
    }

    /// The number of days of `month` (1–12) in the proleptic Gregorian `year`.
    public static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]
}
