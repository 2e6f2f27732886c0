// MARK: - Rendering

extension FieldEditor {
    /// Draws the text into `area`, scrolled so the cursor is visible; with `showsCursor`, the
    /// cell under the cursor is drawn in `theme.cursor`. A single-line editor uses the first
    /// row of the area.
    public func render(in area: Rect, buffer: inout CellBuffer, style: Style = .plain, showsCursor: Bool = true, theme: Theme = .standard) {
        buffer.fill(area, style: style)
        guard !area.isEmpty else { return }
        let position = cursorPosition
        let allLines = lines
        let height = isMultiline ? area.height : 1
        let firstLine = max(0, position.line - height + 1)
        // Keep one column free for the cursor at the end of the text.
        let firstColumn = max(0, position.column - area.width + 1)
        for row in 0..<height where firstLine + row < allLines.count {
            let line = allLines[firstLine + row]
            let visible = line.dropping(displayColumns: firstColumn)
            buffer.write(visible, x: area.x, y: area.y + row, maxWidth: area.width, style: style)
        }
        guard showsCursor else { return }
        let x = area.x + position.column - firstColumn
        let y = area.y + position.line - firstLine
        guard area.contains(x: x, y: y) else { return }
        var cell = buffer[x, y]
        if cell.isContinuation { return }
        cell.style = cell.style.patched(with: theme.cursor)
        buffer.set(cell, x: x, y: y)
    }
}

extension String {
    /// The text after its first `columns` display columns (a wide grapheme cut in half is
    /// replaced by a space).
    func dropping(displayColumns columns: Int) -> String {
        guard columns > 0 else { return self }
        var used = 0
        var index = startIndex
        while index < endIndex, used < columns {
            used += self[index].displayWidth
            index = self.index(after: index)
        }
        return (used > columns ? " " : "") + String(self[index...])
    }
}
