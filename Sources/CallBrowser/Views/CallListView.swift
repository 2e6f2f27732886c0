import CallsCore
import Foundation
import TerminalKit

/// The call list: a header and one row per visible call. Only the rows on screen are
/// formatted, so the cost per frame does not grow with the number of calls loaded; with a
/// ``Memory`` of the last frame, only the rows that differ from it are drawn at all.
enum CallListView {
    /// Formatted rows from earlier frames (see ``RowTextCache``).
    static let rowTexts = RowTextCache()

    /// What one screen row of the list shows: enough to tell whether it must be drawn again.
    enum RowKey: Equatable {
        case call(CallRow, marked: Bool, style: Style)
        /// A position whose page is not loaded, with its text.
        case placeholder(String, style: Style)
        case blank
    }

    /// What the pane drew in the frame before (kept by ``FrameRenderer``). A cursor move
    /// changes two rows' keys, so two rows are drawn; a page down changes all of them.
    struct Memory {
        var area: Rect?
        var context: RowTextCache.Context?
        /// Per screen row below the header; nil: unknown, draw it.
        var rows: [RowKey?] = []
        /// Rows drawn since this memory began (tests count them).
        var rowsDrawn = 0
        /// What the rows around the screen were formatted for (see ``warm(_:area:memory:)``).
        var warmed: WarmKey?
    }

    /// Draws the whole pane (into a blank buffer).
    static func render(_ state: AppState, into buffer: inout CellBuffer, area: Rect) {
        var memory = Memory()
        render(state, into: &buffer, area: area, memory: &memory)
    }

    /// Draws the rows whose key differs from `memory` (all of them when the area, the column
    /// layout's inputs or the lookups changed) and records what it drew.
    static func render(_ state: AppState, into buffer: inout CellBuffer, area: Rect, memory: inout Memory) {
        guard area.height > 0, area.width > 0 else { return }
        let columns = ListColumn.layout(width: area.width)
        let context = RowTextCache.Context(width: area.width, today: TimeFormat.startOfDay(state.now, timeZone: state.timeZone), timeZone: state.timeZone, lookups: state.lookups)
        let body = area.inset(top: 1)
        if memory.area != area || memory.context != context {
            memory = Memory(area: area, context: context, rows: Array(repeating: nil, count: body.height), rowsDrawn: memory.rowsDrawn)
            var header = ""
            for placed in columns {
                header += placed.column.header(width: placed.width).fitted(toWidth: placed.width, alignment: placed.column.alignment) + String(repeating: " ", count: placed.column.gap)
            }
            buffer.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1))
            buffer.write(header.prefix(displayWidth: area.width), x: area.x, y: area.y, style: Theme.header)
        } else {
            // Equal but maybe built anew (lookups reloaded): keep the new value, so the next
            // frame compares identical storage, which is instant.
            memory.context = context
        }
        let list = state.list
        if list.rows.isEmpty {
            buffer.fill(body)
            renderMessage(state, into: &buffer, body: body)
            memory.rows = Array(repeating: nil, count: body.height)
            return
        }
        let focused = state.focus == .list && state.modal == nil
        let bar = state.listCursor == .bar
        for row in 0..<body.height {
            let index = list.scroll + row
            let isCursor = index == list.cursor && bar
            let rowStyle: Style = isCursor ? (focused ? Theme.selected : Theme.selectedUnfocused) : .plain
            let key: RowKey
            if index >= list.total {
                key = .blank
            } else if let call = list.rows[index] {
                key = .call(call, marked: list.marked.contains(call.id), style: rowStyle)
            } else {
                // A position whose page is still loading (or, past HubSpot's search limit,
                // cannot be loaded from this end).
                let text = list.loadingToken != nil || list.segmentToLoad(screenRows: state.listHeight) != nil ? "  ⋯ loading" : "  ⋯ not loaded (past the search's result limit)"
                key = .placeholder(text, style: isCursor ? rowStyle.patched(with: Theme.dim) : Theme.dim)
            }
            guard memory.rows[row] != key else { continue }
            memory.rows[row] = key
            memory.rowsDrawn += 1
            let y = body.y + row
            buffer.fill(Rect(x: body.x, y: y, width: body.width, height: 1), style: rowStyle)
            switch key {
            case .blank:
                continue
            case .placeholder(let text, let style):
                buffer.write(text.fitted(toWidth: body.width), x: body.x, y: y, maxWidth: body.width, style: style)
            case .call(let call, let marked, _):
                let texts = texts(for: call, marked: marked, context: context, columns: columns, width: body.width, state)
                var x = body.x
                for (placed, (text, style)) in zip(columns, texts) {
                    guard x < body.maxX else { break }
                    let width = min(placed.width, body.maxX - x)
                    // The selection bar is one style end to end: colours inside it would read
                    // as coloured blocks in reverse video, and each change of style costs the
                    // terminal an escape sequence on every move.
                    buffer.write(text, x: x, y: y, maxWidth: width, style: isCursor ? rowStyle : style)
                    x += placed.width + placed.column.gap
                }
            }
        }
    }

    /// With the arrow cursor (``ListCursor/arrow``), draws its column at the pane's left edge
    /// and returns the area right of it for the rows; with the bar, the whole area. The
    /// column is one cell per row, written every frame: only the two cells the arrow left
    /// and reached differ from the frame before, so a move costs the terminal a few bytes.
    static func cursorColumn(_ state: AppState, into buffer: inout CellBuffer, area: Rect) -> Rect {
        guard state.listCursor == .arrow, area.width > 1, area.height > 0 else { return area }
        let list = state.list
        let focused = state.focus == .list && state.modal == nil
        let arrowY = list.total > 0 && list.cursor >= list.scroll ? area.y + 1 + list.cursor - list.scroll : -1
        for y in area.y..<area.maxY {
            if y == arrowY {
                buffer.write(">", x: area.x, y: y, style: focused ? Theme.arrowCursor : Theme.selectedUnfocused)
            } else {
                buffer.write(" ", x: area.x, y: y)
            }
        }
        return area.inset(left: 1)
    }

    /// A row's column texts, from ``rowTexts`` or formatted now.
    private static func texts(for call: CallRow, marked: Bool, context: RowTextCache.Context, columns: [PlacedColumn], width: Int, _ state: AppState) -> [(String, Style)] {
        rowTexts.texts(for: call, marked: marked, context: context) {
            var offset = 0
            return columns.map { placed in
                // The last column may be cut by the pane's edge: fit it to what shows.
                let (text, style) = placed.column.value(call, width: placed.width, state)
                let fit = max(0, min(placed.width, width - offset))
                offset += placed.width + placed.column.gap
                return (text.fitted(toWidth: fit, alignment: placed.column.alignment), style)
            }
        }
    }

    /// What the rows around the screen were last formatted for.
    struct WarmKey: Equatable {
        var scroll: Int
        var height: Int
        var loaded: Int
        var count: Int
        var generation: Int
    }

    /// Formats the loaded rows a screen above and below the visible ones into ``rowTexts``,
    /// once per scroll position and set of loaded rows, so that a page key finds them ready
    /// instead of formatting a whole screen while the user waits. The app calls it on frames
    /// that drew no list row (a page or a detail arriving, a tick): work done while the user
    /// reads, not after a key.
    static func warm(_ state: AppState, area: Rect, memory: inout Memory) {
        guard area.height > 1, area.width > 0, let context = memory.context, memory.area == area else { return }
        let list = state.list
        let height = area.height - 1
        let key = WarmKey(scroll: list.scroll, height: height, loaded: list.rows.loadedCount, count: list.total, generation: list.generation)
        guard memory.warmed != key else { return }
        memory.warmed = key
        let columns = ListColumn.layout(width: area.width)
        let above = max(0, list.scroll - height)..<list.scroll
        let end = min(list.total, list.scroll + 2 * height)
        let below = min(list.scroll + height, end)..<end
        for index in Array(below) + Array(above) {
            guard let call = list.rows[index] else { continue }
            _ = texts(for: call, marked: list.marked.contains(call.id), context: context, columns: columns, width: area.width, state)
        }
    }

    /// The empty list's message: loading, no calls, no match, or why loading failed.
    private static func renderMessage(_ state: AppState, into buffer: inout CellBuffer, body: Rect) {
        let list = state.list
        if list.loadingToken == nil, let error = list.loadError {
            // The status line cuts a long error; here it has the whole pane (a 401's
            // "how to set the token", an offline server's address).
            var lines = ["Could not load calls:"] + error.description.wrapped(toWidth: max(1, body.width - 2)).map { "  " + $0 }
            let hints = [(Action.refresh, "retry"), (.quit, "quit")].compactMap { action, verb in
                state.bindings.firstKey(for: action, from: .list).map { "\($0) to \(verb)" }
            }
            if !hints.isEmpty { lines += ["", hints.joined(separator: ", ") + "."] }
            for (offset, line) in lines.prefix(body.height).enumerated() {
                buffer.write(line.fitted(toWidth: body.width), x: body.x, y: body.y + offset, style: offset == 0 ? Theme.error : .plain)
            }
            return
        }
        let message = list.loadingToken != nil || !list.loadedOnce ? "Loading calls…" : (list.filter.isEmpty ? "No calls yet. Press c to log one." : "No calls match the filter.")
        guard body.height > 0 else { return }
        buffer.write(message.fitted(toWidth: body.width), x: body.x, y: body.y, style: Theme.dim)
    }
}
