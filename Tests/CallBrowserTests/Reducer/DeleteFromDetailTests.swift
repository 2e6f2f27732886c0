@testable import CallBrowser
import Testing

/// Deleting from the full-screen detail goes back to the list (QA F24).
@Suite struct DeleteFromDetailTests {
    @Test func deletingTheOpenCallOnANarrowScreenReturnsToTheList() async {
        var driver = TestDriver(columns: 80, rows: 24)
        await driver.start()
        await driver.press("<Enter>")
        #expect(driver.state.focus == .detail)
        await driver.press("d", "y")
        #expect(driver.state.focus == .list)
        #expect(driver.state.list.selected?.id == "1001")
        #expect(driver.screen[1].contains("Title"), "the list is on screen")
    }
}
