// MARK: - Wrapped layout

extension FieldEditor {
    /// One screen row of wrapped text: the graphemes `start..<end` of ``characters`` (a line
    /// break ends a row and belongs to none).
    public struct VisualRow: Hashable, Sendable {
        public var start: Int
        public var end: Int
    }

    /// The text broken into rows of at most `width` display columns: at line breaks, and
    /// where the next grapheme would not fit — after the last space of the row when it has
    /// one (words stay whole), else right there. A wide grapheme is never split. The cursor
    /// at a wrap point belongs to the row it starts.
    public func visualRows(width: Int) -> [VisualRow] {
        let width = max(2, width)
        var rows: [VisualRow] = []
        var start = 0
        var used = 0
        /// Just after the last space in the current row (a place to break), or `start`.
        var breakAfterSpace = 0
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "\n" {
                rows.append(VisualRow(start: start, end: index))
                start = index + 1
                breakAfterSpace = start
                used = 0
            } else {
                let columns = character.displayWidth
                // Keep one column for the cursor after the last grapheme of a full row.
                if used + columns > width - 1, index > start {
                    let end = breakAfterSpace > start ? breakAfterSpace : index
                    rows.append(VisualRow(start: start, end: end))
                    start = end
                    breakAfterSpace = start
                    used = characters[start..<index].reduce(0) { $0 + $1.displayWidth }
                }
                used += columns
                if character == " " { breakAfterSpace = index + 1 }
            }
            index += 1
        }
        rows.append(VisualRow(start: start, end: characters.count))
        return rows
    }

    /// The row and display column of the cursor in ``visualRows(width:)``.
    public func visualCursor(width: Int) -> (row: Int, column: Int) {
        let rows = visualRows(width: width)
        var row = rows.count - 1
        for (i, candidate) in rows.enumerated() where cursor >= candidate.start && cursor <= candidate.end {
            row = i
            // At a wrap point the cursor starts the next row.
            if cursor == candidate.end, i + 1 < rows.count, rows[i + 1].start == cursor { continue }
            break
        }
        let start = rows[row].start
        let column = characters[start..<max(start, min(cursor, rows[row].end))].reduce(0) { $0 + $1.displayWidth }
        return (row, column)
    }

    /// Moves the cursor `delta` rows up or down in the wrapped layout, keeping its display
    /// column where the row is long enough. Returns false (and stays) at the first or last row.
    @discardableResult
    public mutating func moveVisually(by delta: Int, width: Int) -> Bool {
        let rows = visualRows(width: width)
        let position = visualCursor(width: width)
        let target = position.row + delta
        guard rows.indices.contains(target) else { return false }
        var index = rows[target].start
        var used = 0
        while index < rows[target].end, used + characters[index].displayWidth <= position.column {
            used += characters[index].displayWidth
            index += 1
        }
        setCursor(index)
        return true
    }

    /// Draws the text wrapped into `area`, scrolled so the cursor's row is visible; with
    /// `showsCursor`, the cell under the cursor is drawn in `theme.cursor`.
    public func renderWrapped(in area: Rect, buffer: inout CellBuffer, style: Style = .plain, showsCursor: Bool = true, theme: Theme = .standard) {
        buffer.fill(area, style: style)
        guard !area.isEmpty else { return }
        let rows = visualRows(width: area.width)
        let position = visualCursor(width: area.width)
        let first = max(0, min(position.row - area.height + 1, rows.count - area.height))
        for line in 0..<area.height where first + line < rows.count {
            let row = rows[first + line]
            buffer.write(String(characters[row.start..<row.end]), x: area.x, y: area.y + line, maxWidth: area.width, style: style)
        }
        guard showsCursor else { return }
        let x = area.x + position.column
        let y = area.y + position.row - first
        guard area.contains(x: x, y: y) else { return }
        var cell = buffer[x, y]
        if cell.isContinuation { return }
        cell.style = cell.style.patched(with: theme.cursor)
        buffer.set(cell, x: x, y: y)
    }
}
