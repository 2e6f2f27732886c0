@testable import CallBrowser
import Foundation
@testable import hubcalls
import Testing

/// On a machine set to UTC the browser uses a fixed zero offset instead of
/// `TimeZone.current` (which loads ICU); it must show exactly what the system zone would.
@Suite struct LocalTimeZoneTests {
    static let noLink = "/nonexistent-\(UUID().uuidString)"

    @Test(arguments: ["UTC", ":UTC", "Etc/UTC", ":Etc/UTC", "GMT", "Etc/GMT", "Universal", "Zulu"])
    func aUTCZoneInTZIsAFixedZeroOffset(tz: String) {
        let zone = LocalTimeZone.resolve(environment: ["TZ": tz], localtime: Self.noLink)
        #expect(UTCZone.contains(zone))
        #expect(zone.secondsFromGMT(for: Date()) == 0)
    }

    @Test(arguments: ["Europe/Berlin", "America/New_York", "", "UTC+1", "EST5EDT"])
    func anyOtherTZIsLeftToFoundation(tz: String) {
        #expect(LocalTimeZone.resolve(environment: ["TZ": tz], localtime: Self.noLink) == TimeZone.current)
    }

    @Test func withoutTZTheLocaltimeLinkNamesTheZone() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hubcalls-tz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let utc = directory.appendingPathComponent("utc").path, berlin = directory.appendingPathComponent("berlin").path
        try FileManager.default.createSymbolicLink(atPath: utc, withDestinationPath: "/usr/share/zoneinfo/Etc/UTC")
        try FileManager.default.createSymbolicLink(atPath: berlin, withDestinationPath: "../usr/share/zoneinfo/Europe/Berlin")
        #expect(LocalTimeZone.configuredName(environment: [:], localtime: utc) == "Etc/UTC")
        #expect(LocalTimeZone.configuredName(environment: [:], localtime: berlin) == "Europe/Berlin")
        #expect(LocalTimeZone.configuredName(environment: [:], localtime: Self.noLink) == nil)
        #expect(UTCZone.contains(LocalTimeZone.resolve(environment: [:], localtime: utc)))
        #expect(LocalTimeZone.resolve(environment: [:], localtime: berlin) == TimeZone.current)
    }

    @Test func timesShowAsInTheSystemsUTCZone() throws {
        let fixed = LocalTimeZone.resolve(environment: ["TZ": "Etc/UTC"], localtime: Self.noLink)
        let system = try #require(TimeZone(identifier: "Etc/UTC"))
        let now = Date(timeIntervalSince1970: 1_764_158_400)
        for offset in stride(from: -400.0 * 86_400, through: 86_400, by: 37_123) {
            let date = now.addingTimeInterval(offset)
            #expect(TimeFormat.relative(date, now: now, timeZone: fixed) == TimeFormat.relative(date, now: now, timeZone: system))
            #expect(TimeFormat.local(date, timeZone: fixed) == TimeFormat.local(date, timeZone: system))
            #expect(TimeFormat.zoneName(fixed, at: date) == TimeFormat.zoneName(system, at: date))
            #expect(TimeFormat.zoneName(fixed, at: date) == TimeFormat.foundationZoneName(system, at: date))
        }
    }
}
