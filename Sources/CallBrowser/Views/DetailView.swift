import TerminalKit

/// The detail pane: the lines of ``DetailLines`` from the scroll position.
enum DetailView {
    static func render(_ state: AppState, into buffer: inout CellBuffer, area: Rect) {
        guard area.width > 0, area.height > 0 else { return }
        let lines = DetailLines.build(state, width: area.width)
        let scroll = min(state.detail.scroll, max(0, lines.count - area.height))
        for row in 0..<area.height {
            let index = scroll + row
            guard index < lines.count else { break }
            buffer.write(lines[index], x: area.x, y: area.y + row, width: area.width)
        }
    }
}
