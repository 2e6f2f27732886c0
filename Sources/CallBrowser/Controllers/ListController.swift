import CallsCore
import Foundation

/// The call list: movement, opening, filtering, sorting, marking, and paging as the cursor
/// nears the end of what is loaded.
enum ListController {
    static let context = BrowserContext.list

    static func disabledReason(_ action: Action, _ state: AppState) -> String? {
        switch action {
        case .openCall, .toggleMark:
            state.list.selected == nil ? "No call here" : nil
        default: nil
        }
    }

    static func perform(_ state: inout AppState, _ action: Action) -> [Effect] {
        let page = max(1, state.listHeight - 1)
        switch action {
        case .moveDown: return move(&state, to: state.list.cursor + 1)
        case .moveUp: return move(&state, to: state.list.cursor - 1)
        case .moveTop: return move(&state, to: 0)
        // The absolute last call: its position is known from the total, and the page that
        // holds it is loaded with the reversed sort (see `RowWindow`).
        case .moveBottom: return move(&state, to: state.list.total - 1)
        case .pageDown: return move(&state, to: state.list.cursor + page)
        case .pageUp: return move(&state, to: state.list.cursor - page)
        case .halfPageDown, .halfPageUp:
            // Like vim and tig: the view scrolls by as much as the cursor moves, so the
            // cursor keeps its place on the screen.
            let half = max(1, state.listHeight / 2) * (action == .halfPageDown ? 1 : -1)
            let maxScroll = max(0, state.list.total - state.listHeight)
            state.list.scroll = min(max(0, state.list.scroll + half), maxScroll)
            return move(&state, to: state.list.cursor + half)
        case .openCall: return DetailController.open(&state)
        case .filter:
            state.list.editingFilter = state.list.filterText
            state.list.filterCaret = state.list.filterText.count
            return []
        case .toggleSortTime:
            state.list.sort = state.list.sort == .newestFirst ? .oldestFirst : .newestFirst
            state.setStatus("Sorted \(state.list.sort.label)", .info)
            return resort(&state)
        case .toggleSortDuration:
            state.list.sort = state.list.sort == .longestFirst ? .shortestFirst : .longestFirst
            state.setStatus("Sorted \(state.list.sort.label)", .info)
            return resort(&state)
        case .toggleMark:
            guard let id = state.list.selected?.id else { return [] }
            if state.list.marked.contains(id) { state.list.marked.remove(id) } else { state.list.marked.insert(id) }
            state.setStatus("\(state.list.marked.count) marked", .info)
            return move(&state, to: state.list.cursor + 1)
        case .clearMarks:
            let hadFilter = !state.list.filterText.isEmpty
            state.list.marked = []
            guard hadFilter else { return [] }
            state.list.filterText = ""
            state.list.filter = CallFilter()
            return reload(&state, keepSelection: false)
        default:
            return []
        }
    }

    // MARK: - Cursor

    /// Moves the cursor (clamped to the list's positions, loaded or not, so a key pressed
    /// while a page loads is never lost), keeps it visible, loads the page it needs, and
    /// keeps the side pane on the selected call.
    static func move(_ state: inout AppState, to index: Int) -> [Effect] {
        // The user moved on: a call being looked for must not pull the cursor away later.
        state.list.followID = nil
        let count = state.list.total
        state.list.cursor = count == 0 ? 0 : min(max(0, index), count - 1)
        keepCursorVisible(&state)
        return prefetchIfNeeded(&state) + DetailController.follow(&state, afterPause: true)
    }

    /// Scrolls the list so the cursor is on screen. Beside the side pane the list scrolls
    /// half a screen when the cursor leaves it (vim's `scrolljump`): a terminal can move
    /// only full-width lines, so each scroll there repaints the whole list pane, and one
    /// repaint per half screen of `j` instead of one per row keeps a held key cheap over
    /// ssh. The full-width list scrolls a row at a time, which the terminal does itself.
    static func keepCursorVisible(_ state: inout AppState) {
        let height = max(1, state.listHeight)
        let jump = state.isSplit ? max(1, height / 2) : 1
        var list = state.list
        list.cursor = min(list.cursor, max(0, list.total - 1))
        if list.cursor < list.scroll { list.scroll = min(list.cursor, list.scroll - jump) }
        if list.cursor >= list.scroll + height { list.scroll = max(list.cursor - height + 1, list.scroll + jump) }
        list.scroll = max(0, min(list.scroll, max(0, list.total - height)))
        state.list = list
    }

    // MARK: - Re-sorting after an edit

    /// A saved change may have changed the call's sort key (its activity date, its
    /// duration): the row moves to its place in the order and the selection stays on the
    /// call it was on, so the list never lies about being "newest first" until `R` (QA2 Q11).
    static func reposition(_ state: inout AppState, id: String) -> [Effect] {
        guard let old = state.list.index(of: id) else { return returnFromGap(&state, id: id) }
        state.list.movedToGap[id] = nil
        let selectedID = state.list.selected?.id
        let moving = state.list.rows[old]
        let new = state.list.rows.reposition(id: id, by: state.list.sort.precedes)
        guard new != old else { return [] }
        if new == nil, let moving { state.list.movedToGap[id] = moving }
        if let selectedID, let index = state.list.index(of: selectedID) {
            state.list.cursor = index
        } else if selectedID == id {
            // Its place is among the calls not loaded yet: the cursor stays where it was.
            state.setStatus("The call moved further down the list, to its place \(state.list.sort.label)", .info)
        }
        keepCursorVisible(&state)
        return prefetchIfNeeded(&state) + DetailController.follow(&state)
    }

    /// A call an edit moved past the loaded pages changed again (the undo of that edit):
    /// when its place is among the loaded rows now it comes back there, and the cursor goes
    /// with it — the undo was about that call, so it is the one to show (the cursor had
    /// stayed behind when it left). Still past the loaded pages, it stays in the gap.
    static func returnFromGap(_ state: inout AppState, id: String) -> [Effect] {
        guard let row = state.list.movedToGap[id],
              let index = state.list.rows.placeFromGap(row, by: state.list.sort.precedes) else { return [] }
        state.list.movedToGap[id] = nil
        state.list.cursor = index
        keepCursorVisible(&state)
        return prefetchIfNeeded(&state) + DetailController.follow(&state)
    }

    // MARK: - Loading

    /// Reloads in the new order from the top, keeping the selected call under the cursor
    /// wherever the order puts it (as tig and lazygit do): on the first page at once, else
    /// it is followed like a quick-logged call (``locate(_:_:)``), so a call sorted to the
    /// far end is selected there. A call the new query does not list leaves the cursor on
    /// the first row: ``located(_:_:at:)`` only adds a reason to a "Logged call" message.
    static func resort(_ state: inout AppState) -> [Effect] {
        let selected = state.list.selected?.id
        let effects = reload(&state, keepSelection: false)
        state.list.keepSelectionID = selected
        state.list.followID = selected
        state.list.followReloaded = false
        return effects
    }

    /// Starts the query over: first page of the current filter and sort.
    static func reload(_ state: inout AppState, keepSelection: Bool) -> [Effect] {
        state.list.generation += 1
        state.list.refreshing = false
        state.list.keepSelectionID = keepSelection ? state.list.selected?.id : nil
        if !keepSelection {
            state.list.cursor = 0
            state.list.scroll = 0
        }
        return fetch(&state, .replace)
    }

    /// Loads the page the cursor needs next, unless a page is already on its way.
    static func prefetchIfNeeded(_ state: inout AppState) -> [Effect] {
        guard state.list.loadingToken == nil, let segment = state.list.segmentToLoad(screenRows: state.listHeight) else { return [] }
        return fetch(&state, segment)
    }

    static func fetch(_ state: inout AppState, _ segment: RowWindow.Segment) -> [Effect] {
        let list = state.list
        let sort = segment == .tail ? list.sort.reversed : list.sort
        let after: String? = switch segment {
        case .replace: nil
        case .head: list.rows.headCursor.after
        case .tail: list.rows.tailCursor.after
        }
        switch list.filter.searchRequest(sort: sort, lookups: state.lookups, limit: ListState.pageSize, after: after) {
        case .failure(let error):
            state.setStatus(error.message, .error)
            state.list.loadingToken = nil
            return []
        case .success(let request):
            let token = state.token()
            state.list.loadingToken = token
            state.list.loadingSegment = segment
            return [.fetchPage(token: token, generation: list.generation, request)]
        }
    }

    /// A page arrived: put it in its segment, keep the selection where it was, load the
    /// next page if the cursor still needs one, fetch details.
    static func pageLoaded(_ state: inout AppState, rows: [CallRow], total: Int, nextAfter: String?) -> [Effect] {
        let visible = rows.filter { state.pendingDeletes[$0.id] == nil }
        let segment = state.list.loadingSegment
        // The server still counts calls whose delete waits; the list does not show them.
        state.list.rows.apply(visible, to: segment, total: max(0, total - state.pendingDeletes.count), next: nextAfter)
        if segment == .replace {
            state.list.movedToGap = [:]
            if let id = state.list.keepSelectionID, let index = state.list.index(of: id) {
                state.list.cursor = index
            }
            state.list.keepSelectionID = nil
            if state.list.refreshing {
                state.list.refreshing = false
                let total = state.list.total
                state.setStatus("Refreshed: \(total == 1 ? "1 call" : "\(total) calls")", .success)
            }
        }
        state.list.loadedOnce = true
        var located: [Effect] = []
        if let id = state.list.followID {
            if let index = state.list.index(of: id) {
                state.list.followID = nil
                state.list.cursor = index
            } else if segment == .replace {
                // Not on the first page: ask where it is rather than page towards it.
                located = locate(&state, id)
            }
        }
        keepCursorVisible(&state)
        return located + prefetchIfNeeded(&state) + DetailController.follow(&state)
    }

    // MARK: - Following a call

    /// Asks for the position of ``ListState/followID`` in the current query.
    static func locate(_ state: inout AppState, _ id: String) -> [Effect] {
        let list = state.list
        switch list.filter.searchRequest(sort: list.sort, lookups: state.lookups, limit: ListState.pageSize, after: nil) {
        case .failure:
            state.list.followID = nil
            return []
        case .success(let request):
            return [.locateCall(token: state.token(), generation: list.generation, callID: id, request)]
        }
    }

    /// The followed call's place arrived: the cursor goes to its position, which loads the
    /// page around it (from the nearer end); the row under the cursor is then the call, or a
    /// neighbour with the same sort key until the page shows where exactly it is. A call the
    /// search listed only after a wait is not on the pages loaded before: the list reloads
    /// and looks again. Otherwise the status line says why the cursor stays.
    static func located(_ state: inout AppState, _ id: String, at place: CallPlace) -> [Effect] {
        switch place {
        case .position(let position, let afterWaiting):
            if afterWaiting, !state.list.followReloaded {
                let effects = reload(&state, keepSelection: true)
                state.list.keepSelectionID = id
                state.list.followID = id
                state.list.followReloaded = true
                return effects
            }
            // Calls whose delete waits count on the server, not in the list: the position
            // may be a little past; the row is found when its page arrives.
            let effects = move(&state, to: min(position, state.list.total - 1))
            if let index = state.list.index(of: id) {
                state.list.cursor = index
                keepCursorVisible(&state)
            } else {
                state.list.followID = id
            }
            return effects
        case .filteredOut:
            state.list.followID = nil
            addToLoggedMessage(&state, "the filter does not show it")
            return []
        case .notListed:
            state.list.followID = nil
            let refresh = state.bindings.firstKey(for: .refresh, from: .global) ?? "R"
            addToLoggedMessage(&state, "the search does not list it yet; \(refresh) refreshes")
            return []
        }
    }

    /// Adds why the cursor stays to "Logged call …" (when that is still the message).
    static func addToLoggedMessage(_ state: inout AppState, _ reason: String) {
        guard let message = state.status.message, message.text.hasPrefix("Logged call") else { return }
        state.setStatus("\(message.text); \(reason)", .info)
    }
}

// MARK: - Layout facts the reducer needs

extension AppState {
    /// Rows of calls visible in the list pane (screen minus title, header and status lines).
    var listHeight: Int { max(1, rows - 3) }
}
