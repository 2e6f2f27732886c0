@testable import CallBrowser
import CallsCore
import Foundation
import TerminalKit
import Testing

/// `cursor = "arrow"`: a `>` left of the rows marks the selected call, so a move changes two
/// cells instead of two whole rows (bytes on a slow link), and the rows keep their colours.
@Suite struct ArrowCursorTests {
    static func started(_ cursor: ListCursor, columns: Int = 80, rows: Int = 24) async -> TestDriver {
        var d = TestDriver(columns: columns, rows: rows)
        d.state.listCursor = cursor
        await d.start()
        return d
    }

    /// Cells of the list's rows (below its header, above the status line) that differ.
    static func changedListCells(_ a: CellBuffer, _ b: CellBuffer, width: Int) -> [(x: Int, y: Int)] {
        var changed: [(x: Int, y: Int)] = []
        for y in 2..<(a.area.height - 1) {
            for x in 0..<width where a[x, y] != b[x, y] { changed.append((x, y)) }
        }
        return changed
    }

    static func hasReverse(_ buffer: CellBuffer, row y: Int, from x: Int, to maxX: Int) -> Bool {
        (x..<maxX).contains { buffer[$0, y].style.attributes.contains(.reverse) }
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func aMoveChangesOnlyTheArrowsTwoCells(columns: Int, rows: Int) async {
        var d = await Self.started(.arrow, columns: columns, rows: rows)
        let before = BrowserView.render(d.state)
        #expect(before.lines[2].hasPrefix(">"))
        await d.press("j")
        let after = BrowserView.render(d.state)
        #expect(after.lines[3].hasPrefix(">"))
        #expect(!after.lines[2].hasPrefix(">"))
        let listWidth = d.state.isSplit ? DetailLines.listWidth(columns) : columns
        let changed = Self.changedListCells(before, after, width: listWidth)
        #expect(changed.map(\.x) == [0, 0])
        #expect(changed.map(\.y) == [2, 3])
    }

    @Test func theBarRewritesBothRows() async {
        var d = await Self.started(.bar)
        let before = BrowserView.render(d.state)
        await d.press("j")
        let after = BrowserView.render(d.state)
        #expect(Self.changedListCells(before, after, width: 80).count > 100)
        #expect(Self.hasReverse(after, row: 3, from: 0, to: 80))
    }

    @Test func theSelectedRowKeepsItsColoursAndTheArrowItsOwnColumn() async {
        let arrow = await Self.started(.arrow)
        let bar = await Self.started(.bar)
        let arrowScreen = BrowserView.render(arrow.state)
        let barScreen = BrowserView.render(bar.state)
        #expect(!Self.hasReverse(arrowScreen, row: 2, from: 1, to: 80))
        // The rows move right by the arrow's column; the bar's row is the same text.
        #expect(arrowScreen.lines[2].dropFirst().hasPrefix(barScreen.lines[2].prefix(40)))
        #expect(arrowScreen.lines[1].hasPrefix(" " + barScreen.lines[1].prefix(40)))
    }

    @Test func aDetailWithFocusLeavesTheArrowUnderlined() async {
        var d = await Self.started(.arrow, columns: 120, rows: 40)
        await d.press("<Enter>")
        let screen = BrowserView.render(d.state)
        #expect(screen.lines[2].hasPrefix(">"))
        #expect(screen[0, 2].style == Theme.selectedUnfocused)
    }
}
