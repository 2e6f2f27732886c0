import TerminalKit

/// A yes/no box; the highlighted button is what Enter answers.
enum ConfirmView {
    static func render(_ confirm: ConfirmState, into buffer: inout CellBuffer, area: Rect) {
        let width = min(area.width, 60)
        let rows = Clean.line(confirm.message, width: 400).wrapped(toWidth: max(1, width - 4))
        let height = min(area.height, rows.count + 5)
        let box = area.centered(width: width, height: height)
        guard box.width >= 6, box.height >= 3 else { return }
        buffer.box(box, title: confirm.title)
        let inner = box.inset(by: 1)
        for (i, row) in rows.prefix(max(0, inner.height - 2)).enumerated() {
            buffer.write(row, x: inner.x + 1, y: inner.y + i, maxWidth: inner.width - 2)
        }
        let no = "[ No ]", yes = "[ \(confirm.yesLabel) ]"
        let y = inner.maxY - 1
        let x = inner.x + max(1, (inner.width - no.displayWidth - yes.displayWidth - 3) / 2)
        buffer.write(no, x: x, y: y, style: confirm.yesSelected ? .plain : Theme.selected)
        buffer.write(yes, x: x + no.displayWidth + 3, y: y, style: confirm.yesSelected ? Theme.selected.patched(with: Theme.error) : Theme.error)
    }
}
