import CallsCore
import TerminalKit

/// The help screen's content, generated from the action table and the effective bindings,
/// followed by the badge legend and the filter syntax.
enum HelpContent {
    static func lines(_ state: AppState) -> [[Span]] {
        var lines: [[Span]] = []
        var seenGroups: [String] = []
        for row in ActionTable.rows where !seenGroups.contains(row.group) { seenGroups.append(row.group) }
        for group in seenGroups {
            lines.append([Span(group, Theme.header)])
            for row in ActionTable.rows where row.group == group {
                if state.readOnly, row.dangerous || CallController.mutating.contains(row.action) { continue }
                let keys = state.bindings.keys(for: row.action, in: row.context)
                let keyText = keys.isEmpty ? "(unbound)" : keys.joined(separator: " ")
                lines.append([Span("  " + keyText.fitted(toWidth: 18), Theme.key), Span(" " + row.help + (row.dangerous ? " (asks first)" : ""))])
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
        lines.append([Span("  Free text searches titles and notes. Terms: outcome:\"No answer\" status:missed")])
        lines.append([Span("  owner:<name> direction:inbound has:voicemail has:recording")])
        return lines
    }
}

/// The help overlay: a full-screen box over the panes.
enum HelpView {
    static func render(_ state: AppState, scroll: Int, into buffer: inout CellBuffer, area: Rect) {
        guard area.width >= 4, area.height >= 3 else { return }
        buffer.box(area, title: "Help — keys (scroll j/k, close q)")
        let inner = area.inset(by: 1)
        let lines = lines(state)
        let start = min(scroll, max(0, lines.count - inner.height))
        for row in 0..<inner.height where start + row < lines.count {
            buffer.write(lines[start + row], x: inner.x + 1, y: inner.y + row, width: inner.width - 2)
        }
    }

    static func lines(_ state: AppState) -> [[Span]] { HelpContent.lines(state) }
}
