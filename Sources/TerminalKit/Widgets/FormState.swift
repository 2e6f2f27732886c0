// MARK: - FormState

/// An edit form: fields with labels, focus moving with `<Tab>`/`<S-Tab>`, inline validation
/// messages and an embedded picker for choice fields.
///
/// Keys go to the focused field's ``FieldEditor``; `<Enter>` or `<Space>` on a choice field
/// opens a ``PickerState`` that takes the keys until it closes. Saving and cancelling are the
/// app's actions (`<C-s>`, `<Esc>` in its keymap): it calls ``validate()`` and reads
/// ``values``, or checks ``isDirty`` before discarding.
public struct FormState: Hashable, Sendable {
    /// What a key did to the form.
    public enum Event: Hashable, Sendable {
        /// A field's value changed (by typing or by a choice).
        case changed(fieldID: String)
        case focusChanged(fieldID: String)
        case pickerOpened(fieldID: String)
        case pickerClosed(fieldID: String)
    }

    public var title: String
    /// The fields. An app that drives the form with its own keymap changes them directly
    /// (a value chosen elsewhere, choices that arrived late); the focus stays in range.
    public var fields: [FormField] {
        didSet { focus = min(focus, max(0, fields.count - 1)) }
    }
    /// Index of the focused field (an app may set it: the field named by an error).
    public var focus: Int {
        didSet { focus = max(0, min(focus, fields.count - 1)) }
    }
    /// The open picker of a choice field, if any.
    public private(set) var picker: PickerState?
    /// Whether any value differs from the one its field started with
    /// (``FormField/initialValue``).
    public var isDirty: Bool { fields.contains { $0.value != $0.initialValue } }

    public init(title: String, fields: [FormField]) {
        self.title = title
        self.fields = fields
        self.focus = fields.firstIndex(where: \.isEditable) ?? 0
    }

    /// The focused field.
    public var focusedField: FormField? { fields.indices.contains(focus) ? fields[focus] : nil }

    /// Values by field id.
    public var values: [String: String] {
        Dictionary(fields.map { ($0.id, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    /// The value of one field.
    public func value(for id: String) -> String? { fields.first { $0.id == id }?.value }

    // MARK: - Updates

    /// Handles a key; nil when the form ignored it (the app may treat it as an action).
    public mutating func handle(_ key: Key) -> Event? {
        if picker != nil { return handlePickerKey(key) }
        guard let field = focusedField else { return nil }
        switch (key.code, key.modifiers) {
        case (.tab, []):
            return focusNext()
        case (.tab, .shift):
            return focusPrevious()
        case (.enter, []) where field.kind != .multiline:
            if case .choice = field.kind { return openPicker() }
            return focusNext()
        case (.character(" "), []):
            if case .choice = field.kind { return openPicker() }
        default:
            break
        }
        guard field.isEditable else { return nil }
        if case .choice = field.kind { return nil }
        let before = field.value
        guard fields[focus].editor.handle(key) else { return nil }
        guard fields[focus].value != before else { return nil }
        fields[focus].error = fields[focus].validationMessage()
        return .changed(fieldID: field.id)
    }

    /// Moves focus to the next editable field (wrapping around).
    @discardableResult
    public mutating func focusNext() -> Event? { moveFocus(by: 1) }

    /// Moves focus to the previous editable field (wrapping around).
    @discardableResult
    public mutating func focusPrevious() -> Event? { moveFocus(by: -1) }

    /// Sets a field's value (e.g. from a timer) and re-validates it.
    public mutating func setValue(_ value: String, for id: String) {
        guard let index = fields.firstIndex(where: { $0.id == id }) else { return }
        fields[index].editor.setText(value)
        fields[index].error = fields[index].validationMessage()
    }

    /// Shows (or clears) an app-level validation message under a field.
    public mutating func setError(_ message: String?, for id: String) {
        guard let index = fields.firstIndex(where: { $0.id == id }) else { return }
        fields[index].error = message
    }

    /// Validates every field with the built-in rules, keeping app-level messages set by
    /// ``setError(_:for:)`` where the built-in rules find nothing; focuses the first invalid
    /// field. Returns whether the form is valid.
    @discardableResult
    public mutating func validate() -> Bool {
        for index in fields.indices {
            if let message = fields[index].validationMessage() { fields[index].error = message }
        }
        if let first = fields.firstIndex(where: { $0.error != nil }) {
            if fields[first].isEditable { focus = first }
            return false
        }
        return true
    }

    // MARK: - Private

    private mutating func moveFocus(by step: Int) -> Event? {
        guard fields.contains(where: \.isEditable) else { return nil }
        var index = focus
        repeat {
            index = (index + step + fields.count) % fields.count
        } while !fields[index].isEditable
        focus = index
        return .focusChanged(fieldID: fields[index].id)
    }

    private mutating func openPicker() -> Event? {
        guard let field = focusedField, case .choice(let items) = field.kind else { return nil }
        picker = PickerState(title: field.label, items: items, currentID: field.value)
        return .pickerOpened(fieldID: field.id)
    }

    private mutating func handlePickerKey(_ key: Key) -> Event? {
        guard var open = picker, let field = focusedField else { return nil }
        let event = open.handle(key)
        picker = open
        switch event {
        case .chose(let item):
            picker = nil
            let changed = field.value != item.id
            fields[focus].editor.setText(item.id)
            fields[focus].error = fields[focus].validationMessage()
            return changed ? .changed(fieldID: field.id) : .pickerClosed(fieldID: field.id)
        case .cancelled:
            picker = nil
            return .pickerClosed(fieldID: field.id)
        case .filterChanged, .moved, nil:
            return nil
        }
    }
}

// MARK: - Rendering

extension FormState {
    /// Draws the form in a box filling `area`, scrolled so the focused field is visible, with
    /// the picker on top when one is open.
    public func render(in area: Rect, buffer: inout CellBuffer, theme: Theme = .standard) {
        let inside = buffer.drawBox(area, title: title, theme: theme).inset(left: 1, right: 1)
        guard !inside.isEmpty else { return }
        let labelWidth = min(max(8, inside.width / 3), (fields.map { $0.label.displayWidth }.max() ?? 0) + 1)
        let valueX = inside.x + labelWidth + 1
        let valueWidth = max(0, inside.maxX - valueX)
        let heights = fields.map { $0.valueHeight + ($0.error == nil ? 0 : 1) }
        // Scroll so that the focused field's block is fully visible.
        var top = 0
        let focusTop = heights.prefix(focus).reduce(0, +)
        let focusBottom = focusTop + (heights.indices.contains(focus) ? heights[focus] : 0)
        if focusBottom > inside.height { top = focusBottom - inside.height }
        var row = inside.y - top
        let sanitizer = Sanitizer()
        for (index, field) in fields.enumerated() {
            defer { row += heights[index] }
            guard row + heights[index] > inside.y, row < inside.maxY else { continue }
            let isFocused = index == focus
            if row >= inside.y {
                let labelStyle = isFocused ? theme.focusedLabel : theme.label
                buffer.write(sanitizer.line(field.label), in: Rect(x: inside.x, y: row, width: labelWidth, height: 1), style: labelStyle)
            }
            let valueTop = max(row, inside.y)
            let valueHeight = min(row + field.valueHeight, inside.maxY) - valueTop
            let valueArea = Rect(x: valueX, y: valueTop, width: valueWidth, height: max(0, valueHeight))
            switch field.kind {
            case .choice:
                buffer.write(sanitizer.line(field.displayValue) + " ▾", in: valueArea.row(0), style: isFocused ? theme.focusedLabel : .plain)
            case .readOnly:
                buffer.write(sanitizer.line(field.displayValue), in: valueArea.row(0), style: theme.secondary)
            default:
                field.editor.render(in: valueArea, buffer: &buffer, showsCursor: isFocused && picker == nil, theme: theme)
            }
            if let error = field.error {
                let errorRow = row + field.valueHeight
                if errorRow >= inside.y, errorRow < inside.maxY {
                    buffer.write("! " + sanitizer.line(error), in: Rect(x: valueX, y: errorRow, width: valueWidth, height: 1), style: theme.error)
                }
            }
        }
        if let picker {
            let height = min(area.height, max(5, min(picker.items.count + 3, 12)))
            let width = min(area.width, max(24, (picker.items.map { $0.label.displayWidth }.max() ?? 0) + 6))
            picker.render(in: area.centered(width: width, height: height), buffer: &buffer, theme: theme)
        }
    }
}
