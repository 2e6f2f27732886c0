// MARK: - ListView

/// Renders a virtualized list: the row provider is called only for the rows on screen, so the
/// cost of a frame does not depend on the number of rows.
public enum ListView {
    /// Draws the visible rows of `state` into `area`. `row` draws one row into the rect it is
    /// given (one line high, the area's width); the selected row is then restyled with
    /// `theme.selection` unless `highlightSelection` is false. Shows `emptyText` (dimmed) when
    /// the list is empty.
    public static func render(
        _ state: ListState, in area: Rect, buffer: inout CellBuffer, theme: Theme = .standard,
        highlightSelection: Bool = true, emptyText: String = "",
        row: (_ index: Int, _ area: Rect, _ isSelected: Bool, _ buffer: inout CellBuffer) -> Void
    ) {
        buffer.fill(area)
        guard !area.isEmpty else { return }
        if state.count == 0 {
            buffer.write(emptyText, in: area.row(0), style: theme.secondary)
            return
        }
        for (line, index) in state.visibleRange(height: area.height).enumerated() {
            let rowArea = area.row(line)
            let isSelected = index == state.selection
            row(index, rowArea, isSelected, &buffer)
            if isSelected && highlightSelection {
                for column in rowArea.x..<rowArea.maxX {
                    var cell = buffer[column, rowArea.y]
                    if cell.isContinuation { continue }
                    cell.style = cell.style.patched(with: theme.selection)
                    buffer.set(cell, x: column, y: rowArea.y)
                }
            }
        }
    }

    /// Draws a list of plain text rows (sanitized and fitted to the width).
    public static func render(
        _ state: ListState, in area: Rect, buffer: inout CellBuffer, theme: Theme = .standard, emptyText: String = "",
        text: (_ index: Int) -> String
    ) {
        render(state, in: area, buffer: &buffer, theme: theme, emptyText: emptyText) { index, rowArea, _, buffer in
            buffer.write(Sanitizer().line(text(index), maxWidth: rowArea.width), in: rowArea)
        }
    }
}
