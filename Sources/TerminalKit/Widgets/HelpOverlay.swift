// MARK: - HelpOverlay

/// A scrollable help screen generated from a keymap's ``HelpSection``s: one heading per
/// group, then `keys  description` per action; dangerous actions are marked `(!)`, actions
/// with no keys left show `(unbound)`.
public struct HelpOverlay: Hashable, Sendable {
    public var title: String
    public private(set) var text: TextViewState
    /// Rows that are group headings (drawn in the title style).
    private var headingRows: Set<Int>

    public init(title: String = "Help", sections: [HelpSection], viewportHeight: Int = 10) {
        self.title = title
        func keyText(_ entry: HelpEntry) -> String {
            entry.keys.isEmpty ? "(unbound)" : entry.keys.joined(separator: " ")
        }
        let keyWidth = min(24, sections.flatMap(\.entries).map { keyText($0).displayWidth }.max() ?? 0)
        var lines: [String] = []
        var headings: Set<Int> = []
        for section in sections {
            if !lines.isEmpty { lines.append("") }
            headings.insert(lines.count)
            lines.append(section.group)
            for entry in section.entries {
                lines.append("  " + keyText(entry).fitted(toWidth: keyWidth) + "  " + entry.help + (entry.dangerous ? " (!)" : ""))
            }
        }
        self.headingRows = headings
        self.text = TextViewState(text: lines.joined(separator: "\n"), wraps: false, viewportHeight: viewportHeight)
    }

    /// Scrolls with the standard keys; returns whether it did.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool { text.handle(key) }

    public mutating func scrollDown(by rows: Int = 1) { text.scrollDown(by: rows) }
    public mutating func scrollUp(by rows: Int = 1) { text.scrollUp(by: rows) }

    /// Sets the number of visible rows (from the layout).
    public mutating func setViewportHeight(_ height: Int) { text.viewportHeight = max(1, height) }

    /// Draws a box filling `area` with the help text.
    public func render(in area: Rect, buffer: inout CellBuffer, theme: Theme = .standard) {
        let inside = buffer.drawBox(area, title: title, theme: theme)
        guard !inside.isEmpty else { return }
        let content = inside.inset(left: 1, right: 1)
        text.render(in: content, buffer: &buffer)
        let rows = text.rows(width: content.width)
        let start = min(text.offset, max(0, rows.count - content.height))
        for line in 0..<content.height where headingRows.contains(start + line) {
            buffer.setStyle(theme.title, in: content.row(line))
        }
    }
}
