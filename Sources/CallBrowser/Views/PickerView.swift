import TerminalKit

/// A picker box: title, the typed filter, and the choices with the cursor and the current
/// value marked.
enum PickerView {
    static func render(_ picker: PickerState, into buffer: inout CellBuffer, area: Rect) {
        let visible = picker.visibleItems
        let width = min(area.width, max(40, min(70, (visible.map { $0.label.displayWidth + ($0.detail?.displayWidth ?? 0) + 8 }.max() ?? 0))))
        let height = min(area.height, max(6, min(visible.count + 4, 20)))
        let box = area.centered(width: width, height: height)
        guard box.width >= 6, box.height >= 4 else {
            FormView.tooSmall(into: &buffer, area: area, what: "these choices")
            return
        }
        buffer.box(box, title: picker.title)
        let inner = box.inset(by: 1)
        // The query scrolls to keep its cursor (a reversed cell) in view.
        buffer.write("> ", x: inner.x + 1, y: inner.y, maxWidth: inner.width - 2)
        picker.choices.filter.render(in: Rect(x: inner.x + 3, y: inner.y, width: max(0, inner.width - 4), height: 1), buffer: &buffer, theme: StatusLineView.filterTheme)
        let listArea = inner.inset(top: 1)
        if visible.isEmpty {
            let message = picker.loadingToken != nil ? "Searching…" : "No matches"
            buffer.write(message, x: listArea.x + 1, y: listArea.y, maxWidth: listArea.width - 2, style: Theme.dim)
            return
        }
        let top = max(0, min(picker.cursor - listArea.height + 1, visible.count - listArea.height))
        for row in 0..<listArea.height {
            let index = top + row
            guard index < visible.count else { break }
            let item = visible[index]
            let y = listArea.y + row
            let isCursor = index == picker.cursor
            let mark = item.id == picker.currentID ? "• " : "  "
            var spans = [Span(mark + Clean.line(item.label, width: listArea.width))]
            if let detail = item.detail { spans.append(Span("  " + Clean.line(detail, width: listArea.width), Theme.dim)) }
            if isCursor {
                buffer.fill(Rect(x: listArea.x, y: y, width: listArea.width, height: 1), style: Theme.selected)
                spans = spans.map { Span($0.text, Theme.selected) }
            }
            buffer.write(spans, x: listArea.x + 1, y: y, width: listArea.width - 2)
        }
    }
}
