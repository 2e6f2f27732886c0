@testable import CallBrowser
import CallsCore
import Foundation
import Testing

/// QA4 Q4-8: `G` in the opened detail stops where the last line sits on the pane's last row,
/// so the first `k` scrolls at once (the scroll limit counted one row fewer than the pane
/// has: the screen less its title bar and status line).
@Suite struct DetailScrollEndTests {
    /// A call whose notes run well past any screen, opened with Enter.
    func opened(columns: Int, rows: Int) async throws -> TestDriver {
        let service = FakeCRMService()
        let notes = (1...80).map { "Notes line \($0) about the contract." }.joined(separator: "\n")
        _ = try await service.update(.calls, id: "1000", properties: [CallProperty.body: notes])
        var d = TestDriver(columns: columns, rows: rows, service: service)
        await d.start()
        await d.press("<Enter>")
        #expect(d.state.focus == .detail)
        return d
    }

    func checkGThenK(columns: Int, rows: Int) async throws {
        var d = try await opened(columns: columns, rows: rows)
        let lines = DetailLines.count(d.state)
        #expect(lines > rows)
        await d.press("G")
        let atEnd = d.screen
        // The last line is on the pane's last row, above the status line.
        #expect(d.state.detail.scroll == lines - (rows - 2))
        await d.press("k")
        #expect(d.state.detail.scroll == lines - (rows - 2) - 1)
        #expect(d.screen != atEnd)
        await d.press("G", "j")
        #expect(d.screen == atEnd)
    }

    @Test func gThenKScrollsAtOnceFullScreen() async throws {
        try await checkGThenK(columns: 80, rows: 24)
    }

    @Test func gThenKScrollsAtOnceBesideTheList() async throws {
        try await checkGThenK(columns: 100, rows: 30)
    }
}
