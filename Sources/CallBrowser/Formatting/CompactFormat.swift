import CallsCore
import Foundation

/// Short forms of the list's values for narrow panes, so every column keeps a place on the
/// screen instead of dropping out: `Tue` for a time this week, `No ans` for a status,
/// `Ana R.` or `AR` for an owner, `1:19` for a duration. Pure functions, like ``TimeFormat``.
public enum CompactFormat {
    // MARK: - Time

    /// At most six columns: `14:03` today, `Tue` within the last week, `Nov 02` within the past
    /// 330 days or the next 30, otherwise month and year (`Nov'24`). Future times get the
    /// date, never a weekday. The two windows add up to less than a year, so a month and day
    /// never stand for two dates (a call last February and one scheduled next February).
    public static func time(_ date: Date, now: Date, timeZone: TimeZone) -> String {
        let clock = WallClock(timeZone)
        let parts = clock.fields(date)
        if clock.isSameDay(date, now) { return TimeFormat.two(parts.hour) + ":" + TimeFormat.two(parts.minute) }
        let startOfToday = clock.startOfDay(now)
        if date < startOfToday, date >= startOfToday.addingTimeInterval(-6 * 86_400) {
            return TimeFormat.weekdays[parts.weekday - 1]
        }
        let ahead = date.timeIntervalSince(now)
        if ahead < 0 ? -ahead < monthDayPast : ahead < monthDayAhead {
            return months[max(0, min(11, parts.month - 1))] + " " + TimeFormat.two(parts.day)
        }
        let year = TimeFormat.four(parts.year)
        return months[max(0, min(11, parts.month - 1))] + "'" + String(year.suffix(2))
    }

    /// How far back and ahead a time shows as month and day (together under a year).
    static let monthDayPast: TimeInterval = 330 * 86_400
    static let monthDayAhead: TimeInterval = 30 * 86_400

    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    // MARK: - Duration

    /// At most five columns: `0:05`, `12:41`, and `1h02m` from an hour on (`99h+` beyond).
    public static func duration(milliseconds: Int) -> String {
        let total = max(0, milliseconds) / 1000
        let hours = total / 3600, minutes = (total % 3600) / 60, seconds = total % 60
        if hours == 0 { return "\(minutes):" + TimeFormat.two(seconds) }
        if hours > 99 { return "99h+" }
        return "\(hours)h" + TimeFormat.two(minutes) + "m"
    }

    // MARK: - Status

    /// At most six columns: a word that still reads as the status (`Done`, `No ans`).
    public static func status(_ status: CallStatus) -> String {
        switch status {
        case .completed: "Done"
        case .missed: "Missed"
        case .noAnswer: "No ans"
        case .busy: "Busy"
        case .failed: "Failed"
        case .canceled: "Cancel"
        case .connecting: "Dial"
        case .inProgress: "Live"
        case .queued: "Queued"
        case .ringing: "Ring"
        case .callingCRMUser: "ToUser"
        case .unknown(let raw): raw
        }
    }

    // MARK: - Outcome

    /// The outcome label, shortened where a default's label is long (`Left voicemail` →
    /// `Voicemail`); other labels are left for the column to truncate.
    public static func outcome(_ label: String) -> String {
        shortOutcomes[label] ?? label
    }

    static let shortOutcomes = [
        "Left live message": "Live msg",
        "Left voicemail": "Voicemail",
        "Wrong number": "Wrong no.",
    ]

    // MARK: - Owner

    /// `Ana R.`: the first name and the initial of the last; else the email's local part.
    public static func shortName(_ owner: Owner) -> String {
        let first = owner.firstName?.trimmingCharacters(in: .whitespaces) ?? ""
        let last = owner.lastName?.trimmingCharacters(in: .whitespaces) ?? ""
        if !first.isEmpty { return last.isEmpty ? first : "\(first) \(last.prefix(1))." }
        if !last.isEmpty { return last }
        if let email = owner.email, let local = email.split(separator: "@").first, !local.isEmpty { return String(local) }
        return owner.id
    }

    /// `AR`: initials of the first and last name; else the first two letters of what there is.
    public static func initials(_ owner: Owner) -> String {
        let names = [owner.firstName, owner.lastName].compactMap { $0?.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if names.count == 2 { return names.map { String($0.prefix(1)) }.joined().uppercased() }
        let single = names.first ?? owner.email ?? owner.id
        return String(single.prefix(2))
    }
}
