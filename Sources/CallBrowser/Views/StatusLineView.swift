import Foundation
import TerminalKit

/// The title bar (what is shown) and the status line (message or hints, spinner, position).
enum StatusLineView {
    static func renderTitle(_ state: AppState, into buffer: inout CellBuffer, area: Rect) {
        guard area.width > 0, area.height > 0 else { return }
        buffer.fill(area, style: Theme.title)
        let total = state.list.total
        let count = searching(state) ? "searching…" : total == 1 ? "1 call" : "\(total) calls"
        var parts = ["hubcalls", count, state.list.sort.label]
        if !state.list.filterText.isEmpty { parts.append("filter: " + Clean.line(state.list.filterText, width: 80)) }
        if !state.list.marked.isEmpty { parts.append("\(state.list.marked.count) marked") }
        if state.readOnly { parts.append("read-only") }
        buffer.write(" " + parts.joined(separator: " · "), x: area.x, y: area.y, maxWidth: area.width, style: Theme.title)
    }

    /// A new query (filter, sort, a logged call) waits for its first page: the rows and
    /// their count are still the old query's, which the title must not pair with the new
    /// filter (QA4 Q4-19). A refresh (`R`) keeps the count: its query is the same.
    static func searching(_ state: AppState) -> Bool {
        state.list.loadingToken != nil && state.list.loadingSegment == .replace && !state.list.refreshing
    }

    static func renderStatus(_ state: AppState, into buffer: inout CellBuffer, area: Rect) {
        guard area.width > 0, area.height > 0 else { return }
        buffer.fill(area)
        var right = ""
        if let phase = state.status.spinnerPhase { right += Theme.spinner[phase % Theme.spinner.count] + " " }
        let position = state.list.rows.isEmpty ? "" : "\(state.list.cursor + 1)/\(state.list.total)"
        // A message that does not fit beside the position gets the whole line: the message
        // is news, the position is still in the title bar's count and the cursor.
        let messageWidth = state.list.editingFilter == nil ? state.status.message.map { Clean.line($0.text, width: area.width + 1).displayWidth } : nil
        if let messageWidth, messageWidth + 1 + right.displayWidth + position.displayWidth > area.width {
            right = right.trimmingCharacters(in: .whitespaces)
        } else {
            right += position
        }
        let rightWidth = min(area.width, right.displayWidth)
        let leftWidth = max(0, area.width - rightWidth - 1)
        if let editor = FilterBarController.editor(state), state.modal == nil {
            // The text scrolls to keep its cursor (a reversed cell) in view.
            let clean = Clean.line(editor.text, width: 100_000)
            let shown = FieldEditor(verbatim: clean, cursor: clean == editor.text ? editor.cursor : clean.count, multiline: false)
            buffer.write("/", x: area.x, y: area.y, maxWidth: leftWidth)
            let fieldWidth = max(0, min(leftWidth - 1, clean.displayWidth + 1))
            shown.render(in: Rect(x: area.x + 1, y: area.y, width: fieldWidth, height: 1), buffer: &buffer, theme: filterTheme)
            let used = fieldWidth // "/" and the text; the cursor cell is the last
            // Why Enter did not apply the filter, next to what the user is fixing.
            if let message = state.status.message, message.kind == .error, used + 3 < leftWidth {
                let room = leftWidth - used - 3
                buffer.write(Clean.line(message.text, width: room + 1).truncated(toWidth: room), x: area.x + used + 3, y: area.y, maxWidth: room, style: Theme.error)
            }
        } else if let message = state.status.message {
            let style: Style = switch message.kind {
            case .error: Theme.error
            case .warning: Theme.warning
            case .success: Theme.success
            case .info: .plain
            }
            var text = Clean.line(message.text, width: leftWidth + 1)
            // A cut error or warning says where to read it whole (help shows it at its top).
            if text.displayWidth > leftWidth, message.kind == .error || message.kind == .warning,
               let help = state.bindings.firstKey(for: .showHelp, from: state.context) {
                let more = " (\(help): all)"
                if leftWidth > more.displayWidth + 20 { text = text.truncated(toWidth: leftWidth - more.displayWidth) + more }
            }
            buffer.write(text.truncated(toWidth: leftWidth), x: area.x, y: area.y, maxWidth: leftWidth, style: style)
        } else {
            buffer.write(hints(state, width: leftWidth), x: area.x, y: area.y, width: leftWidth)
        }
        // Plain, not dim: the position changes on every move, and switching dim on and off
        // around it cost the terminal more bytes than the digits.
        buffer.write(right, x: area.maxX - rightWidth, y: area.y, maxWidth: rightWidth)
    }

    /// The filter bar's cursor: a reversed cell, as before it could move.
    static let filterTheme = TerminalKit.Theme(cursor: Theme.selected)

    /// Key hints for the current context: actions with a short hint that are enabled now,
    /// as many whole ones as fit in `width` (see ``KeyHints``).
    static func hints(_ state: AppState, width: Int = .max) -> [Span] {
        var hints: [(key: String, label: String)] = []
        var seen: Set<Action> = []
        for context in state.context.lookupChain {
            for row in ActionTable.rows(in: context) {
                guard let hint = row.hint, !seen.contains(row.action),
                      Reducer.disabledReason(row.action, in: context, state) == nil,
                      let key = state.bindings.keys(for: row.action, in: context).first else { continue }
                if state.readOnly, row.dangerous || CallController.mutating.contains(row.action) { continue }
                seen.insert(row.action)
                hints.append((key, hint))
            }
        }
        return KeyHints.spans(hints, width: width)
    }
}
