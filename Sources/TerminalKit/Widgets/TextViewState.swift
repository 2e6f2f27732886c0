// MARK: - TextViewState

/// A scrollable, read-only view of untrusted text, wrapped by display width.
///
/// The text is sanitized once when set. Wrapping is computed by ``layout(width:)`` (call it
/// when the width changes; rendering at another width wraps on the fly instead). Text longer
/// than ``maxBytes`` is cut with a note, so a 10 MB body costs no more than 1 MB.
public struct TextViewState: Hashable, Sendable {
    /// Input beyond this many UTF-8 bytes is not shown.
    public static let maxBytes = 1_000_000

    /// The sanitized lines, before wrapping.
    public private(set) var lines: [String]
    /// Whether long lines wrap (otherwise they are truncated with `…`).
    public var wraps: Bool
    /// The first visible row (of the wrapped rows).
    public private(set) var offset: Int = 0
    /// Rows on screen; page moves use it.
    public var viewportHeight: Int

    private var wrapWidth: Int?
    private var wrappedRows: [String] = []

    public init(text: String = "", wraps: Bool = true, viewportHeight: Int = 10, sanitizer: Sanitizer = Sanitizer()) {
        self.wraps = wraps
        self.viewportHeight = max(1, viewportHeight)
        self.lines = TextViewState.lines(of: text, sanitizer: sanitizer)
    }

    /// Replaces the text and scrolls to the top.
    public mutating func setText(_ text: String, sanitizer: Sanitizer = Sanitizer()) {
        lines = TextViewState.lines(of: text, sanitizer: sanitizer)
        offset = 0
        wrapWidth = nil
        wrappedRows = []
    }

    /// Wraps the text for a width (cached until the width or text changes).
    public mutating func layout(width: Int) {
        guard wrapWidth != width else { return }
        wrapWidth = width
        wrappedRows = rows(width: width)
        clampOffset(rowCount: wrappedRows.count)
    }

    /// The rows at a width: wrapped (or one per line when not wrapping).
    public func rows(width: Int) -> [String] {
        if wrapWidth == width, !wrappedRows.isEmpty || lines.isEmpty { return wrappedRows }
        guard wraps else { return lines }
        return lines.flatMap { $0.wrapped(toWidth: width) }
    }

    // MARK: - Scrolling

    public mutating func scrollDown(by rows: Int = 1) { setOffset(offset + rows) }
    public mutating func scrollUp(by rows: Int = 1) { setOffset(offset - rows) }
    public mutating func pageDown() { scrollDown(by: max(1, viewportHeight - 1)) }
    public mutating func pageUp() { scrollUp(by: max(1, viewportHeight - 1)) }
    public mutating func scrollToTop() { offset = 0 }
    public mutating func scrollToBottom() { setOffset(Int.max / 2) }

    /// Handles arrows, `<PgUp>`, `<PgDn>`, `<Home>`, `<End>`; returns whether it did.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        guard key.modifiers.isEmpty else { return false }
        switch key.code {
        case .down: scrollDown()
        case .up: scrollUp()
        case .pageDown: pageDown()
        case .pageUp: pageUp()
        case .home: scrollToTop()
        case .end: scrollToBottom()
        default: return false
        }
        return true
    }

    // MARK: - Rendering

    /// Draws the visible rows into `area`.
    public func render(in area: Rect, buffer: inout CellBuffer, style: Style = .plain) {
        buffer.fill(area, style: style)
        guard !area.isEmpty else { return }
        let rows = rows(width: area.width)
        let start = min(offset, max(0, rows.count - area.height))
        for line in 0..<area.height where start + line < rows.count {
            buffer.write(rows[start + line], in: area.row(line), style: style)
        }
    }

    /// Text such as `12–34/120` describing the visible rows at a height, for a status line.
    public func position(height: Int, width: Int) -> String {
        let total = rows(width: width).count
        guard total > 0 else { return "0/0" }
        let start = min(offset, max(0, total - height))
        return "\(start + 1)–\(min(total, start + height))/\(total)"
    }

    // MARK: - Private

    private mutating func setOffset(_ value: Int) {
        offset = max(0, value)
        clampOffset(rowCount: wrapWidth == nil ? lines.count : wrappedRows.count)
    }

    private mutating func clampOffset(rowCount: Int) {
        offset = min(offset, max(0, rowCount - viewportHeight))
    }

    private static func lines(of text: String, sanitizer: Sanitizer) -> [String] {
        let utf8 = text.utf8
        guard utf8.count > maxBytes else { return sanitizer.lines(text) }
        var end = utf8.index(utf8.startIndex, offsetBy: maxBytes)
        while end > utf8.startIndex, String.Index(end, within: text.unicodeScalars) == nil {
            end = utf8.index(before: end)
        }
        var lines = sanitizer.lines(String(text[..<end]))
        lines.append("… (\(utf8.count - maxBytes) more bytes not shown)")
        return lines
    }
}
