import CallBrowser
import Foundation

/// The zone the browser shows times in: the machine's, as `TimeZone.current` reads it.
///
/// When that zone is UTC (`TZ=UTC`, or `/etc/localtime` linking to `Etc/UTC`, as on most
/// servers and containers) a fixed zero offset is used instead of `TimeZone.current`: on
/// Linux the latter is an ICU zone whose creation alone reads ICU's zone tables and code
/// into memory (about a megabyte resident), while every time the browser prints in a UTC
/// zone is computed without ICU (see `WallClock` in CallBrowser). Both are UTC at every
/// instant, so what is shown is the same.
enum LocalTimeZone {
    static func resolve(environment: [String: String] = ProcessInfo.processInfo.environment, localtime: String = "/etc/localtime") -> TimeZone {
        guard let name = configuredName(environment: environment, localtime: localtime), UTCZone.identifiers.contains(name) else { return .current }
        return TimeZone(secondsFromGMT: 0) ?? .current
    }

    /// The zone name `TZ` or the `/etc/localtime` link gives, as Foundation looks for it.
    static func configuredName(environment: [String: String], localtime: String) -> String? {
        if let tz = environment["TZ"] {
            // An empty or unusual TZ is left to Foundation to interpret.
            let name = tz.hasPrefix(":") ? String(tz.dropFirst()) : tz
            return name.isEmpty ? nil : name
        }
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: localtime) else { return nil }
        let parts = target.split(separator: "/")
        guard let zoneinfo = parts.lastIndex(of: "zoneinfo"), zoneinfo + 1 < parts.endIndex else { return nil }
        return parts[(zoneinfo + 1)...].joined(separator: "/")
    }
}
