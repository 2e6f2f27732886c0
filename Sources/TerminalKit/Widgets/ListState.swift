// MARK: - ListState

/// Selection and scrolling of a list with `count` rows, as a value the app's state embeds.
///
/// The app keeps ``viewportHeight`` up to date (it knows the layout); moves keep the
/// selection at least ``scrollOff`` rows away from the viewport's edges when they can. Only
/// indices and counts are stored, so a list of a million rows costs the same as ten.
public struct ListState: Hashable, Sendable {
    /// Number of rows.
    public private(set) var count: Int
    /// The selected row, nil when the list is empty.
    public private(set) var selection: Int?
    /// The first visible row.
    public private(set) var offset: Int
    /// Rows kept visible above and below the selection while scrolling.
    public var scrollOff: Int
    /// Rows the list shows on screen; page moves use it.
    public var viewportHeight: Int {
        didSet { scrollToSelection() }
    }

    public init(count: Int = 0, selection: Int? = nil, scrollOff: Int = 2, viewportHeight: Int = 10) {
        self.count = max(0, count)
        self.scrollOff = max(0, scrollOff)
        self.viewportHeight = max(1, viewportHeight)
        self.offset = 0
        self.selection = nil
        select(selection ?? 0)
    }

    // MARK: - Updates

    /// Changes the number of rows (after loading a page or filtering), keeping the selection
    /// in range.
    public mutating func setCount(_ newCount: Int) {
        count = max(0, newCount)
        select(selection ?? 0)
    }

    /// Selects a row (clamped to the list).
    public mutating func select(_ index: Int) {
        selection = count == 0 ? nil : min(max(0, index), count - 1)
        scrollToSelection()
    }

    public mutating func moveDown(by rows: Int = 1) { select((selection ?? -1) + rows) }
    public mutating func moveUp(by rows: Int = 1) { select((selection ?? 0) - rows) }
    /// Moves a page down: the viewport height minus one row of context.
    public mutating func pageDown() { moveDown(by: max(1, viewportHeight - 1)) }
    public mutating func pageUp() { moveUp(by: max(1, viewportHeight - 1)) }
    public mutating func moveToTop() { select(0) }
    public mutating func moveToBottom() { select(count - 1) }

    /// Handles the standard movement keys (arrows, `<PgUp>`, `<PgDn>`, `<Home>`, `<End>`);
    /// returns whether the key was one of them. Letter keys (`j`, `k`, `gg`) come through the
    /// app's keymap and call the methods above.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        guard key.modifiers.isEmpty else { return false }
        switch key.code {
        case .down: moveDown()
        case .up: moveUp()
        case .pageDown: pageDown()
        case .pageUp: pageUp()
        case .home: moveToTop()
        case .end: moveToBottom()
        default: return false
        }
        return true
    }

    // MARK: - Viewport

    /// The rows visible in a viewport of `height` rows (normally ``viewportHeight``).
    public func visibleRange(height: Int) -> Range<Int> {
        guard height > 0, count > 0 else { return 0..<0 }
        let start = ListState.offset(current: offset, selection: selection, count: count, height: height, scrollOff: scrollOff)
        return start..<min(count, start + height)
    }

    /// Keeps `offset` so that the selection is visible with `scrollOff` rows of context.
    private mutating func scrollToSelection() {
        offset = ListState.offset(current: offset, selection: selection, count: count, height: viewportHeight, scrollOff: scrollOff)
    }

    private static func offset(current: Int, selection: Int?, count: Int, height: Int, scrollOff: Int) -> Int {
        guard count > 0, height > 0 else { return 0 }
        var offset = min(current, max(0, count - height))
        if let selection {
            // Context rows cannot exceed half the viewport, or the selection could not move.
            let margin = min(scrollOff, (height - 1) / 2)
            if selection - margin < offset { offset = selection - margin }
            if selection + margin >= offset + height { offset = selection + margin - height + 1 }
        }
        return min(max(0, offset), max(0, count - height))
    }
}
