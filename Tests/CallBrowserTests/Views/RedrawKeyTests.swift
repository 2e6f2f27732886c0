@testable import CallBrowser
import CallsCore
import Foundation
import Testing
import TerminalKit

/// `<C-l>` repaints the whole screen, for a screen another program wrote over (`wall`, a
/// background job): the diffing renderer never rewrites cells it thinks unchanged (QA4 Q4-20).
@MainActor
@Suite struct RedrawKeyTests {
    /// Runs the app over `keys` and returns the cells each frame repainted.
    static func repaints(_ keys: String, in d: TestDriver) async -> (counts: [Int], redraws: Int) {
        let terminal = MemoryTerminal(width: 120, height: 40, hangsUpAfterScript: false)
        terminal.script(keys: keys)
        terminal.script([.terminationRequested(signal: 15)])
        let app = BrowserApp(terminal: terminal, runner: d.runner)
        app.now = { TestDriver.now }
        _ = await app.run(d.state)
        return (terminal.changeCounts, terminal.redrawCount)
    }

    @Test func controlLRepaintsEveryCellOfTheList() async {
        var d = TestDriver()
        await d.start()
        let (counts, redraws) = await Self.repaints("j<C-l>", in: d)
        #expect(redraws == 1)
        // The first frame paints the screen whole; after it only `<C-l>` does.
        #expect(counts.dropFirst().contains { $0 > 120 * 40 * 9 / 10 }, "\(counts)")
    }

    @Test func controlLRepaintsInAFormToo() async {
        var d = TestDriver()
        await d.start()
        await d.press("e")
        let (counts, redraws) = await Self.repaints("<C-l>", in: d)
        #expect(redraws == 1)
        #expect(counts.dropFirst().contains { $0 > 120 * 40 * 9 / 10 }, "\(counts)")
    }
}
