@testable import CallBrowser
import CallsCore
import Foundation
import Testing

/// QA4 Q4-5: with the cursor on a position whose row is not loaded (between the loaded top
/// and bottom of a long list, e.g. past HubSpot's search limit), the side pane shows no
/// call, not the last one it had.
@Suite struct SidePaneGapTests {
    @Test func theSidePaneShowsNoCallForARowThatIsNotLoaded() async {
        var d = TestDriver(columns: 120, rows: 40, service: FakeCRMService(callCount: 1000))
        await d.start()
        await d.press("G")
        let last = d.state.list.selected
        #expect(last != nil)
        #expect(d.screen.joined().contains(last?.call.title ?? "?"))
        // Nothing loads any more (as past the search limit): the middle stays a gap.
        await d.service.fail("search")
        d.state.list.cursor = d.state.list.total / 2
        ListController.keepCursorVisible(&d.state)
        #expect(d.state.list.selected == nil)
        let pane = d.screen.map { String($0.split(separator: "│", maxSplits: 1).dropFirst().first ?? "") }.joined(separator: "\n")
        #expect(!pane.contains(last?.call.title ?? "?"))
        #expect(pane.contains("No call selected"))
    }
}
