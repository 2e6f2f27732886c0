import CallsCore
import TerminalKit

/// A form box: one row per field (label, value, inline error), the focused field highlighted
/// with its caret, read-only fields dimmed, and a footer of keys.
enum FormView {
    static func render(_ form: FormState, _ state: AppState, into buffer: inout CellBuffer, area: Rect) {
        let width = area.width <= 84 ? area.width : 78
        let box = area.centered(width: width, height: min(area.height, rowsFor(form).count + 5))
        guard box.width >= 10, box.height >= 4 else { return }
        buffer.box(box, title: form.title + (form.isDirty ? " *" : ""))
        let inner = box.inset(by: 1)
        let footerHeight = inner.height >= 5 ? 2 : 0
        let fieldsArea = inner.inset(bottom: footerHeight)
        let rows = rowsFor(form)
        let focusRow = rows.firstIndex { $0.field == form.focus && !$0.isError } ?? 0
        let top = max(0, min(focusRow - fieldsArea.height / 2, rows.count - fieldsArea.height))
        let labelWidth = min(22, max(8, inner.width / 3))
        for line in 0..<fieldsArea.height {
            let index = top + line
            guard index < rows.count else { break }
            let row = rows[index]
            let field = form.fields[row.field]
            let y = fieldsArea.y + line
            if row.isError {
                buffer.write("  " + (field.error ?? ""), x: fieldsArea.x + labelWidth + 1, y: y, maxWidth: fieldsArea.width - labelWidth - 2, style: Theme.error)
                continue
            }
            let focused = row.field == form.focus && form.picker == nil
            buffer.write(Clean.line(field.label).fitted(toWidth: labelWidth), x: fieldsArea.x + 1, y: y, style: field.readOnly ? Theme.dim : Theme.label)
            let valueX = fieldsArea.x + labelWidth + 2
            let valueWidth = max(1, fieldsArea.maxX - valueX - 1)
            var text = Clean.line(field.displayValue, width: 400)
            if field.name == CallProperty.duration, form.timerStartedAt != nil { text += "  ⏱ running" }
            if field.readOnly { text += text.isEmpty ? "(read-only)" : "  (read-only)" }
            if field.isChoice, !field.readOnly { text += " ▾" }
            let style: Style = field.readOnly ? Theme.dim : (focused ? Theme.focusedField : Theme.field)
            buffer.fill(Rect(x: valueX, y: y, width: valueWidth, height: 1), style: field.readOnly ? .plain : style)
            if focused, !field.isChoice {
                drawWithCaret(field, into: &buffer, x: valueX, y: y, width: valueWidth)
            } else {
                buffer.write(text.truncated(toWidth: valueWidth), x: valueX, y: y, maxWidth: valueWidth, style: style)
            }
        }
        if footerHeight > 0 {
            let message = form.error.map { Span("Error: " + Clean.line($0, width: 300), Theme.error) }
                ?? (form.savingToken != nil ? Span("Saving…", Theme.dim) : nil)
            if let message { buffer.write([message], x: inner.x + 1, y: inner.maxY - 2, width: inner.width - 2) }
            buffer.write(hints(form, state), x: inner.x + 1, y: inner.maxY - 1, width: inner.width - 2)
        }
    }

    /// One row per field, plus a row under each field with an error.
    static func rowsFor(_ form: FormState) -> [(field: Int, isError: Bool)] {
        var rows: [(Int, Bool)] = []
        for (i, field) in form.fields.enumerated() {
            rows.append((i, false))
            if field.error != nil { rows.append((i, true)) }
        }
        return rows
    }

    /// The focused text field: the part around the caret that fits, caret shown as a block.
    static func drawWithCaret(_ field: FormField, into buffer: inout CellBuffer, x: Int, y: Int, width: Int) {
        let chars = Array(Clean.line(field.value, width: 100_000))
        let caret = min(field.caret, chars.count)
        var before = String(chars[..<caret])
        let after = String(chars[caret...])
        while before.displayWidth > width - 2, !before.isEmpty { before.removeFirst() }
        let used = buffer.write(before, x: x, y: y, maxWidth: width, style: Theme.focusedField)
        let caretChar = after.first.map(String.init) ?? " "
        buffer.write(caretChar, x: x + used, y: y, maxWidth: 2, style: Style(attributes: .underline))
        let rest = String(after.dropFirst())
        buffer.write(rest, x: x + used + caretChar.displayWidth, y: y, maxWidth: max(0, width - used - caretChar.displayWidth), style: Theme.focusedField)
    }

    static func hints(_ form: FormState, _ state: AppState) -> [Span] {
        var actions: [Action] = [.save, .cancel, .nextField, .choose]
        if form.kind == .quickLog { actions.append(.toggleTimer) }
        var spans: [Span] = []
        for action in actions {
            guard let key = state.bindings.firstKey(for: action, from: .form), let row = ActionTable.row(action, in: .form) else { continue }
            spans.append(Span(key, Theme.key))
            spans.append(Span(" " + (row.hint ?? "") + "  "))
        }
        return spans
    }
}
