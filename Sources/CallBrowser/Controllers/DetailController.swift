import CallsCore

/// The detail pane: opening a call, keeping the side pane on the selected row, scrolling.
enum DetailController {
    static let context = BrowserContext.detail

    static func perform(_ state: inout AppState, _ action: Action) -> [Effect] {
        let page = max(1, state.rows - 3)
        switch action {
        case .moveDown: scroll(&state, by: 1)
        case .moveUp: scroll(&state, by: -1)
        case .pageDown: scroll(&state, by: page)
        case .pageUp: scroll(&state, by: -page)
        case .halfPageDown: scroll(&state, by: max(1, page / 2))
        case .halfPageUp: scroll(&state, by: -max(1, page / 2))
        case .moveTop: state.detail.scroll = 0
        case .moveBottom: scroll(&state, by: Int.max / 4)
        case .back:
            state.focus = .list
            dropInfoMessage(&state)
        default: break
        }
        return []
    }

    static func scroll(_ state: inout AppState, by delta: Int) {
        let maxScroll = max(0, DetailLines.count(state) - max(1, state.rows - 3))
        state.detail.scroll = min(max(0, state.detail.scroll + delta), maxScroll)
    }

    /// Enter on a row: focus the detail (full screen when narrow) and load it if needed.
    static func open(_ state: inout AppState) -> [Effect] {
        guard let id = state.list.selected?.id else { return [] }
        state.focus = .detail
        state.detail.scroll = 0
        dropInfoMessage(&state)
        return load(&state, id)
    }

    /// A focus change shows the new context's key hints: a plain note (`Filter: …`) would
    /// hide them and with them the sign that `j` now scrolls the other pane. Errors,
    /// warnings and successes (the undo offer) stay.
    static func dropInfoMessage(_ state: inout AppState) {
        if state.status.message?.kind == .info { state.status.message = nil }
    }

    /// In the split layout the side pane shows the selected call: load it when it changes.
    /// After a cursor move (`afterPause`) the load waits for the cursor to rest: the pane
    /// shows the call's list row at once (see `DetailLines`), and a held key neither repaints
    /// every call's notes nor spends a request per call on the HTTP backend.
    static func follow(_ state: inout AppState, afterPause: Bool = false) -> [Effect] {
        guard state.isSplit || state.focus == .detail, let id = state.list.selected?.id else { return [] }
        return load(&state, id, afterPause: afterPause)
    }

    /// How long the cursor must rest before the side pane loads its call: longer than the
    /// gap between autorepeated keys (25–40 ms), short enough to feel immediate.
    public static let followPause: Duration = .milliseconds(60)

    /// Loads a call's detail unless it is already shown or loading.
    static func load(_ state: inout AppState, _ id: String, force: Bool = false, afterPause: Bool = false) -> [Effect] {
        if !force, state.detail.callID == id, state.detail.detail != nil || state.detail.loadingToken != nil { return [] }
        if state.detail.callID != id {
            state.detail.scroll = 0
            state.detail.detail = nil
        }
        state.detail.callID = id
        state.detail.error = nil
        let token = state.token()
        state.detail.loadingToken = token
        return [afterPause ? .loadDetailAfterPause(token: token, callID: id) : .loadDetail(token: token, callID: id)]
    }

    /// The detail of `id` when it is loaded.
    static func loaded(_ state: AppState, _ id: String) -> CallDetail? {
        guard state.detail.callID == id, let detail = state.detail.detail, detail.call.id == id else { return nil }
        return detail
    }
}
