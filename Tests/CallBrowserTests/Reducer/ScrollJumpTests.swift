@testable import CallBrowser
import CallsCore
import Testing

/// How the list scrolls when the cursor leaves it: a row at a time across the whole screen
/// (the terminal scrolls), half a screen beside the side pane (each scroll there repaints
/// the list pane, which a terminal cannot scroll on its own).
@Suite struct ScrollJumpTests {
    @Test func besideTheSidePaneTheListScrollsHalfAScreenWhenTheCursorLeavesIt() async {
        var driver = TestDriver(columns: 120, rows: 40, service: FakeCRMService(callCount: 250))
        await driver.start()
        let height = driver.state.listHeight
        #expect(driver.state.isSplit)
        for _ in 0..<(height - 1) { await driver.press("j") }
        #expect(driver.state.list.scroll == 0)
        await driver.press("j")
        #expect(driver.state.list.scroll == height / 2)
        #expect(driver.state.list.cursor == height)
        // The next half screen of moves needs no scroll.
        for _ in 0..<(height / 2 - 1) { await driver.press("j") }
        #expect(driver.state.list.scroll == height / 2)
        // Up past the top row: half a screen back.
        for _ in 0..<(height - 1) { await driver.press("k") }
        #expect(driver.state.list.scroll == height / 2)
        await driver.press("k")
        #expect(driver.state.list.scroll == 0)
    }

    @Test func theFullWidthListScrollsOneRowAtATime() async {
        var driver = TestDriver(columns: 80, rows: 24, service: FakeCRMService(callCount: 250))
        await driver.start()
        let height = driver.state.listHeight
        #expect(!driver.state.isSplit)
        for _ in 0..<height { await driver.press("j") }
        #expect(driver.state.list.scroll == 1)
    }

    @Test func jumpsStopAtTheEndsOfTheList() async {
        var driver = TestDriver(columns: 120, rows: 40, service: FakeCRMService(callCount: 50))
        await driver.start()
        let height = driver.state.listHeight
        for _ in 0..<60 { await driver.press("j") }
        #expect(driver.state.list.cursor == 49)
        #expect(driver.state.list.scroll == 50 - height)
        await driver.press("g", "g")
        #expect(driver.state.list.scroll == 0)
    }

    @Test func aHeldKeyRepaintsTheListPaneOncePerHalfScreen() async {
        var driver = TestDriver(columns: 120, rows: 40, service: FakeCRMService(callCount: 250))
        await driver.start()
        let renderer = FrameRenderer()
        _ = renderer.frame(driver.state)
        let height = driver.state.listHeight
        for _ in 0..<(height - 1) { await driver.press("j") }
        _ = renderer.frame(driver.state)
        let before = renderer.listRowsDrawn
        // One screen of j past the bottom: three scrolls of the whole pane (at the first key
        // and after each half screen), and the bar's two rows for the other moves; a
        // row-at-a-time scroll would repaint the whole pane on every key.
        for _ in 0..<height {
            _ = reduce(&driver.state, .key("j"))
            _ = renderer.frame(driver.state)
        }
        #expect(renderer.listRowsDrawn - before <= 3 * height + 2 * height)
    }
}
