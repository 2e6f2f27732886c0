@testable import CallBrowser
import CallsCore
import Foundation
import Testing

/// The sparse row window: `G` reaches the absolute last call without loading the middle,
/// moving back up loads pages around the cursor, and keys pressed while a page loads are
/// never lost (QA F18).
@Suite struct PagingReducerTests {
    /// A result of `total` calls, newest first `c0, c1, …`; pages are made on demand, so a
    /// hundred thousand calls cost nothing until asked for.
    struct Server {
        var total: Int
        var requests: [SearchRequest] = []

        func row(_ index: Int) -> CallRow {
            CallRow(call: Call(CRMObject(id: "c\(index)", properties: [CallProperty.title: "Call \(index)"], createdAt: TestDriver.now, updatedAt: TestDriver.now)))
        }

        /// Answers a page request the way both backends do: offsets in the request's order.
        mutating func answer(_ effect: Effect) -> Msg? {
            guard case .fetchPage(let token, let generation, let request) = effect else { return nil }
            requests.append(request)
            let ascending = request.sorts.first?.ascending ?? false
            let offset = Int(request.after ?? "0") ?? 0
            let end = min(total, offset + request.limit)
            let rows = (offset..<max(offset, end)).map { row(ascending ? total - 1 - $0 : $0) }
            return .callsLoaded(token: token, generation: generation, rows: rows, total: total, nextAfter: end < total ? String(end) : nil)
        }

        /// Runs effects until no page request is left.
        mutating func serve(_ state: inout AppState, _ effects: [Effect]) {
            var queue = effects
            while !queue.isEmpty {
                if let msg = answer(queue.removeFirst()) { queue += reduce(&state, msg) }
            }
        }
    }

    func started(total: Int, columns: Int = 80) -> (AppState, Server) {
        var s = AppState(columns: columns, rows: 24, now: TestDriver.now, timeZone: TimeZone(identifier: "UTC")!)
        var server = Server(total: total)
        server.serve(&s, reduce(&s, .started(TestDriver.now)))
        return (s, server)
    }

    func press(_ s: inout AppState, _ server: inout Server, _ keys: String...) {
        for key in keys { server.serve(&s, reduce(&s, .key(key))) }
    }

    var statusLine: (AppState) -> String = { BrowserView.render($0).lines.last ?? "" }

    // MARK: - G and gg

    @Test func gGoesToTheAbsoluteLastOfAHundredThousandCallsWithOnePageFromTheEnd() {
        var (s, server) = started(total: 100_000)
        #expect(s.list.rows.loadedCount == 100)
        let effects = reduce(&s, .key("G"))
        #expect(s.list.cursor == 99_999)
        guard case .fetchPage(_, _, let request) = effects.first else { Issue.record("\(effects)"); return }
        #expect(request.sorts == [SortRule(CallProperty.timestamp, ascending: true)], "the tail is the reversed sort's first page")
        #expect(request.after == nil)
        #expect(statusLine(s).hasSuffix("100000/100000"))
        server.serve(&s, effects)
        #expect(s.list.selected?.id == "c99999")
        #expect(s.list.rows[99_900]?.id == "c99900")
        #expect(s.list.rows.loadedCount == 200, "nothing in between was loaded")
        #expect(BrowserView.render(s).text.contains("Call 99999"))

        press(&s, &server, "k", "k")
        #expect(s.list.selected?.id == "c99997")
        press(&s, &server, "g", "g")
        #expect(s.list.cursor == 0)
        #expect(s.list.selected?.id == "c0")
        #expect(statusLine(s).hasSuffix("1/100000"))
        #expect(server.requests.count == 2)
    }

    @Test func movingUpFromTheBottomLoadsThePagesAboveWithTheReversedCursor() {
        var (s, server) = started(total: 100_000)
        press(&s, &server, "G")
        while server.requests.count < 3 { press(&s, &server, "<PgUp>") }
        let last = server.requests[2]
        #expect(last.sorts == [SortRule(CallProperty.timestamp, ascending: true)])
        #expect(last.after == "100")
        #expect(s.list.rows.tailStart == 99_800)
        for index in stride(from: s.list.cursor, to: 100_000, by: 1) { #expect(s.list.rows[index]?.id == "c\(index)") }
        #expect(s.list.selected != nil)
    }

    @Test func theTwoEndsMergeIntoOneListWhenTheyMeet() {
        var (s, server) = started(total: 250)
        press(&s, &server, "G")
        while !s.list.rows.isComplete && s.list.cursor > 0 { press(&s, &server, "<PgUp>") }
        #expect(s.list.rows.isComplete)
        #expect(s.list.total == 250)
        #expect(s.list.rows.loaded.map(\.id) == (0..<250).map { "c\($0)" })
        #expect(s.list.rows.tail.isEmpty)
        let before = server.requests.count
        press(&s, &server, "G", "g", "g", "G")
        #expect(server.requests.count == before, "a complete list loads nothing more")
    }

    @Test func aHeadThatReachesTheTailMergesToo() {
        var (s, server) = started(total: 180)
        press(&s, &server, "G")
        #expect(s.list.rows.isComplete, "head and tail pages cover all 180")
        #expect(s.list.rows.loaded.map(\.id) == (0..<180).map { "c\($0)" })
    }

    // MARK: - Held keys (F18)

    @Test func keysPressedWhileAPageLoadsAreNotLost() {
        var (s, server) = started(total: 3000)
        var pending: [Effect] = []
        for _ in 0..<250 { pending += reduce(&s, .key("j")) }
        #expect(s.list.cursor == 250, "every j moved the cursor, loaded or not")
        #expect(statusLine(s).hasSuffix("251/3000"))
        #expect(BrowserView.render(s).text.contains("⋯ loading"))
        server.serve(&s, pending)
        #expect(s.list.selected?.id == "c250")
        #expect(s.list.rows.loadedCount <= 400, "loaded up to the cursor and a little beyond, not everything")
    }

    @Test func heldPageDownScrollsThroughPageBoundaries() {
        var (s, server) = started(total: 3000)
        let page = s.listHeight - 1
        var pending: [Effect] = []
        for _ in 0..<30 { pending += reduce(&s, .key("<PgDn>")) }
        #expect(s.list.cursor == 30 * page)
        server.serve(&s, pending)
        #expect(s.list.selected?.id == "c\(30 * page)")
    }

    @Test func halfPageKeysMoveTheCursorAndTheViewTogether() {
        var (s, server) = started(total: 3000)
        let half = s.listHeight / 2
        press(&s, &server, "j", "j")
        press(&s, &server, "<C-d>")
        #expect(s.list.cursor == 2 + half)
        #expect(s.list.scroll == half, "the cursor keeps its row on the screen")
        press(&s, &server, "<C-d>", "<C-d>", "<C-u>")
        #expect(s.list.cursor == 2 + 2 * half)
        #expect(s.list.scroll == 2 * half)
        press(&s, &server, "g", "g", "<C-u>")
        #expect(s.list.cursor == 0 && s.list.scroll == 0)
    }

    // MARK: - Deletes in the tail

    @Test func deletingTheLastCallAndUndoingItKeepsThePositionsRight() {
        var (s, server) = started(total: 1000)
        press(&s, &server, "G")
        press(&s, &server, "d", "y")
        #expect(s.list.total == 999)
        #expect(s.list.selected?.id == "c998")
        #expect(statusLine(s).contains("999/999") || s.status.message != nil)
        press(&s, &server, "u")
        #expect(s.list.total == 1000)
        #expect(s.list.rows[999]?.id == "c999")
        #expect(s.list.selected?.id == "c999")
    }

    @Test func aCallRestoredIntoTheGapOnlyCountsUntilItsPageArrives() {
        var window = RowWindow()
        window.apply((0..<10).map { Server(total: 100).row($0) }, to: .replace, total: 100, next: "10")
        window.apply((0..<10).map { Server(total: 100).row(99 - $0) }, to: .tail, total: 100, next: "10")
        let removed = window.remove(at: 95)
        #expect(window.count == 99)
        window.insert(removed!, at: 50)
        #expect(window.count == 100)
        #expect(window[50] == nil)
        #expect(window.index(of: "c95") == nil)
    }
}
