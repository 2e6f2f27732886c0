@testable import CallBrowser
import CallsCore
import Testing

/// A resize that brings the side pane back shows the selected call in it (QA3 R1): the
/// narrow list moves the cursor without loading details, and an action must never hit one
/// call while the pane shows another.
@Suite struct ResizeFollowTests {
    func pane(_ driver: TestDriver) -> [String] {
        driver.screen.map { $0.split(separator: "│", maxSplits: 1).dropFirst().first.map(String.init) ?? "" }
    }

    @Test func widenedAfterMovingWhileNarrowThePaneShowsTheCursorsCall() async {
        var driver = TestDriver(columns: 120, rows: 40)
        await driver.start()
        await driver.press("j", "j", "j")
        #expect(pane(driver)[1].hasPrefix("Call 4 "))
        await driver.send(.resized(columns: 80, rows: 24))
        await driver.press("k")
        await driver.send(.resized(columns: 120, rows: 40))
        #expect(driver.state.list.selected?.id == "1002")
        #expect(driver.state.detail.callID == "1002")
        #expect(pane(driver)[1].hasPrefix("Call 3 "), "\(pane(driver)[1])")
        #expect(!pane(driver).joined().contains("Call 4 "))
    }

    @Test func startedNarrowThenWidenedThePaneShowsTheFirstCall() async {
        var driver = TestDriver(columns: 80, rows: 24)
        await driver.start()
        await driver.send(.resized(columns: 120, rows: 40))
        #expect(!pane(driver).joined().contains("No call selected"))
        #expect(pane(driver)[1].hasPrefix("Call 1 "), "\(pane(driver)[1])")
    }
}
