import CallsCore
import Foundation

/// Parses a `Retry-After` header: delta-seconds (`"3"`, also `"1.5"`) or an HTTP date
/// (`"Wed, 21 Oct 2015 07:28:00 GMT"`), plus the `retry-after-ms` header some HubSpot SDKs
/// honour. Returns seconds from `now`; `nil` when absent or unreadable; never negative.
public enum RetryAfter {
    public static func seconds(in response: TransportResponse, now: Date = Date()) -> Double? {
        if let ms = response.header("retry-after-ms").flatMap({ Double($0.trimmingCharacters(in: .whitespaces)) }), ms.isFinite, ms >= 0 {
            return ms / 1000
        }
        return response.header("retry-after").flatMap { parse($0, now: now) }
    }

    public static func parse(_ value: String, now: Date = Date()) -> Double? {
        let text = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Double(text) {
            return seconds.isFinite && seconds >= 0 ? seconds : nil
        }
        guard let date = httpDate(text) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }

    /// IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) and the obsolete RFC 850 form
    /// (`Sunday, 06-Nov-94 08:49:37 GMT`).
    static func httpDate(_ text: String) -> Date? {
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        let parts = text.split(separator: " ").map(String.init)
        var day: String, month: String, year: String, time: String
        if parts.count == 4, parts[1].contains("-") {
            let dmy = parts[1].split(separator: "-").map(String.init)
            guard dmy.count == 3 else { return nil }
            day = dmy[0]; month = dmy[1]; year = dmy[2].count == 2 ? "20" + dmy[2] : dmy[2]; time = parts[2]
        } else if parts.count == 6 {
            day = parts[1]; month = parts[2]; year = parts[3]; time = parts[4]
        } else {
            return nil
        }
        guard let monthIndex = months.firstIndex(of: month.lowercased()), day.count <= 2, year.count == 4,
              Int(day) != nil, Int(year) != nil else { return nil }
        if day.count == 1 { day = "0" + day }
        let iso = "\(year)-\(monthIndex < 9 ? "0" : "")\(monthIndex + 1)-\(day)T\(time)Z"
        return HubSpotTimestamp.parse(iso)
    }
}
