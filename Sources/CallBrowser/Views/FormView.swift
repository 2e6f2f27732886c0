import CallsCore
import TerminalKit

/// A form box: one row per field (label, value), a multi-line field over several wrapped
/// rows, inline errors wrapped under their field, the focused field highlighted with its
/// caret, read-only fields dimmed, and a footer with the form's error and its keys. The form
/// scrolls to keep the focused field in view (`↑ more` / `↓ more` on the border say there is
/// more); a terminal too small for a form gets a notice instead.
enum FormView {
    /// Rows a multi-line field (the notes) takes.
    static let multilineRows = 4
    /// The caret in a multi-line field: underlined, as in one-line fields (the field itself
    /// is drawn reversed).
    static let caretTheme = TerminalKit.Theme(cursor: Style(attributes: .underline))
    /// The smallest box a form is drawn in.
    static let minimumSize = (width: 24, height: 6)

    /// One screen row of the form.
    enum Row: Equatable {
        /// Row `line` of field `field` (a multi-line field has several).
        case field(Int, line: Int)
        /// One line of a field's inline error.
        case error(Int, String)

        var field: Int {
            switch self {
            case .field(let index, _), .error(let index, _): index
            }
        }
    }

    // MARK: - Geometry (shared with the reducer, which moves between wrapped rows)

    static func boxWidth(_ areaWidth: Int) -> Int { areaWidth <= 84 ? areaWidth : 78 }
    static func labelWidth(inner width: Int) -> Int { min(22, max(8, width / 3)) }
    static func valueWidth(inner width: Int) -> Int { max(1, width - labelWidth(inner: width) - 3) }

    /// The width multi-line fields wrap at on a screen `columns` wide.
    static func multilineWidth(columns: Int) -> Int { valueWidth(inner: boxWidth(columns) - 2) }

    // MARK: - Rendering

    static func render(_ form: FormState, _ state: AppState, into buffer: inout CellBuffer, area: Rect) {
        let width = boxWidth(area.width)
        let innerWidth = width - 2
        let valueWidth = valueWidth(inner: innerWidth)
        let rows = rowsFor(form, errorWidth: max(1, valueWidth - 2))
        let messageLines = footerMessage(form, width: max(1, innerWidth - 2))
        let footerHeight = 1 + max(1, messageLines.count)
        let box = area.centered(width: width, height: min(area.height, rows.count + footerHeight + 3))
        guard box.width >= minimumSize.width, box.height >= minimumSize.height else {
            tooSmall(into: &buffer, area: area, what: "this form")
            return
        }
        buffer.box(box, title: form.title + (form.isDirty ? " *" : ""))
        let inner = box.inset(by: 1)
        let fieldsArea = inner.inset(bottom: footerHeight)
        let labelWidth = labelWidth(inner: inner.width)
        let top = scrollTop(form, rows: rows, height: fieldsArea.height)
        let fields = form.fields
        for line in 0..<fieldsArea.height {
            let index = top + line
            guard index < rows.count else { break }
            let y = fieldsArea.y + line
            switch rows[index] {
            case .error(_, let text):
                buffer.write("  " + text, x: fieldsArea.x + labelWidth + 1, y: y, maxWidth: fieldsArea.width - labelWidth - 2, style: Theme.error)
            case .field(let fieldIndex, let fieldLine):
                let field = fields[fieldIndex]
                let valueX = fieldsArea.x + labelWidth + 2
                // A field starts on its first row, or on the top row when scrolled into it.
                if fieldLine == 0 || line == 0 {
                    buffer.write(Clean.line(field.label).fitted(toWidth: labelWidth), x: fieldsArea.x + 1, y: y, style: field.readOnly ? Theme.dim : Theme.label)
                    if field.kind == .multiline, !field.readOnly {
                        let value = Rect(x: valueX, y: y, width: valueWidth, height: min(multilineRows - fieldLine, fieldsArea.maxY - y))
                        drawMultiline(field, focused: fieldIndex == form.focus && form.picker == nil, into: &buffer, area: value)
                    } else {
                        drawValue(field, form: form, focused: fieldIndex == form.focus && form.picker == nil, into: &buffer, x: valueX, y: y, width: valueWidth)
                    }
                }
            }
        }
        if top > 0 { buffer.write(" ↑ more ", x: box.maxX - 10, y: box.y, maxWidth: 8, style: Theme.dim) }
        if top + fieldsArea.height < rows.count {
            buffer.write(" ↓ more ", x: box.maxX - 10, y: box.maxY - 1, maxWidth: 8, style: Theme.dim)
        }
        for (offset, message) in messageLines.enumerated() {
            buffer.write([message], x: inner.x + 1, y: inner.maxY - 1 - messageLines.count + offset, width: inner.width - 2)
        }
        buffer.write(hints(form, state, width: inner.width - 2), x: inner.x + 1, y: inner.maxY - 1, width: inner.width - 2)
    }

    /// The rows of the form: each field (a multi-line one over ``multilineRows``), then its
    /// error wrapped to `errorWidth`.
    static func rowsFor(_ form: FormState, errorWidth: Int) -> [Row] {
        var rows: [Row] = []
        for (i, field) in form.fields.enumerated() {
            let height = field.kind == .multiline && !field.readOnly ? multilineRows : 1
            for line in 0..<height { rows.append(.field(i, line: line)) }
            if let error = field.error {
                for text in Clean.line(error, width: 1000).wrapped(toWidth: errorWidth) { rows.append(.error(i, text)) }
            }
        }
        return rows
    }

    /// The first row shown: the focused field (with its error) in view, the form's start
    /// shown from its first editable field and its end from its last one (so read-only rows
    /// before and after are reachable).
    static func scrollTop(_ form: FormState, rows: [Row], height: Int) -> Int {
        guard rows.count > height, height > 0 else { return 0 }
        let maxTop = rows.count - height
        let first = rows.firstIndex { $0.field == form.focus } ?? 0
        let last = rows.lastIndex { $0.field == form.focus } ?? first
        if form.focus == form.fields.firstIndex(where: { !$0.readOnly }), last < height { return 0 }
        if form.focus == form.lastEditableIndex { return maxTop }
        let span = last - first + 1
        let centred = first - max(0, (height - span) / 2)
        return max(0, min(centred, maxTop))
    }

    /// The form's error (wrapped, up to three lines) or "Saving…".
    static func footerMessage(_ form: FormState, width: Int) -> [Span] {
        if let error = form.error {
            return Array(("Not saved: " + Clean.line(error, width: 1000)).wrapped(toWidth: width).prefix(3)).map { Span($0, Theme.error) }
        }
        return form.savingToken != nil ? [Span("Saving…", Theme.dim)] : []
    }

    static func drawValue(_ field: FormField, form: FormState, focused: Bool, into buffer: inout CellBuffer, x: Int, y: Int, width: Int) {
        var text = Clean.line(field.displayValue, width: 400)
        if field.name == CallProperty.duration, form.timerStartedAt != nil { text += "  ⏱ running" }
        if field.readOnly { text += text.isEmpty ? "(read-only)" : "  (read-only)" }
        if field.isChoice, !field.readOnly { text += " ▾" }
        let style: Style = field.readOnly ? Theme.dim : (focused ? Theme.focusedField : Theme.field)
        buffer.fill(Rect(x: x, y: y, width: width, height: 1), style: field.readOnly ? .plain : style)
        if focused, !field.isChoice {
            drawWithCaret(field, into: &buffer, x: x, y: y, width: width)
        } else {
            buffer.write(text.truncated(toWidth: width), x: x, y: y, maxWidth: width, style: style)
        }
        // What a duration field will store, beside what was typed; when empty, what it takes.
        if let hint = durationHint(field, timerRunning: form.timerStartedAt != nil) {
            let used = Clean.line(field.value, width: 400).displayWidth + (focused ? 1 : 0) + 2
            if used + hint.displayWidth <= width {
                let hintStyle = focused ? Style(attributes: [.reverse, .dim]) : Theme.dim
                buffer.write(hint, x: x + used, y: y, maxWidth: width - used, style: hintStyle)
            }
        }
    }

    /// For an editable duration field: `= 0:01:30` when the text is a duration written in
    /// another form (`90s`, and `0` as `= 0:00:00`), `= 250 ms` for a part of a second (the
    /// clock form would drop it), or the accepted forms when empty.
    static func durationHint(_ field: FormField, timerRunning: Bool) -> String? {
        guard field.kind == .duration, !field.readOnly, !timerRunning else { return nil }
        let typed = field.value.trimmingCharacters(in: .whitespaces)
        if typed.isEmpty { return "e.g. 90s, 5m, 1m30s, 1:30" }
        guard let milliseconds = CallDuration.milliseconds(typed) else { return nil }
        let shown = (1..<1000).contains(milliseconds) ? "\(milliseconds) ms" : CallDuration.format(milliseconds: milliseconds)
        return shown == typed ? nil : "= " + shown
    }

    /// A multi-line field: wrapped at the field's width, scrolled to the caret when focused.
    static func drawMultiline(_ field: FormField, focused: Bool, into buffer: inout CellBuffer, area: Rect) {
        let clean = Clean.sanitizer.lines(field.value).joined(separator: "\n")
        // The caret counts graphemes of the stored value; cleaning may drop some before it.
        let caret = clean == field.value ? field.caret : clean.count
        let editor = FieldEditor(verbatim: clean, cursor: caret, multiline: true)
        let style = focused ? Theme.focusedField : Theme.field
        editor.renderWrapped(in: area, buffer: &buffer, style: style, showsCursor: focused, theme: caretTheme)
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

    /// Instead of a dialog that cannot be drawn: say so, so nobody types blind.
    static func tooSmall(into buffer: inout CellBuffer, area: Rect, what: String) {
        guard !area.isEmpty else { return }
        let text = "Terminal too small for \(what); enlarge it or press Esc"
        for (offset, line) in text.wrapped(toWidth: area.width).prefix(area.height).enumerated() {
            buffer.fill(Rect(x: area.x, y: area.y + offset, width: area.width, height: 1))
            buffer.write(line, x: area.x, y: area.y + offset, maxWidth: area.width, style: Theme.error)
        }
    }

    /// The form's own hints, as many whole ones as fit in `width` (see ``KeyHints``).
    static func hints(_ form: FormState, _ state: AppState, width: Int) -> [Span] {
        var actions: [Action] = [.save, .cancel, .nextField, .choose]
        if form.kind == .quickLog { actions.append(.toggleTimer) }
        let hints = actions.compactMap { action -> (key: String, label: String)? in
            guard let key = state.bindings.firstKey(for: action, from: .form), let row = ActionTable.row(action, in: .form) else { return nil }
            return (key, row.hint ?? "")
        }
        return KeyHints.spans(hints, width: width)
    }
}
