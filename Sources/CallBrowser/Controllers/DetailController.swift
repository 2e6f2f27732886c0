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
        let maxScroll = max(0, DetailLines.count(state) - DetailLines.paneHeight(state))
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
            if afterPause { holdWhileMoving(&state) }
            state.detail.scroll = 0
            state.detail.detail = nil
        }
        state.detail.callID = id
        state.detail.error = nil
        let token = state.token()
        state.detail.loadingToken = token
        return [afterPause ? .loadDetailAfterPause(token: token, callID: id) : .loadDetail(token: token, callID: id)]
    }

    // MARK: - Writes that cross a load

    /// A write was answered: a detail read before it landed shows the call without it (a
    /// load already out when an association was saved would take the association off the
    /// side pane until `R`). Once no write is out, such a detail loads again with a new
    /// token, so a load still out is dropped when it answers. Any write counts, not only
    /// the shown call's: the cost is one more load when writes cross loads.
    static func reloadAfterWrite(_ state: inout AppState) -> [Effect] {
        guard state.inFlight.isEmpty, let id = state.detail.callID,
              state.detail.loadingToken != nil || state.detail.readDuringWrite else { return [] }
        state.detail.readDuringWrite = false
        return load(&state, id, force: true)
    }

    // MARK: - Holding the side pane while the cursor moves

    /// A cursor move in the split layout leaves the side pane on the call it shows whole
    /// until the selected call's detail is ready (60 ms after the cursor rests, on the local
    /// database), then repaints it once: a held `j` does not rewrite the pane on every row
    /// it passes (a terminal over ssh gets the list's two rows per key), and one `j` goes
    /// from call to call without the interim `…` (as lazygit keeps its main panel until the
    /// new content is ready). The list's selection bar says which call is selected.
    static func holdWhileMoving(_ state: inout AppState) {
        guard DetailLines.isPreview(state) else { return }
        if state.detail.held != nil {
            state.detail.held?.ticks = 0
        } else if let id = state.detail.callID, let shown = loaded(state, id) {
            state.detail.held = HeldPreview(detail: shown)
        }
    }

    /// Ticks after the cursor's last move before a slow load (HTTP) lets go of the held call
    /// and shows the selected call's list row while the rest loads.
    static let holdTicks = 2

    /// Lets go of the held call once it has served: the selected call's detail arrived or
    /// failed, the load is slow (``holdTicks``), or anything but a cursor move or a
    /// background answer happened (an edit, a delete, a filter must show the call it is
    /// about).
    static func settleHeld(_ state: inout AppState, after msg: Msg, effects: [Effect]) {
        guard var held = state.detail.held else { return }
        // A move keeps it (``holdWhileMoving(_:)`` has restarted its ticks).
        if effects.contains(where: { if case .loadDetailAfterPause = $0 { true } else { false } }) { return }
        let keep: Bool
        switch msg {
        case .tick:
            held.ticks += 1
            keep = held.ticks < holdTicks
        case .effectDropped, .callsLoaded, .lookupsLoaded: keep = true
        case .detailLoaded, .detailFailed: keep = state.detail.loadingToken != nil
        default: keep = false
        }
        state.detail.held = keep && DetailLines.isPreview(state) ? held : nil
    }

    /// The detail of `id` when it is loaded.
    static func loaded(_ state: AppState, _ id: String) -> CallDetail? {
        guard state.detail.callID == id, let detail = state.detail.detail, detail.call.id == id else { return nil }
        return detail
    }
}
