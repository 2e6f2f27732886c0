import CallsCore
import Foundation
import TerminalKit

/// The call list: a header and one row per visible call. Only the rows on screen are
/// formatted, so the cost per frame does not grow with the number of calls loaded.
enum CallListView {
    /// A column: its title, width, and how it renders a row.
    struct Column {
        var title: String
        var width: Int
        var alignment: TextAlignment = .left
        var value: (CallRow, AppState) -> (String, Style)
    }

    /// Formatted rows from earlier frames (see ``RowTextCache``).
    static let rowTexts = RowTextCache()

    static func render(_ state: AppState, into buffer: inout CellBuffer, area: Rect) {
        guard area.height > 0, area.width > 0 else { return }
        let columns = layout(width: area.width)
        var header = ""
        for column in columns { header += column.title.fitted(toWidth: column.width, alignment: column.alignment) + " " }
        buffer.write(header.prefix(displayWidth: area.width), x: area.x, y: area.y, style: Theme.header)
        let body = area.inset(top: 1)
        let list = state.list
        if list.rows.isEmpty {
            let message = list.loadingToken != nil || !list.loadedOnce ? "Loading calls…" : (list.filter.isEmpty ? "No calls yet. Press c to log one." : "No calls match the filter.")
            buffer.write(message.fitted(toWidth: body.width), x: body.x, y: body.y, style: Theme.dim)
            return
        }
        let focused = state.focus == .list && state.modal == nil
        let context = RowTextCache.Context(width: area.width, today: TimeFormat.calendar(state.timeZone).startOfDay(for: state.now), timeZone: state.timeZone, lookups: state.lookups)
        for row in 0..<body.height {
            let index = list.scroll + row
            guard index < list.rows.count else { break }
            let call = list.rows[index]
            let y = body.y + row
            var x = body.x
            let isCursor = index == list.cursor
            let rowStyle: Style = isCursor ? (focused ? Theme.selected : Theme.selectedUnfocused) : .plain
            if isCursor { buffer.fill(Rect(x: body.x, y: y, width: body.width, height: 1), style: rowStyle) }
            let texts = rowTexts.texts(for: call, marked: list.marked.contains(call.id), context: context) {
                var offset = 0
                return columns.map { column in
                    // The last column may be cut by the pane's edge: fit it to what shows.
                    let (text, style) = column.value(call, state)
                    let width = max(0, min(column.width, body.width - offset))
                    offset += column.width + 1
                    return (text.fitted(toWidth: width, alignment: column.alignment), style)
                }
            }
            for (column, (text, style)) in zip(columns, texts) {
                guard x < body.maxX else { break }
                let width = min(column.width, body.maxX - x)
                buffer.write(text, x: x, y: y, maxWidth: width, style: isCursor ? rowStyle.patched(with: style) : style)
                x += column.width + 1
            }
        }
    }

    /// Columns for a width: the essentials always, then outcome, status and owner as room allows;
    /// the title takes what is left.
    static func layout(width: Int) -> [Column] {
        let mark = Column(title: "", width: 1) { row, state in
            state.list.marked.contains(row.id) ? ("*", Theme.marked) : (" ", .plain)
        }
        let badge = Column(title: "", width: 1) { row, _ in
            guard let badge = row.call.badge else { return (" ", .plain) }
            return (Theme.glyph(badge), Theme.style(badge))
        }
        let time = Column(title: "Time", width: 10) { row, state in
            (row.call.timestamp.map { TimeFormat.relative($0, now: state.now, timeZone: state.timeZone) } ?? "", .plain)
        }
        let direction = Column(title: "", width: 1) { row, _ in (Theme.arrow(row.call.direction), Theme.dim) }
        let status = Column(title: "Status", width: 10) { row, _ in
            (row.call.status?.label ?? "", row.call.status == .missed ? Theme.warning : .plain)
        }
        // With no outcome set and no Status column (narrow panes), the status says what
        // happened (Missed, Busy…), dimmed so it reads as a status rather than an outcome.
        var statusShown = false
        let outcome = Column(title: "Outcome", width: 14) { row, state in
            if let id = row.call.dispositionID { return (Clean.line(state.lookups.outcomes.label(for: id), width: 40), .plain) }
            if statusShown { return ("", .plain) }
            return (row.call.status?.label ?? "", row.call.status == .missed ? Theme.warning : Theme.dim)
        }
        let duration = Column(title: "Duration", width: 8, alignment: .right) { row, _ in
            (row.call.durationMilliseconds.map { Call.formatDuration(milliseconds: $0) } ?? "", .plain)
        }
        let owner = Column(title: "Owner", width: 14) { row, state in
            (Clean.line(state.lookups.ownerName(row.call.ownerID), width: 40), .plain)
        }
        let record = Column(title: "Contact/Company", width: 18) { row, _ in
            (Clean.line(row.record?.name, width: 60), .plain)
        }
        let titleMin = 12
        var used = [mark, badge, time, direction, duration, record].reduce(0) { $0 + $1.width + 1 }
        var include: Set<String> = []
        for optional in [outcome, status, owner] where used + optional.width + 1 + titleMin <= width {
            include.insert(optional.title)
            used += optional.width + 1
        }
        statusShown = include.contains(status.title)
        var columns = [mark, badge, time, direction]
        if include.contains(status.title) { columns.append(status) }
        if include.contains(outcome.title) { columns.append(outcome) }
        columns.append(duration)
        if include.contains(owner.title) { columns.append(owner) }
        columns.append(record)
        let title = Column(title: "Title", width: max(1, width - used)) { row, _ in
            (Clean.line(row.call.title ?? row.call.object[property: CallProperty.bodyPreview], width: 200), .plain)
        }
        return columns + [title]
    }
}
