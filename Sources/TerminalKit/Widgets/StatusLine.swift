// MARK: - StatusLine

/// The one-line status bar: a spinner while work is in flight, a transient message that
/// expires, hints on the left and position text on the right.
///
/// Time is passed in (``post(_:kind:now:duration:)``, ``render(in:buffer:now:left:right:theme:)``)
/// so the state stays a pure value and tests need no clock.
public struct StatusLine: Hashable, Sendable {
    /// Frames of the busy spinner, one per ``spinnerInterval``.
    public static let spinnerFrames: [String] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]
    public static let spinnerInterval: Duration = .milliseconds(100)

    /// How a message is shown.
    public enum MessageKind: Hashable, Sendable {
        case info, error
    }

    /// A transient message.
    public struct Message: Hashable, Sendable {
        public var text: String
        public var kind: MessageKind
        public var expiresAt: ContinuousClock.Instant
    }

    /// The current message (possibly expired; see ``visibleMessage(at:)``).
    public private(set) var message: Message?
    /// When the current busy period started, nil when idle.
    public private(set) var busySince: ContinuousClock.Instant?

    public init() {}

    /// Shows a message until `now + duration`, replacing the previous one.
    public mutating func post(_ text: String, kind: MessageKind = .info, now: ContinuousClock.Instant, duration: Duration = .seconds(4)) {
        message = Message(text: text, kind: kind, expiresAt: now + duration)
    }

    /// Removes the message.
    public mutating func clearMessage() { message = nil }

    /// Starts or stops the spinner.
    public mutating func setBusy(_ busy: Bool, now: ContinuousClock.Instant) {
        if busy {
            if busySince == nil { busySince = now }
        } else {
            busySince = nil
        }
    }

    /// Drops an expired message; returns whether anything changed (so the app can skip a frame).
    @discardableResult
    public mutating func expire(now: ContinuousClock.Instant) -> Bool {
        guard let message, now >= message.expiresAt else { return false }
        self.message = nil
        return true
    }

    /// The message if it has not expired at `now`.
    public func visibleMessage(at now: ContinuousClock.Instant) -> Message? {
        guard let message, now < message.expiresAt else { return nil }
        return message
    }

    /// The spinner frame at `now`, or nil when idle.
    public func spinnerFrame(at now: ContinuousClock.Instant) -> String? {
        guard let busySince else { return nil }
        let elapsed = max(Duration.zero, now - busySince)
        let frame = Int(elapsed / StatusLine.spinnerInterval) % StatusLine.spinnerFrames.count
        return StatusLine.spinnerFrames[frame]
    }

    /// Draws the line: `[spinner] message-or-left … right`. The right text (e.g. `12/3400`)
    /// always wins space; the message or the left text is truncated with `…`.
    public func render(in area: Rect, buffer: inout CellBuffer, now: ContinuousClock.Instant, left: String = "", right: String = "", theme: Theme = .standard) {
        guard !area.isEmpty else { return }
        let row = area.row(0)
        buffer.fill(row, style: theme.statusLine)
        let sanitizer = Sanitizer()
        let rightText = sanitizer.line(right, maxWidth: row.width).truncated(toWidth: max(0, row.width - 1))
        let rightWidth = rightText.displayWidth
        var x = row.x
        if let frame = spinnerFrame(at: now), row.width >= 2 {
            buffer.write(frame + " ", x: x, y: row.y, maxWidth: 2, style: theme.statusLine)
            x += 2
        }
        let leftWidth = max(0, row.maxX - x - (rightWidth > 0 ? rightWidth + 1 : 0))
        if leftWidth > 0 {
            let leftArea = Rect(x: x, y: row.y, width: leftWidth, height: 1)
            if let message = visibleMessage(at: now) {
                let style = message.kind == .error ? theme.statusLine.patched(with: theme.error) : theme.statusLine
                buffer.write(sanitizer.line(message.text, maxWidth: leftWidth), in: leftArea, style: style)
            } else {
                buffer.write(sanitizer.line(left, maxWidth: leftWidth), in: leftArea, style: theme.statusLine)
            }
        }
        if rightWidth > 0 {
            buffer.write(rightText, x: row.maxX - rightWidth, y: row.y, maxWidth: rightWidth, style: theme.statusLine)
        }
    }
}
