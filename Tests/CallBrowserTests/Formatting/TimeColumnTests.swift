@testable import CallBrowser
import CallsCore
import Foundation
import Testing

/// The list's Time column at narrow widths: compact (`14:05`, `Tue`, `Nov 15`, `Nov'24`), so
/// at 80 columns the title gets the room a full date took; and never ambiguous.
@Suite struct TimeColumnTests {
    static let utc = TimeZone(identifier: "UTC")!

    @Test func atEightyColumnsTheTimeIsCompactAndTheTitleGetsTheRoom() {
        let layout = Dictionary(uniqueKeysWithValues: ListColumn.layout(width: 80).map { ($0.column, $0.width) })
        #expect(layout[.time] == 6)
        #expect((layout[.title] ?? 0) >= 23, "\(layout)")
    }

    @Test func anEightyColumnScreenShowsMonthAndDayWhereItShowedTheYear() async {
        var d = TestDriver(columns: 80, rows: 24, service: FakeCRMService(callCount: 250))
        await d.start()
        await d.press("G")
        let rows = d.screen.dropFirst(2).dropLast()
        #expect(!rows.contains { $0.contains("2025-") }, "\(rows.joined(separator: "\n"))")
        // The last call is 249 × 7 h (72 days 15 h) before 12:00 on 2025-11-26.
        #expect(rows.contains { $0.contains("Sep 14 ") && $0.contains("Call 250") })
    }

    @Test func wideListsStillShowTheFullForms() {
        let layout = Dictionary(uniqueKeysWithValues: ListColumn.layout(width: 160).map { ($0.column, $0.width) })
        #expect(layout[.time] == 10)
    }

    /// Month and day alone never name two dates: a past and a future date on the same month
    /// and day (a scheduled call, one last year) cannot both read `Feb 10`.
    @Test(arguments: ["2026-01-05T09:00:00Z", "2025-11-26T13:00:00Z", "2025-07-01T00:30:00Z"])
    func aMonthAndDayNeverStandsForTwoDates(nowText: String) throws {
        let now = try #require(HubSpotTimestamp.parse(nowText))
        var seen: [String: Int] = [:]
        var twice: [String] = []
        for day in -400...400 {
            let date = now.addingTimeInterval(Double(day) * 86_400)
            let text = CompactFormat.time(date, now: now, timeZone: Self.utc)
            #expect(text.count <= 6, "\(text)")
            guard text.count == 6, text.contains(" ") else { continue }
            if let other = seen[text] { twice.append("\(text): days \(other) and \(day)") }
            seen[text] = day
        }
        #expect(twice.count == 0, "texts that name two dates, e.g. \(twice.prefix(3))")
        #expect(seen.count > 300, "month and day for most of the past year")
    }

    @Test func aFutureCallShowsItsDateWithinTheMonthAheadAndItsYearBeyond() throws {
        let now = try #require(HubSpotTimestamp.parse("2026-01-05T09:00:00Z"))
        #expect(CompactFormat.time(now.addingTimeInterval(20 * 86_400), now: now, timeZone: Self.utc) == "Jan 25")
        #expect(CompactFormat.time(now.addingTimeInterval(36 * 86_400), now: now, timeZone: Self.utc) == "Feb'26")
        #expect(CompactFormat.time(now.addingTimeInterval(-329 * 86_400), now: now, timeZone: Self.utc) == "Feb 10")
    }
}
