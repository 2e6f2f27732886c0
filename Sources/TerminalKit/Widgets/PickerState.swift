// MARK: - PickerState

/// One choice in a ``PickerState``.
public struct PickerItem: Hashable, Sendable {
    /// What the app gets back.
    public var id: String
    /// What the user sees (sanitized when drawn).
    public var label: String
    /// Optional secondary text, shown dimmed after the label and matched by the filter.
    public var detail: String?

    public init(id: String, label: String, detail: String? = nil) {
        self.id = id
        self.label = label
        self.detail = detail
    }
}

/// A modal list of choices with type-to-filter; the current value is marked.
///
/// Typing edits the filter (all space-separated terms must appear, case-insensitively, in the
/// label or detail); `<Up>`/`<Down>`/`<C-p>`/`<C-n>`/`<PgUp>`/`<PgDn>` move; `<Enter>` chooses;
/// `<Esc>` cancels.
public struct PickerState: Hashable, Sendable {
    /// What a key did to the picker.
    public enum Event: Hashable, Sendable {
        case chose(PickerItem)
        case cancelled
        case filterChanged
        case moved
    }

    public var title: String
    public private(set) var items: [PickerItem]
    /// The id of the current value, marked with `●`.
    public var currentID: String?
    public private(set) var filter = FieldEditor()
    /// Indices into ``items`` that match the filter.
    public private(set) var matches: [Int]
    public private(set) var list: ListState

    public init(title: String, items: [PickerItem], currentID: String? = nil, viewportHeight: Int = 10) {
        self.title = title
        self.items = items
        self.currentID = currentID
        self.matches = Array(items.indices)
        let current = items.firstIndex { $0.id == currentID } ?? 0
        self.list = ListState(count: items.count, selection: current, scrollOff: 1, viewportHeight: viewportHeight)
    }

    /// The highlighted item, if any matches.
    public var highlighted: PickerItem? {
        list.selection.map { items[matches[$0]] }
    }

    /// Handles a key; nil when the picker ignored it.
    public mutating func handle(_ key: Key) -> Event? {
        switch (key.code, key.modifiers) {
        case (.enter, []):
            return highlighted.map { .chose($0) }
        case (.escape, []):
            return .cancelled
        case (.character("n"), .control):
            list.moveDown()
            return .moved
        case (.character("p"), .control):
            list.moveUp()
            return .moved
        default:
            break
        }
        if list.handle(key) { return .moved }
        let before = filter.text
        guard filter.handle(key) else { return nil }
        if filter.text != before { refilter() }
        return .filterChanged
    }

    /// Sets the number of visible rows (from the layout).
    public mutating func setViewportHeight(_ height: Int) {
        list.viewportHeight = max(1, height)
    }

    // MARK: - Rendering

    /// Draws a box in `area` with the title, the filter line and the matching items.
    public func render(in area: Rect, buffer: inout CellBuffer, theme: Theme = .standard) {
        let inside = buffer.drawBox(area, title: title, theme: theme)
        guard inside.height >= 2 else { return }
        let (filterRow, rest) = inside.splitTop(1)
        buffer.write("/", x: filterRow.x, y: filterRow.y, style: theme.secondary)
        filter.render(in: filterRow.inset(left: 2), buffer: &buffer, theme: theme)
        let sanitizer = Sanitizer()
        ListView.render(list, in: rest, buffer: &buffer, theme: theme, emptyText: "  no match") { index, rowArea, _, buffer in
            let item = items[matches[index]]
            let label = (item.id == currentID ? "● " : "  ") + sanitizer.line(item.label, maxWidth: rowArea.width)
            buffer.write(label, in: rowArea)
            let labelWidth = label.displayWidth
            if let detail = item.detail, labelWidth + 2 < rowArea.width {
                let detailArea = rowArea.inset(left: labelWidth + 2)
                buffer.write(sanitizer.line(detail, maxWidth: detailArea.width), in: detailArea, style: theme.secondary)
            }
        }
    }

    // MARK: - Private

    private mutating func refilter() {
        let terms = filter.text.lowercased().split(separator: " ")
        matches = items.indices.filter { index in
            let haystack = (items[index].label + " " + (items[index].detail ?? "")).lowercased()
            return terms.allSatisfy { haystack.contains($0) }
        }
        list.setCount(matches.count)
        list.select(0)
    }
}
