@testable import CallBrowser
import Foundation
import Testing

/// In UTC zones the browser computes wall-clock fields and the zone's name itself instead of
/// asking Foundation's calendar (which reads ICU's tables on Linux); what it prints must not
/// change, so every result is compared with the calendar's.
@Suite struct WallClockTests {
    /// Instants from the Gregorian reform to the year 9999: fixed edge cases, then a
    /// deterministic spread (fractions of a second and times before 1970 included).
    static let instants: [Date] = {
        var seconds: [Double] = [
            -12_219_292_800, -12_219_292_799.5, -2_208_988_800.25, -86_400, -1, -0.001, 0, 0.999, 86_399.999,
            951_782_400, 951_868_799, 4_107_542_400, 4_107_628_800, 1_700_000_000.5, 1_798_761_599,
            253_402_300_799.999,
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<4_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let unit = Double(state >> 11) / Double(1 << 53)
            seconds.append(-12_219_292_800 + unit * (253_402_300_799 + 12_219_292_800))
        }
        return seconds.map { Date(timeIntervalSince1970: $0) }
    }()

    static let utcZones: [TimeZone] = UTCZone.identifiers.sorted().compactMap { TimeZone(identifier: $0) }
        .filter { UTCZone.contains($0) }

    @Test func everyUTCSpellingFoundationKnowsIsComputed() {
        // At least the common names must reach the arithmetic (Foundation may canonicalize
        // some links to another identifier, which then asks the calendar as before).
        #expect(UTCZone.contains(TimeZone(identifier: "UTC")!))
        #expect(UTCZone.contains(TimeZone(identifier: "GMT")!))
        #expect(UTCZone.contains(TimeZone(secondsFromGMT: 0)!))
        #expect(!UTCZone.contains(TimeZone(identifier: "Europe/London")!))
        #expect(!UTCZone.contains(TimeZone(secondsFromGMT: 3600)!))
    }

    @Test func fieldsInUTCAreTheCalendars() {
        for zone in Self.utcZones {
            let computed = WallClock(zone), asked = WallClock(zone, arithmetic: false)
            for date in Self.instants {
                #expect(computed.fields(date) == asked.fields(date), "\(zone.identifier) \(date.timeIntervalSince1970)")
            }
        }
    }

    @Test func daysInUTCAreTheCalendars() {
        let zone = TimeZone(identifier: "UTC")!
        let computed = WallClock(zone), asked = WallClock(zone, arithmetic: false)
        for (date, other) in zip(Self.instants, Self.instants.dropFirst()) {
            #expect(computed.startOfDay(date) == asked.startOfDay(date), "\(date.timeIntervalSince1970)")
            #expect(computed.isSameDay(date, other) == asked.isSameDay(date, other))
            let later = date.addingTimeInterval(3_600 * 7)
            #expect(computed.isSameDay(date, later) == asked.isSameDay(date, later), "\(date.timeIntervalSince1970)")
        }
    }

    @Test func outsideTheComputedRangeTheCalendarAnswers() {
        let zone = TimeZone(identifier: "UTC")!
        for seconds in [-12_219_292_800.5, -62_135_596_800, 253_402_300_800, 1e13] {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(UTCZone.epochSeconds(date) == nil)
            #expect(WallClock(zone).fields(date) == WallClock(zone, arithmetic: false).fields(date))
        }
    }

    @Test func theUTCZoneNameIsFoundationsAsShown() {
        for zone in Self.utcZones {
            for date in Self.instants.prefix(40) {
                #expect(TimeFormat.zoneName(zone, at: date) == TimeFormat.foundationZoneName(zone, at: date), "\(zone.identifier)")
            }
        }
    }

    @Test func listAndDetailTextsInUTCAreUnchanged() {
        let zone = TimeZone(identifier: "UTC")!
        let now = Date(timeIntervalSince1970: 1_764_158_400) // Wed 2025-11-26 12:00 UTC
        #expect(TimeFormat.relative(now.addingTimeInterval(-3_600), now: now, timeZone: zone) == "11:00")
        #expect(TimeFormat.relative(now.addingTimeInterval(-12 * 3_600 - 1), now: now, timeZone: zone) == "Tue 23:59")
        #expect(TimeFormat.relative(now.addingTimeInterval(-6 * 86_400 - 43_200), now: now, timeZone: zone) == "Thu 00:00")
        #expect(TimeFormat.relative(now.addingTimeInterval(-6 * 86_400 - 43_201), now: now, timeZone: zone) == "2025-11-19")
        #expect(TimeFormat.local(Date(timeIntervalSince1970: 951_825_845), timeZone: zone) == "2000-02-29 12:04:05")
        #expect(CompactFormat.time(now.addingTimeInterval(-2 * 86_400), now: now, timeZone: zone) == "Mon")
        #expect(TimeFormat.startOfDay(now, timeZone: zone) == Date(timeIntervalSince1970: 1_764_115_200))
    }

    @Test func zonesWithDaylightSavingStillFollowTheirRules() {
        let newYork = TimeZone(identifier: "America/New_York")!
        // 2025-03-09 07:30 UTC is 03:30 EDT, just after the spring-forward gap.
        let date = Date(timeIntervalSince1970: 1_741_505_400)
        #expect(TimeFormat.local(date, timeZone: newYork) == "2025-03-09 03:30:00")
        #expect(TimeFormat.startOfDay(date, timeZone: newYork) == Date(timeIntervalSince1970: 1_741_496_400))
        // Foundation's name on Linux (ICU's English short names only cover some zones).
        #expect(TimeFormat.zoneName(newYork, at: date) == TimeFormat.foundationZoneName(newYork, at: date))
        #expect(TimeFormat.zoneName(newYork, at: date) != "UTC")
    }
}
