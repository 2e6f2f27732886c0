@testable import CallBrowser
import CallsCore
import Foundation
import Testing

@Suite struct ListReducerTests {
    func state(columns: Int = 120) -> AppState {
        AppState(columns: columns, rows: 40, now: TestDriver.now, timeZone: TimeZone(identifier: "UTC")!)
    }

    func rows(_ count: Int, from start: Int = 0) -> [CallRow] {
        (start..<(start + count)).map { CallRow(call: Call(CRMObject(id: "c\($0)", properties: [CallProperty.title: "Call \($0)"], createdAt: TestDriver.now, updatedAt: TestDriver.now))) }
    }

    @Test func controlCStillQuitsWhenAUserKeymapUnbindsEveryQuitKey() {
        let (bindings, _) = BrowserKeymap.load(userText: "unbind global q\nunbind global Q\nunbind global <C-c>\nunbind list q\n", userFile: "user.conf")
        #expect(bindings.match(["<C-c>"], in: .list) == .none)
        var s = AppState(columns: 120, rows: 40, now: TestDriver.now, timeZone: TimeZone(identifier: "UTC")!, bindings: bindings)
        #expect(reduce(&s, .key("<C-c>")) == [.quit])
    }

    @Test func startingLoadsLookupsTheFirstPageSortedNewestFirstAndAnyDraft() {
        var s = state()
        let effects = reduce(&s, .started(TestDriver.now))
        #expect(effects.count == 3)
        #expect(effects[0] == .loadLookups(token: 1))
        guard case .fetchPage(_, _, let request) = effects[1] else { Issue.record("no fetch"); return }
        #expect(request.sorts == [SortRule(CallProperty.timestamp, ascending: false)])
        #expect(request.limit == ListState.pageSize)
        #expect(request.after == nil)
        #expect(effects[2] == .loadDraft)
        #expect(s.status.busy == 2)
    }

    @Test func aPageArrivingFillsTheListAndLoadsTheSelectedCallsDetailWhenSplit() {
        var s = state()
        _ = reduce(&s, .started(TestDriver.now))
        let token = s.list.loadingToken!
        let effects = reduce(&s, .callsLoaded(token: token, generation: s.list.generation, rows: rows(10), total: 10, nextAfter: nil))
        #expect(s.list.rows.count == 10)
        #expect(s.list.total == 10)
        #expect(effects.count == 1)
        guard case .loadDetail(_, "c0") = effects[0] else { Issue.record("\(effects)"); return }
    }

    @Test func aNarrowScreenDoesNotLoadDetailsUntilACallIsOpened() {
        var s = state(columns: 80)
        _ = reduce(&s, .started(TestDriver.now))
        let effects = reduce(&s, .callsLoaded(token: s.list.loadingToken!, generation: s.list.generation, rows: rows(5), total: 5, nextAfter: nil))
        #expect(effects.isEmpty)
        let open = reduce(&s, .key("<Enter>"))
        #expect(s.focus == .detail)
        guard case .loadDetail(_, "c0") = open.first else { Issue.record("\(open)"); return }
        _ = reduce(&s, .key("q"))
        #expect(s.focus == .list)
    }

    @Test func movingNearTheEndOfTheLoadedRowsFetchesTheNextPageOnce() {
        var s = state(columns: 80)
        _ = reduce(&s, .started(TestDriver.now))
        _ = reduce(&s, .callsLoaded(token: s.list.loadingToken!, generation: s.list.generation, rows: rows(100), total: 250, nextAfter: "100"))
        #expect(s.list.loadingToken == nil, "the first screen is far from the end")
        var effects: [Effect] = []
        while s.list.loadingToken == nil, s.list.cursor < 99 { effects = reduce(&s, .key("j")) }
        let distance = max(ListState.prefetchDistance, 2 * s.listHeight)
        #expect(s.list.cursor == 100 - distance, "prefetched ahead of the cursor")
        guard case .fetchPage(let token, _, let request) = effects.first else { Issue.record("\(effects)"); return }
        #expect(request.after == "100")
        #expect(request.sorts == [SortRule(CallProperty.timestamp, ascending: false)])
        #expect(reduce(&s, .key("j")).isEmpty, "no second request while one is out")
        _ = reduce(&s, .callsLoaded(token: token, generation: s.list.generation, rows: rows(100, from: 100), total: 250, nextAfter: "200"))
        #expect(s.list.rows.loadedCount == 200)
        #expect(s.list.cursor == 100 - distance + 1)
    }

    @Test func ggAndGAndPagesMoveTheCursorAndKeepItVisible() {
        var s = state(columns: 80)
        _ = reduce(&s, .started(TestDriver.now))
        _ = reduce(&s, .callsLoaded(token: s.list.loadingToken!, generation: s.list.generation, rows: rows(60), total: 60, nextAfter: nil))
        _ = reduce(&s, .key("<PgDn>"))
        #expect(s.list.cursor == s.listHeight - 1)
        _ = reduce(&s, .key("G"))
        #expect(s.list.cursor == 59)
        #expect(s.list.scroll == 60 - s.listHeight)
        _ = reduce(&s, .key("g"))
        #expect(s.pendingKeys == ["g"])
        _ = reduce(&s, .key("g"))
        #expect(s.list.cursor == 0)
        #expect(s.list.scroll == 0)
        _ = reduce(&s, .key("j"))
        _ = reduce(&s, .key("<Down>"))
        #expect(s.list.cursor == 2)
        _ = reduce(&s, .key("<Up>"))
        _ = reduce(&s, .key("<PgUp>"))
        #expect(s.list.cursor == 0)
    }

    @Test func aLatePageOfAnOldQueryIsDropped() {
        var s = state()
        _ = reduce(&s, .started(TestDriver.now))
        let oldToken = s.list.loadingToken!, oldGeneration = s.list.generation
        _ = reduce(&s, .key("s"))
        _ = reduce(&s, .callsLoaded(token: oldToken, generation: oldGeneration, rows: rows(3), total: 3, nextAfter: nil))
        #expect(s.list.rows.isEmpty)
    }

    @Test func sortKeysToggleTimeAndDurationOrders() {
        var s = state()
        var effects = reduce(&s, .key("s"))
        #expect(s.list.sort == .oldestFirst)
        guard case .fetchPage(_, _, let request) = effects.first else { Issue.record("no fetch"); return }
        #expect(request.sorts == [SortRule(CallProperty.timestamp, ascending: true)])
        effects = reduce(&s, .key("S"))
        #expect(s.list.sort == .longestFirst)
        guard case .fetchPage(_, _, let duration) = effects.first else { Issue.record("no fetch"); return }
        #expect(duration.sorts == [SortRule(CallProperty.duration, ascending: false)])
        _ = reduce(&s, .key("S"))
        #expect(s.list.sort == .shortestFirst)
        _ = reduce(&s, .key("s"))
        #expect(s.list.sort == .newestFirst)
    }

    @Test func theFilterBarTurnsTermsIntoFilterGroupsAndAQuery() {
        var s = state()
        _ = reduce(&s, .key("/"))
        #expect(s.list.editingFilter == "")
        for c in "renewal status:missed has:voicemail" { _ = reduce(&s, .key(c == " " ? "<Space>" : String(c))) }
        let effects = reduce(&s, .key("<Enter>"))
        #expect(s.list.editingFilter == nil)
        #expect(s.list.filterText == "renewal status:missed has:voicemail")
        guard case .fetchPage(_, _, let request) = effects.first else { Issue.record("\(effects)"); return }
        #expect(request.query == "renewal")
        #expect(request.filterGroups == [FilterGroup([
            Filter(CallProperty.status, .eq, "MISSED"),
            Filter(CallProperty.status, .eq, "MISSED"),
            Filter(CallProperty.hasVoicemail, .eq, "true"),
        ])])
    }

    @Test func aBadFilterTermKeepsTheBarOpenAndSaysWhatIsAllowed() {
        var s = state()
        _ = reduce(&s, .key("/"))
        for c in "colour:red" { _ = reduce(&s, .key(String(c))) }
        let effects = reduce(&s, .key("<Enter>"))
        #expect(effects.isEmpty)
        #expect(s.list.editingFilter == "colour:red")
        #expect(s.status.message?.kind == .error)
        #expect(s.status.message?.text.contains("outcome:") == true)
        _ = reduce(&s, .key("<Esc>"))
        #expect(s.list.editingFilter == nil)
        #expect(s.list.filterText == "")
    }

    @Test func spaceMarksAndMovesOnAndEscClearsMarksAndFilter() {
        var s = state(columns: 80)
        _ = reduce(&s, .started(TestDriver.now))
        _ = reduce(&s, .callsLoaded(token: s.list.loadingToken!, generation: s.list.generation, rows: rows(5), total: 5, nextAfter: nil))
        _ = reduce(&s, .key("<Space>"))
        _ = reduce(&s, .key("<Space>"))
        #expect(s.list.marked == ["c0", "c1"])
        #expect(s.list.cursor == 2)
        _ = reduce(&s, .key("k"))
        _ = reduce(&s, .key("<Space>"))
        #expect(s.list.marked == ["c0"], "space on a marked call unmarks it")
        _ = reduce(&s, .key("<Esc>"))
        #expect(s.list.marked.isEmpty)
    }

    @Test func resizingKeepsTheCursorOnScreen() {
        var s = state(columns: 80)
        _ = reduce(&s, .started(TestDriver.now))
        _ = reduce(&s, .callsLoaded(token: s.list.loadingToken!, generation: s.list.generation, rows: rows(60), total: 60, nextAfter: nil))
        _ = reduce(&s, .key("G"))
        _ = reduce(&s, .resized(columns: 20, rows: 5))
        #expect(s.list.scroll <= s.list.cursor)
        #expect(s.list.cursor < s.list.scroll + s.listHeight)
    }
}

/// The filter's `direction:` takes the CLI's spellings too.
@Suite struct DirectionFilterTests {
    @Test func inAndOutAreAcceptedAsInboundAndOutbound() throws {
        #expect(try CallFilter.parse("direction:in").get().terms == [.direction("INBOUND")])
        #expect(try CallFilter.parse("direction:OUT").get().terms == [.direction("OUTBOUND")])
        #expect(try CallFilter.parse("direction:outbound").get().terms == [.direction("OUTBOUND")])
    }

    @Test func anythingElseIsStillRefusedWithTheSpellings() {
        guard case .failure(let error) = CallFilter.parse("direction:sideways") else { Issue.record("accepted"); return }
        #expect(error.message.contains("inbound (in) or outbound (out)"))
    }
}

/// The filter prompt's error belongs to the prompt.
@Suite struct FilterPromptErrorTests {
    @Test func abandoningThePromptClearsItsError() async {
        var d = TestDriver()
        await d.start()
        await d.press("/")
        await d.type("bogus:1")
        await d.press("<Enter>")
        #expect(d.state.status.message?.kind == .error)
        await d.press("<Esc>")
        #expect(d.state.list.editingFilter == nil)
        #expect(d.state.status.message == nil)
        #expect(d.screen.last?.contains("bogus") == false)
    }
}

/// Sorting keeps the call the user was on (QA2 Q18).
@Suite struct SortKeepsSelectionTests {
    @Test func reSortingKeepsTheSelectedCallUnderTheCursor() async {
        var d = TestDriver()
        await d.start()
        await d.press("j", "j", "j")
        let selected = d.state.list.selected?.id
        #expect(selected != nil)
        await d.press("s")
        #expect(d.state.list.sort == .oldestFirst)
        #expect(d.state.list.selected?.id == selected)
        #expect(d.state.list.cursor != 3, "the order changed, so the call moved")
    }
}
