@testable import CallBrowser
import CallsCore
import Foundation
import Testing

/// The side pane follows the cursor: a key-driven move waits for the cursor to rest before
/// loading, anything else loads at once, and a waiting load that is cancelled asks nothing.
@Suite struct DetailFollowTests {
    @Test func aCursorMoveInTheSplitLayoutLoadsTheNewCallAfterAPause() async {
        var driver = TestDriver()
        await driver.start()
        let effects = reduce(&driver.state, .key("j"))
        let id = driver.state.list.selected?.id
        #expect(id == "1001")
        #expect(effects.contains { if case .loadDetailAfterPause(_, "1001") = $0 { true } else { false } })
        #expect(!effects.contains { if case .loadDetail = $0 { true } else { false } })
    }

    @Test func openingACallLoadsItAtOnce() async {
        var driver = TestDriver(columns: 80, rows: 24)
        await driver.start()
        let effects = reduce(&driver.state, .key("<Enter>"))
        #expect(effects.contains { if case .loadDetail(_, "1000") = $0 { true } else { false } })
    }

    @Test func aPausedLoadAnswersWithTheDetailOfItsCall() async {
        let driver = TestDriver()
        let answer = await driver.runner.run(.loadDetailAfterPause(token: 7, callID: "1003"))
        guard case .detailLoaded(7, let detail) = answer else { Issue.record("\(String(describing: answer))"); return }
        #expect(detail.call.id == "1003")
    }

    @Test func aCancelledPausedLoadAnswersNothingAndAsksTheServiceNothing() async {
        let driver = TestDriver()
        let before = await driver.service.calls.count
        let runner = driver.runner
        let task = Task { await runner.run(.loadDetailAfterPause(token: 8, callID: "1003")) }
        task.cancel()
        #expect(await task.value == nil)
        #expect(await driver.service.calls.count == before)
    }

    @Test func aHeldKeyEndsWithTheDetailOfTheCallItStoppedOn() async {
        var driver = TestDriver()
        await driver.start()
        for _ in 0..<3 { _ = reduce(&driver.state, .key("j")) }
        // Only the last move's load counts; earlier answers carry superseded tokens.
        await driver.press("j")
        #expect(driver.state.detail.detail?.call.id == "1004")
        #expect(driver.screen.joined().contains("Notes for call 5."))
    }
}
