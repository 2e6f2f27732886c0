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
/// Typing edits the filter (all space-separated terms must appear in the label or detail,
/// compared after ``MatchFolding``: case-insensitively by default); `<Up>`/`<Down>`/`<C-p>`/`<C-n>`/`<PgUp>`/`<PgDn>` move; `<Enter>` chooses;
/// `<Esc>` cancels.
///
/// An app that routes keys through its own keymap drives the parts instead: ``editQuery(_:)``
/// (the filter is a ``FieldEditor``: readline keys, a cursor), ``move(by:)``, ``highlight(_:)``
/// and ``highlighted``. A picker whose choices come from a search elsewhere (a server) sets
/// ``filtersItems`` to `false`, so typing only edits the query, and hands the answers to
/// ``setItems(_:)``.
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
    /// Whether typing filters ``items`` (`false`: the owner searches and calls
    /// ``setItems(_:)``; every item stays visible).
    public let filtersItems: Bool
    /// How the filter compares the query with the items.
    public let folding: MatchFolding
    /// Each item's label and detail, folded once (not on every key).
    private var foldedItems: [String]

    public init(
        title: String, items: [PickerItem], currentID: String? = nil, viewportHeight: Int = 10, filtersItems: Bool = true,
        folding: MatchFolding = .lowercase
    ) {
        self.filtersItems = filtersItems
        self.folding = folding
        self.title = title
        self.items = items
        self.foldedItems = filtersItems ? items.map { Self.matchText($0, folding) } : []
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

    // MARK: - Driven by an app's keymap

    /// The typed filter text.
    public var query: String { filter.text }

    /// Applies a text-editing key to the query (``FieldEditor``'s readline keys, without the
    /// picker's own movement and choice keys); returns whether the key was one.
    @discardableResult
    public mutating func editQuery(_ key: Key) -> Bool {
        let before = filter.text
        guard filter.handle(key) else { return false }
        if filter.text != before { refilter() }
        return true
    }

    /// Inserts text (typed or pasted) at the query's cursor, on one line.
    public mutating func insertQuery(_ text: String) {
        let before = filter.text
        for character in text { filter.insert(character == "\n" || character == "\r\n" ? " " : character) }
        if filter.text != before { refilter() }
    }

    /// Replaces the choices (a search answered), keeping the highlight in range.
    public mutating func setItems(_ newItems: [PickerItem]) {
        items = newItems
        foldedItems = filtersItems ? newItems.map { Self.matchText($0, folding) } : []
        matches = matching()
        list.setCount(matches.count)
    }

    /// Moves the highlight by `rows` (negative: up), clamped to the matches.
    public mutating func move(by rows: Int) {
        if rows >= 0 { list.moveDown(by: rows) } else { list.moveUp(by: -rows) }
    }

    /// Highlights the match at `index` (clamped).
    public mutating func highlight(_ index: Int) {
        list.select(index)
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
        matches = matching()
        list.setCount(matches.count)
        list.select(0)
    }

    private func matching() -> [Int] {
        guard filtersItems else { return Array(items.indices) }
        let terms = folding(filter.text).split(separator: " ")
        return items.indices.filter { index in terms.allSatisfy { foldedItems[index].contains($0) } }
    }

    private static func matchText(_ item: PickerItem, _ folding: MatchFolding) -> String {
        folding(item.label + " " + (item.detail ?? ""))
    }
}
