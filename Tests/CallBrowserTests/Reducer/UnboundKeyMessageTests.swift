@testable import CallBrowser
import CallsCore
import Foundation
import Testing

/// "W does nothing here" is about the key just pressed: the next key that does something
/// clears it, so the status line shows that key's hints or message instead (QA2 Q9).
@Suite struct UnboundKeyMessageTests {
    @Test func theNoteAboutAnUnboundKeyGoesWithTheNextKeyThatDoesSomething() async {
        var d = TestDriver(columns: 80, rows: 24)
        await d.start()
        await d.press("W")
        #expect(d.state.status.message?.text == "W does nothing here; ? shows the keys")
        await d.press("<Enter>")
        #expect(d.state.focus == .detail)
        #expect(d.state.status.message == nil)
        #expect(d.screen.last?.hasPrefix("h back") == true, "\(d.screen.last ?? "")")
    }

    @Test func itGoesWhenAConfirmDialogIsAnsweredToo() async {
        var d = TestDriver(columns: 120, rows: 40)
        await d.start()
        await d.press("W", "d")
        #expect(d.state.status.message == nil)
        await d.press("Z")
        #expect(d.state.status.message?.text.hasPrefix("Z does nothing here") == true)
        await d.press("n")
        #expect(d.state.modal == nil)
        #expect(d.state.status.message == nil)
    }

    @Test func aKeyThatDoesNothingLeavesItAndAnActionsOwnMessageReplacesIt() async {
        var d = TestDriver(columns: 120, rows: 40)
        await d.start()
        await d.press("W", "g")
        #expect(d.state.status.message?.text.hasPrefix("W does nothing here") == true, "a key sequence begun has done nothing yet")
        await d.press("<Esc>", "s")
        #expect(d.state.status.message?.text == "Sorted oldest first")
    }

    @Test func otherWarningsStayUntilTheyExpire() async {
        var d = TestDriver(columns: 120, rows: 40)
        await d.start()
        await d.press("u")
        #expect(d.state.status.message?.text == "Nothing to undo")
        await d.press("j")
        #expect(d.state.status.message?.text == "Nothing to undo")
    }
}
