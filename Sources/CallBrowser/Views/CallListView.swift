import CallsCore
import Foundation
import TerminalKit

/// The call list: a header and one row per visible call. Only the rows on screen are
/// formatted, so the cost per frame does not grow with the number of calls loaded.
enum CallListView {
    /// Formatted rows from earlier frames (see ``RowTextCache``).
    static let rowTexts = RowTextCache()

    static func render(_ state: AppState, into buffer: inout CellBuffer, area: Rect) {
        guard area.height > 0, area.width > 0 else { return }
        let columns = ListColumn.layout(width: area.width)
        var header = ""
        for placed in columns {
            header += placed.column.header(width: placed.width).fitted(toWidth: placed.width, alignment: placed.column.alignment) + String(repeating: " ", count: placed.column.gap)
        }
        buffer.write(header.prefix(displayWidth: area.width), x: area.x, y: area.y, style: Theme.header)
        let body = area.inset(top: 1)
        let list = state.list
        if list.rows.isEmpty {
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
            buffer.write(message.fitted(toWidth: body.width), x: body.x, y: body.y, style: Theme.dim)
            return
        }
        let focused = state.focus == .list && state.modal == nil
        let context = RowTextCache.Context(width: area.width, today: TimeFormat.startOfDay(state.now, timeZone: state.timeZone), timeZone: state.timeZone, lookups: state.lookups)
        for row in 0..<body.height {
            let index = list.scroll + row
            guard index < list.total else { break }
            let y = body.y + row
            var x = body.x
            let isCursor = index == list.cursor
            let rowStyle: Style = isCursor ? (focused ? Theme.selected : Theme.selectedUnfocused) : .plain
            if isCursor { buffer.fill(Rect(x: body.x, y: y, width: body.width, height: 1), style: rowStyle) }
            guard let call = list.rows[index] else {
                // A position whose page is still loading (or, past HubSpot's search limit,
                // cannot be loaded from this end).
                let text = list.loadingToken != nil || list.segmentToLoad(screenRows: state.listHeight) != nil ? "  ⋯ loading" : "  ⋯ not loaded (past the search's result limit)"
                buffer.write(text.fitted(toWidth: body.width), x: body.x, y: y, maxWidth: body.width, style: isCursor ? rowStyle.patched(with: Theme.dim) : Theme.dim)
                continue
            }
            let texts = rowTexts.texts(for: call, marked: list.marked.contains(call.id), context: context) {
                var offset = 0
                return columns.map { placed in
                    // The last column may be cut by the pane's edge: fit it to what shows.
                    let (text, style) = placed.column.value(call, width: placed.width, state)
                    let width = max(0, min(placed.width, body.width - offset))
                    offset += placed.width + placed.column.gap
                    return (text.fitted(toWidth: width, alignment: placed.column.alignment), style)
                }
            }
            for (placed, (text, style)) in zip(columns, texts) {
                guard x < body.maxX else { break }
                let width = min(placed.width, body.maxX - x)
                buffer.write(text, x: x, y: y, maxWidth: width, style: isCursor ? rowStyle.patched(with: style) : style)
                x += placed.width + placed.column.gap
            }
        }
    }
}
