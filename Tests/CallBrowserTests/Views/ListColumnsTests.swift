@testable import CallBrowser
import CallsCore
import Foundation
import Testing

/// The list keeps every column the issue names at the common terminal sizes, in compact
/// forms when the pane is narrow (QA F2).
@Suite struct ListColumnsTests {
    static let named: [ListColumn] = [.badge, .time, .direction, .status, .outcome, .duration, .owner, .record, .title]

    @Test(arguments: [80, 99, 100, 110, 120, 139, 140, 200])
    func everyNamedColumnIsOnScreenAtCommonWidths(columns: Int) {
        let width = columns >= AppState.splitWidth ? DetailLines.listWidth(columns) : columns
        let shown = ListColumn.layout(width: width).map(\.column)
        for column in Self.named { #expect(shown.contains(column), "\(column) missing at \(columns) columns (list \(width))") }
    }

    @Test(arguments: [12, 20, 40, 55, 62, 75, 80, 99, 160, 300])
    func theColumnsAndTheirGapsFillThePaneExactly(width: Int) {
        let layout = ListColumn.layout(width: width)
        let used = layout.reduce(0) { $0 + $1.width + $1.column.gap }
        #expect(used == width)
        #expect(layout.last?.column == .title)
    }

    @Test func narrowPanesGiveUpOwnerBeforeStatusAndOutcome() {
        let shown = ListColumn.layout(width: 50).map(\.column)
        #expect(!shown.contains(.owner))
        #expect(shown.contains(.outcome))
        #expect(ListColumn.layout(width: 20).map(\.column).contains(.title))
    }

    @Test func widerPanesWidenColumnsBeforeTheTitleGrowsPastItsShare() {
        let narrow = Dictionary(uniqueKeysWithValues: ListColumn.layout(width: 62).map { ($0.column, $0.width) })
        let wide = Dictionary(uniqueKeysWithValues: ListColumn.layout(width: 160).map { ($0.column, $0.width) })
        #expect(narrow[.owner] == 3 && wide[.owner] == 14)
        #expect(narrow[.time] == 6 && wide[.time] == 10)
        #expect(wide[.status] == 11)
        #expect((narrow[.title] ?? 0) >= 8)
    }

    @Test func compactValuesReadAsTheirFullForms() {
        let utc = TimeZone(identifier: "UTC")!
        let now = Date(timeIntervalSince1970: 1_764_162_000) // Wed 2025-11-26 13:00 UTC
        #expect(CompactFormat.time(now.addingTimeInterval(-3600), now: now, timeZone: utc) == "12:00")
        #expect(CompactFormat.time(now.addingTimeInterval(-2 * 86_400), now: now, timeZone: utc) == "Mon")
        #expect(CompactFormat.time(now.addingTimeInterval(-30 * 86_400), now: now, timeZone: utc) == "Oct 27")
        #expect(CompactFormat.time(now.addingTimeInterval(-400 * 86_400), now: now, timeZone: utc) == "Oct'24")
        #expect(CompactFormat.duration(milliseconds: 79_000) == "1:19")
        #expect(CompactFormat.duration(milliseconds: 3_725_000) == "1h02m")
        #expect(CompactFormat.status(.noAnswer) == "No ans")
        #expect(CallStatus.allCases.allSatisfy { CompactFormat.status($0).count <= 6 }, "every status fits the compact column")
        #expect(CompactFormat.outcome("Left voicemail") == "Voicemail")
        #expect(CompactFormat.outcome("Callback requested") == "Callback requested")
        let owner = Owner(id: "7", firstName: "Chen", lastName: "Wei")
        #expect(CompactFormat.shortName(owner) == "Chen W.")
        #expect(CompactFormat.initials(owner) == "CW")
        #expect(CompactFormat.shortName(Owner(id: "8", email: "ops@example.com")) == "ops")
    }

    @Test(arguments: [(80, 24), (100, 30), (120, 40)])
    func theHeaderNamesEveryColumnOnTheRealScreen(size: (Int, Int)) async {
        var driver = TestDriver(columns: size.0, rows: size.1)
        await driver.start()
        let header = driver.screen[1]
        for title in ["Time", "⇄", "Status", "Outcome", "Dur", "Own", "Contact", "Title"] {
            #expect(header.contains(title), "\(size): \(header)")
        }
        let first = driver.screen[2]
        for value in ["12:00", "←", "Done", "Busy", "0:05", "Chloe M", "Call 1"] {
            #expect(first.contains(value), "\(size): \(first)")
        }
        #expect(first.contains("Ana R.") || first.contains("AR "), "owner: \(first)")
    }
}
