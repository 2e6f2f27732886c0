@testable import CallBrowser
import CallsCore
import Foundation
import Testing

/// Beside an empty list the side pane shows no call: it kept the call selected before, which
/// `e` then said was not selected (QA4 Q4-12).
@Suite struct EmptyListSidePaneTests {
    static func sidePane(_ d: TestDriver) -> String {
        let start = DetailLines.listWidth(d.state.columns) + 1
        return d.screen.dropFirst().map { String($0.dropFirst(start)) }.joined(separator: "\n")
    }

    @Test func aFilterWithNoMatchLeavesTheSidePaneEmpty() async {
        var d = TestDriver(columns: 120, rows: 40)
        await d.start()
        #expect(Self.sidePane(d).contains("Call 1 Renewal check-in"))
        await d.press("/")
        await d.type("zzzzqq")
        await d.press("<Enter>")
        #expect(d.state.list.total == 0)
        let pane = Self.sidePane(d)
        #expect(pane.contains("No call selected."), "\(pane)")
        #expect(!pane.contains("Call 1"))
    }

    @Test func deletingTheOnlyCallLeavesTheSidePaneEmpty() async {
        var d = TestDriver(columns: 120, rows: 40, service: FakeCRMService(callCount: 1))
        await d.start()
        await d.press("d", "y")
        await d.advance(seconds: AppState.undoWindow + 1)
        #expect(d.state.list.total == 0)
        let pane = Self.sidePane(d)
        #expect(pane.contains("No call selected."), "\(pane)")
        #expect(!pane.contains("Call 1"))
    }
}
