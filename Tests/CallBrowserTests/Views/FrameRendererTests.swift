@testable import CallBrowser
import CallsCore
import Foundation
import TerminalKit
import Testing

/// The app's incremental renderer: each frame redraws only the panes and rows whose inputs
/// changed, and must still equal the frame drawn from scratch.
@Suite struct FrameRendererTests {
    /// The side pane's columns of a screen line at 120 columns.
    static func pane(_ line: String) -> String {
        String(line.dropFirst(DetailLines.listWidth(120) + 1))
    }

    @Test(arguments: [(120, 40), (80, 24), (100, 24)])
    func everyFrameEqualsTheFrameDrawnFromScratch(columns: Int, rows: Int) async {
        var driver = TestDriver(columns: columns, rows: rows, service: FakeCRMService(callCount: 250))
        let renderer = FrameRenderer()
        func check(_ step: String) {
            let frame = renderer.frame(driver.state)
            let full = BrowserView.render(driver.state)
            // Compared as a whole (styles too); only the text is printed on failure.
            let same = frame == full
            #expect(same, "after \(step):\n\(frame.text)\n---\n\(full.text)")
        }
        check("start")
        await driver.start()
        check("loaded")
        let keys = ["j", "j", "k", "<PgDn>", "<PgDn>", "<Space>", "<Space>", "G", "k", "g", "g", "<Enter>", "j", "<PgDn>", "q",
                    "/", "C", "a", "l", "l", " ", "2", "<Enter>", "j", "?", "q", "<Esc>", "/", "<C-u>", "<Enter>", "<C-d>", "j"]
        for key in keys {
            // The frame right after the key (its effects not yet run: the side pane shows the
            // new row's list values), then after its effects.
            var effects = reduce(&driver.state, .key(key))
            check("\(key), effects pending")
            while !effects.isEmpty {
                if let result = await driver.runner.run(effects.removeFirst()) { effects += reduce(&driver.state, result) }
            }
            check(key)
        }
        await driver.send(.resized(columns: columns + 7, rows: rows + 3))
        check("a resize")
        await driver.advance(seconds: 86_400)
        check("a day later")
    }

    @Test func aListShorterThanTheScreenIsFormattedAheadWithoutTrapping() async {
        // Frames that draw no list row format the rows a screen away; with fewer calls than
        // rows there are none below, and before the first page there are none at all.
        var driver = TestDriver(columns: 80, rows: 24, service: FakeCRMService(callCount: 3))
        let renderer = FrameRenderer()
        _ = renderer.frame(driver.state)
        _ = renderer.frame(driver.state)
        await driver.start()
        _ = renderer.frame(driver.state)
        await driver.advance(seconds: 1)
        let frame = renderer.frame(driver.state)
        #expect(frame == BrowserView.render(driver.state))
    }

    @Test func aCursorMoveDrawsTwoListRowsAndLeavesAnUnchangedPaneAlone() async {
        var driver = TestDriver(columns: 120, rows: 40)
        await driver.start()
        let renderer = FrameRenderer()
        _ = renderer.frame(driver.state)
        let rows = renderer.listRowsDrawn, builds = renderer.detailBuilds
        #expect(rows > 10)

        // A tick changes neither pane.
        await driver.advance(seconds: 1)
        _ = renderer.frame(driver.state)
        #expect(renderer.listRowsDrawn == rows)
        #expect(renderer.detailBuilds == builds)

        // A move: the old and the new cursor row; the side pane keeps its call until the
        // new call's detail has loaded, then is built once.
        var effects = reduce(&driver.state, .key("j"))
        _ = renderer.frame(driver.state)
        #expect(renderer.listRowsDrawn == rows + 2)
        #expect(renderer.detailBuilds == builds)
        while !effects.isEmpty {
            if let result = await driver.runner.run(effects.removeFirst()) { effects += reduce(&driver.state, result) }
        }
        _ = renderer.frame(driver.state)
        #expect(renderer.listRowsDrawn == rows + 2)
        #expect(renderer.detailBuilds == builds + 1)
    }

    @MainActor @Test func aCursorMoveLeavesTheSidePanesLabelsWhereTheyWere() async {
        var driver = TestDriver(columns: 120, rows: 40)
        await driver.start()
        let terminal = MemoryTerminal(width: 120, height: 40)
        let renderer = FrameRenderer()
        terminal.present(renderer.frame(driver.state))
        let before = terminal.screen.lines.map(Self.pane)
        // Call 1 has a recording badge and a recording URL, call 2 a voicemail badge whose
        // meaning wraps and no URL: under the old layout every row below moved.
        await driver.press("j")
        terminal.present(renderer.frame(driver.state))
        let after = terminal.screen.lines.map(Self.pane)
        let labelColumn = min(DetailLines.labelWidth, max(8, DetailLines.paneWidth(driver.state) * 2 / 5))
        func label(_ line: String) -> String { String(line.prefix(labelColumn)) }
        let definitions = driver.state.lookups.callProperties.isEmpty ? StandardProperties.definitions(for: .calls, outcomes: driver.state.lookups.outcomes) : driver.state.lookups.callProperties
        let labels = Set(definitions.map { $0.label.fitted(toWidth: labelColumn) } + ["Notes", "Associations"].map { $0.fitted(toWidth: labelColumn) })
        let labelled = before.indices.filter { labels.contains(label(before[$0])) }
        #expect(labelled.count > 10)
        for row in labelled {
            #expect(label(before[row]) == label(after[row]), "row \(row): \(before[row]) / \(after[row])")
        }
        // Only the rows whose values differ were repainted: far fewer cells than the pane has.
        let paneCells = (120 - DetailLines.listWidth(120) - 1) * 38
        #expect(terminal.changeCounts.last! < paneCells / 3, "\(terminal.changeCounts.last!) cells")
    }

    @Test func whileTheCursorMovesTheSidePaneShowsOneWholeCallNeverPartsOfTwo() async {
        var driver = TestDriver(columns: 120, rows: 40)
        await driver.start()
        let renderer = FrameRenderer()
        _ = renderer.frame(driver.state)
        func paneText() -> (first: String, all: String) {
            let pane = renderer.frame(driver.state).lines.map(Self.pane)
            return (pane[1], pane.joined(separator: "\n"))
        }
        // Hold j: the loads never run. The pane keeps call 1, whole, beside the moving bar.
        for step in 1..<8 {
            _ = reduce(&driver.state, .key("j"))
            let (title, text) = paneText()
            #expect(driver.state.list.selected?.id != "1000")
            #expect(title.hasPrefix("Call 1 "), "step \(step): \(title)")
            #expect(text.contains("Notes for call 1."))
            for other in 2...12 {
                #expect(!text.contains("Call \(other) "), "call \(other) shown beside call 1:\n\(text)")
            }
        }
        // The load is slow: after a few ticks the pane lets go of call 1 and shows the
        // selected call from its list row, nothing of any other call.
        for _ in 0..<DetailController.holdTicks { _ = reduce(&driver.state, .tick(driver.state.now)) }
        let (title, text) = paneText()
        #expect(title.hasPrefix("Call 8 "), "\(title)")
        for other in 1...12 where other != 8 {
            #expect(!text.contains("Call \(other) "), "call \(other) shown for call 8:\n\(text)")
        }
        #expect(text.contains("+1 555 0107"))
        #expect(!text.contains("Notes for call"))
    }

    @Test func theOpenedDetailWrapsWhatTheSidePaneCuts() async {
        let service = FakeCRMService()
        let long = String(repeating: "A long value that goes on ", count: 4)
        await service.setProperty(CallProperty.fromNumber, to: long, onCall: "1000")
        var driver = TestDriver(columns: 120, rows: 40, service: service)
        await driver.start()
        let side = driver.screen.map(Self.pane)
        let fromRows = side.filter { $0.hasPrefix("From number") }
        #expect(fromRows.count == 1)
        #expect(fromRows.first?.hasSuffix("…") == true || fromRows.first?.contains("…") == true)
        await driver.press("<Enter>")
        let opened = driver.screen.map(Self.pane).joined(separator: " ")
        let words = opened.split(separator: " ").joined(separator: " ")
        #expect(words.contains(long.trimmingCharacters(in: .whitespaces)), "\(words)")
    }
}
