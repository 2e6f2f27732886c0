@testable import CallBrowser
import CallsCore
import Foundation
import Testing

/// `hubcalls log --interactive` (the tmux popup) shows the quick-log form alone: whatever
/// opens over the form must be drawn over it too, else the screen is blank (QA4 Q4-13).
@Suite struct QuickLogOnlyScreenTests {
    @Test func theDiscardQuestionIsDrawnOverTheQuickLogForm() async {
        var d = TestDriver(columns: 80, rows: 24)
        d.state.quickLogOnly = true
        await d.start()
        await d.press("<Tab>", "<Tab>")
        await d.type("abc")
        await d.press("<Esc>")
        guard case .confirm = d.state.modal else { Issue.record("no discard question"); return }
        let text = d.screen.joined(separator: "\n")
        #expect(text.contains("Discard the changes to this form?"), "\(text)")
        #expect(text.contains("[ Discard ]"))
        #expect(text.contains("abc"), "the form stays visible behind the question")
        await d.press("n")
        #expect(d.screen.joined(separator: "\n").contains("abc"))
        #expect(!d.quit)
    }
}
