import TerminalKit

/// The detail pane: the lines of ``DetailLines`` from the scroll position. With a
/// ``Memory`` of the last frame, an unchanged pane is neither built nor drawn, and a changed
/// one draws only the rows whose line differs (the side pane's labels keep their rows from
/// one call to the next, so a cursor move rewrites values only).
enum DetailView {
    /// What the pane showed in the frame before (kept by ``FrameRenderer``).
    struct Memory {
        var area: Rect?
        /// Everything the lines were built from, and the scroll position.
        var key: DetailLines.Key?
        var scroll = 0
        /// Per screen row, the line drawn there (`[]` for a blank row); nil: unknown.
        var rows: [[Span]?] = []
        /// Times the pane's lines were asked for, and rows drawn, since this memory began
        /// (tests count them).
        var builds = 0
        var rowsDrawn = 0
    }

    static func render(_ state: AppState, into buffer: inout CellBuffer, area: Rect) {
        var memory = Memory()
        render(state, into: &buffer, area: area, memory: &memory)
    }

    static func render(_ state: AppState, into buffer: inout CellBuffer, area: Rect, memory: inout Memory) {
        guard area.width > 0, area.height > 0 else { return }
        if memory.area != area {
            memory = Memory(area: area, rows: Array(repeating: nil, count: area.height), builds: memory.builds, rowsDrawn: memory.rowsDrawn)
        }
        let key = DetailLines.Key(state, width: area.width)
        if key == memory.key, state.detail.scroll == memory.scroll {
            // Equal, perhaps not identical: keep the new key so the next check is instant.
            memory.key = key
            return
        }
        memory.key = key
        memory.scroll = state.detail.scroll
        memory.builds += 1
        let lines = DetailLines.build(state, key: key)
        let scroll = min(state.detail.scroll, max(0, lines.count - area.height))
        for row in 0..<area.height {
            let index = scroll + row
            let line = index < lines.count ? lines[index] : []
            guard memory.rows[row] != line else { continue }
            memory.rows[row] = line
            memory.rowsDrawn += 1
            let y = area.y + row
            buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1))
            buffer.write(line, x: area.x, y: y, width: area.width)
        }
    }
}
