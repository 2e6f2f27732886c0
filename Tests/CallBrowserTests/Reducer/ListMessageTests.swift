@testable import CallBrowser
import CallsCore
import Foundation
import Testing

/// What the list says about what it just did (QA F7, F24).
@Suite struct ListMessageTests {
    @Test func aRefreshSaysWhenItIsDoneAndHowManyCallsThereAre() async {
        var driver = TestDriver()
        await driver.start()
        await driver.send(.action(.refresh))
        #expect(driver.state.status.message?.text == "Refreshed: 12 calls")
        #expect(driver.state.status.message?.kind == .success)
    }

    @Test func aNewFilterSaysThatItClearedTheMarks() async {
        var driver = TestDriver()
        await driver.start()
        await driver.press("<Space>", "<Space>")
        #expect(driver.state.list.marked.count == 2)
        await driver.press("/")
        await driver.type("status:missed")
        await driver.press("<Enter>")
        #expect(driver.state.list.marked.isEmpty)
        #expect(driver.state.status.message?.text == "Filter: status:missed (2 marks cleared)")
    }
}
