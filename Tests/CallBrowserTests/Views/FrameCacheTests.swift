@testable import CallBrowser
import CallsCore
import Foundation
import Testing

/// The list's row texts and the detail pane's lines are kept between frames; whatever they
/// depend on must make them render afresh.
@Suite struct FrameCacheTests {
    func started(columns: Int = 120, rows: Int = 40) async -> TestDriver {
        var driver = TestDriver(columns: columns, rows: rows)
        await driver.start()
        return driver
    }

    @Test func aRowWhoseCallChangesIsFormattedAfresh() async {
        var driver = await started()
        #expect(driver.screen.joined().contains("Call 2 Intro"))
        driver.state.list.rows.modify(at: 1) { $0.call.object[property: CallProperty.title] = "Renamed in place" }
        let screen = driver.screen.joined()
        #expect(screen.contains("Renamed in place"))
        #expect(!screen.contains("Call 2 Intro"))
    }

    @Test func relativeTimesChangeWhenTheDayDoes() async {
        // 99 columns: the widest full-width list, where the time column has its full form.
        var driver = await started(columns: 99, rows: 24)
        // The first call is at 12:00 on Wednesday 26 November (UTC), "now" is 13:00.
        #expect(driver.screen[2].contains("12:00"))
        #expect(!driver.screen[2].contains("Wed"))
        driver.state.now = driver.state.now.addingTimeInterval(86_400)
        #expect(driver.screen[2].contains("Wed 12:00"))
    }

    @Test func compactTimesChangeWhenTheDayDoes() async {
        var driver = await started(columns: 80, rows: 24)
        #expect(driver.screen[2].contains(" 12:00 "))
        driver.state.now = driver.state.now.addingTimeInterval(86_400)
        #expect(driver.screen[2].contains(" Wed "))
        #expect(!driver.screen[2].contains("12:00"))
    }

    @Test func markingARowShowsItsMark() async {
        var driver = await started(columns: 80, rows: 24)
        let before = driver.screen[3]
        driver.state.list.marked.insert(driver.state.list.rows[1]!.id)
        #expect(driver.screen[3].hasPrefix("*"))
        #expect(!before.hasPrefix("*"))
    }

    @Test func newOwnerNamesShowInTheList() async {
        var driver = await started(columns: 200, rows: 24)
        #expect(driver.screen.joined().contains("Ana Ruiz"))
        driver.state.lookups.owners = driver.state.lookups.owners.map { owner in
            var owner = owner
            if owner.id == "101" { owner.firstName = "Anabel" }
            return owner
        }
        let screen = driver.screen.joined()
        #expect(screen.contains("Anabel Ruiz"))
        #expect(!screen.contains("Ana Ruiz"))
    }

    @Test func theDetailPaneIsRebuiltWhenItsCallChanges() async {
        var driver = await started()
        #expect(driver.screen.joined().contains("Notes for call 1."))
        driver.state.detail.detail?.call.object[property: CallProperty.body] = "Rewritten notes."
        let screen = driver.screen.joined()
        #expect(screen.contains("Rewritten notes."))
        #expect(!screen.contains("Notes for call 1."))
    }

    @Test func whileADetailLoadsItsListRowStandsInWithEveryLabelOnItsRow() async {
        var driver = await started()
        // Move without running the load, which takes long enough for the pane to let go
        // of call 1 (the HTTP backend): the pane shows call 2 from its list row.
        var effects = reduce(&driver.state, .key("j"))
        for _ in 0..<DetailController.holdTicks { effects += reduce(&driver.state, .tick(driver.state.now)) }
        #expect(driver.state.detail.detail?.call.id != driver.state.detail.callID)
        let loading = driver.screen
        #expect(!loading.joined().contains("Loading call"))
        #expect(loading.contains { $0.contains("Call 2 Intro") })
        #expect(!loading.joined().contains("Notes for call"))
        // Then the load finishes: the notes arrive, and every label kept its row.
        while !effects.isEmpty {
            if let result = await driver.runner.run(effects.removeFirst()) { effects += reduce(&driver.state, result) }
        }
        let loaded = driver.screen
        #expect(loaded.joined().contains("Notes for call 2."))
        let split = DetailLines.listWidth(120) + 1
        let labelColumn = min(DetailLines.labelWidth, max(8, DetailLines.paneWidth(driver.state) * 2 / 5))
        func label(_ line: String) -> String {
            String(line.dropFirst(split).prefix(labelColumn)).trimmingCharacters(in: .whitespaces)
        }
        let notesRow = loaded.firstIndex { label($0) == "Notes" }
        #expect(notesRow != nil)
        #expect(notesRow == loading.firstIndex { label($0) == "Notes" })
        for row in 1..<(notesRow ?? 1) {
            #expect(label(loading[row]) == label(loaded[row]), "row \(row)")
        }
    }
}
