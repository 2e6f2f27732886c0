// MARK: - ConfirmDialog

/// A yes/no question whose default answer is No.
///
/// `y` answers yes, `n` and `<Esc>` answer no, `<Left>`/`<Right>`/`<Tab>`/`h`/`l` move the
/// focus between the buttons, and `<Enter>` answers with the focused one: No unless the user
/// moved to Yes.
public struct ConfirmDialog: Hashable, Sendable {
    /// The user's answer.
    public enum Answer: Hashable, Sendable {
        case yes, no
    }

    public var title: String
    public var message: String
    public var yesLabel: String
    public var noLabel: String
    /// The focused button; starts on No.
    public private(set) var focus: Answer = .no

    public init(title: String, message: String, yesLabel: String = "Yes", noLabel: String = "No") {
        self.title = title
        self.message = message
        self.yesLabel = yesLabel
        self.noLabel = noLabel
    }

    /// Handles a key; returns the answer once given, nil otherwise.
    public mutating func handle(_ key: Key) -> Answer? {
        switch (key.code, key.modifiers) {
        case (.character("y"), []), (.character("Y"), []): return .yes
        case (.character("n"), []), (.character("N"), []), (.escape, []): return .no
        case (.enter, []): return focus
        case (.left, []), (.right, []), (.tab, []), (.tab, .shift), (.character("h"), []), (.character("l"), []):
            focus = focus == .yes ? .no : .yes
            return nil
        default: return nil
        }
    }

    /// The size the dialog wants inside an area (message wrapped to at most 50 columns).
    public func preferredSize(in area: Rect) -> (width: Int, height: Int) {
        let width = min(area.width, max(30, min(54, Sanitizer().line(message).displayWidth + 4)))
        let rows = messageRows(width: width - 4).count
        return (width, min(area.height, rows + 4))
    }

    /// Draws the dialog centred in `area`.
    public func render(in area: Rect, buffer: inout CellBuffer, theme: Theme = .standard) {
        let size = preferredSize(in: area)
        let box = area.centered(width: size.width, height: size.height)
        let inside = buffer.drawBox(box, title: title, theme: theme)
        guard inside.height >= 1, inside.width >= 1 else { return }
        let textArea = inside.inset(left: 1, right: 1)
        for (row, text) in messageRows(width: textArea.width).prefix(max(0, inside.height - 2)).enumerated() {
            buffer.write(text, in: textArea.row(row))
        }
        let yes = "[ \(yesLabel) ]"
        let no = "[ \(noLabel) ]"
        let buttons = yes + "  " + no
        let buttonRow = inside.row(inside.height - 1)
        let start = buttonRow.x + max(0, (buttonRow.width - buttons.displayWidth) / 2)
        let yesWidth = buffer.write(yes, x: start, y: buttonRow.y, maxWidth: buttonRow.maxX - start, style: focus == .yes ? theme.selection : .plain)
        let noX = start + yesWidth + 2
        if noX < buttonRow.maxX {
            buffer.write(no, x: noX, y: buttonRow.y, maxWidth: buttonRow.maxX - noX, style: focus == .no ? theme.selection : .plain)
        }
    }

    private func messageRows(width: Int) -> [String] {
        Sanitizer().lines(message).flatMap { $0.wrapped(toWidth: max(1, width)) }
    }
}
