import CallsCore
import TerminalKit

/// The help screen's content, generated from the action table and the effective bindings,
/// followed by the badge legend and the filter syntax.
enum HelpContent {
    /// The widest the key column gets; longer user bindings are cut with `…`.
    static let maxKeyWidth = 28

    /// The key column is as wide as the longest key list (up to ``maxKeyWidth``), so keys
    /// are not cut while the box has room.
    /// Help texts longer than the room beside the keys wrap under themselves.
    static func lines(_ state: AppState, width: Int? = nil) -> [[Span]] {
        let width = width ?? max(1, state.columns - 4)
        var lines: [[Span]] = []
        // The status line cuts a long error or warning; help has room to show it whole.
        if let message = state.status.message, message.kind == .error || message.kind == .warning {
            lines.append([Span("Last message", Theme.header)])
            for part in Clean.line(message.text, width: 4_000).wrapped(toWidth: max(10, width - 2)) {
                lines.append([Span("  " + part, message.kind == .error ? Theme.error : Theme.warning)])
            }
            lines.append([])
        }
        var seenGroups: [String] = []
        for row in ActionTable.rows where !seenGroups.contains(row.group) { seenGroups.append(row.group) }
        let shown = ActionTable.rows.filter { !(state.readOnly && ($0.dangerous || CallController.mutating.contains($0.action))) }
        func keyText(_ row: ActionRow) -> String {
            let keys = state.bindings.referenceKeys(for: row.action, in: row.context)
            return keys.isEmpty ? "(unbound)" : keys.joined(separator: " ")
        }
        let keyWidth = min(maxKeyWidth, shown.map { keyText($0).displayWidth }.max() ?? 0)
        for group in seenGroups {
            lines.append([Span(group, Theme.header)])
            for row in shown where row.group == group {
                let text = row.help + (row.dangerous ? " (asks first)" : "")
                let indent = 2 + keyWidth + 2
                let rows = text.wrapped(toWidth: max(10, width - indent))
                for (i, part) in rows.enumerated() {
                    let keys = i == 0 ? keyText(row).fitted(toWidth: keyWidth) : String(repeating: " ", count: keyWidth)
                    lines.append([Span("  " + keys, Theme.key), Span("  " + part)])
                }
            }
            lines.append([])
        }
        lines.append([Span("Badges", Theme.header)])
        for badge in VoicemailBadge.allCases {
            lines.append([Span("  " + Theme.glyph(badge), Theme.style(badge)), Span("  " + Theme.name(badge).fitted(toWidth: 10)), Span(badge.meaning)])
        }
        lines.append([Span("  →", Theme.dim), Span("  outbound    "), Span("←", Theme.dim), Span("  inbound")])
        lines.append([])
        lines.append([Span("Filter", Theme.header)])
        lines.append([Span("  Free text searches titles and notes. Terms:")])
        lines.append([Span("  outcome:\"No answer\" status:missed owner:<name> direction:inbound")])
        lines.append([Span("  has:voicemail has:recording")])
        lines.append([])
        lines.append([Span("Text fields, the filter and picker searches", Theme.header)])
        let editing = "Shell keys: <C-a>/<C-e> start/end, <C-b>/<C-f> character left/right, <A-b>/<A-f> word left/right, <C-w> delete word, "
            + "<C-u>/<C-k> delete to start/end. Notes: <Enter> new line, <Up>/<Down> move by line. "
            + "Pasted text is typed literally, never run as keys."
        for part in editing.wrapped(toWidth: max(10, width - 2)) { lines.append([Span("  " + part)]) }
        return lines
    }
}

/// The help overlay: a full-screen box over the panes.
enum HelpView {
    static func render(_ state: AppState, scroll: Int, into buffer: inout CellBuffer, area: Rect) {
        guard area.width >= 4, area.height >= 3 else { return }
        // The usual key when it is still bound, else whichever is.
        func key(_ action: Action, _ usual: String) -> String {
            let keys = state.bindings.keys(for: action, in: .help)
            return keys.contains(usual) ? usual : keys.first ?? usual
        }
        let title = "Help — keys (scroll \(key(.moveDown, "j"))/\(key(.moveUp, "k")), top/end \(key(.moveTop, "gg"))/\(key(.moveBottom, "G")), close \(key(.cancel, "q")))"
        buffer.box(area, title: title)
        let inner = area.inset(by: 1)
        let lines = lines(state, width: inner.width - 2)
        let start = min(scroll, max(0, lines.count - inner.height))
        for row in 0..<inner.height where start + row < lines.count {
            buffer.write(lines[start + row], x: inner.x + 1, y: inner.y + row, width: inner.width - 2)
        }
    }

    static func lines(_ state: AppState, width: Int) -> [[Span]] { HelpContent.lines(state, width: width) }
}
