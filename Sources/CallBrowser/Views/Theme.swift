import CallsCore
import TerminalKit

/// Styles and glyphs. Badges differ in glyph as well as colour, so they stay distinct when
/// colours are off (`NO_COLOR`).
public enum Theme {
    public static let title = Style(foreground: .black, background: .cyan, attributes: .bold)
    public static let header = Style(attributes: [.bold, .underline])
    public static let selected = Style(attributes: .reverse)
    public static let selectedUnfocused = Style(attributes: [.bold, .underline])
    /// The list's `>` when `cursor = "arrow"`: the only mark of the selected row.
    public static let arrowCursor = Style(attributes: [.bold, .reverse])
    public static let marked = Style(foreground: .yellow, attributes: .bold)
    public static let label = Style(foreground: .cyan)
    public static let dim = Style(attributes: .dim)
    public static let border = Style(foreground: .blue)
    public static let modalTitle = Style(attributes: .bold)
    public static let field = Style(attributes: .underline)
    public static let focusedField = Style(attributes: .reverse)
    public static let error = Style(foreground: .red, attributes: .bold)
    public static let warning = Style(foreground: .yellow)
    public static let success = Style(foreground: .green)
    public static let pinned = Style(foreground: .magenta, attributes: .bold)
    public static let key = Style(foreground: .cyan, attributes: .bold)

    /// The badge column's glyph.
    public static func glyph(_ badge: VoicemailBadge) -> String {
        switch badge {
        case .voicemail: "✉"
        case .missed: "✗"
        case .recorded: "●"
        }
    }

    public static func style(_ badge: VoicemailBadge) -> Style {
        switch badge {
        case .voicemail: Style(foreground: .yellow, attributes: .bold)
        case .missed: Style(foreground: .red, attributes: .bold)
        case .recorded: Style(foreground: .green)
        }
    }

    /// A short name for the legend (`voicemail`).
    public static func name(_ badge: VoicemailBadge) -> String {
        switch badge {
        case .voicemail: "voicemail"
        case .missed: "missed"
        case .recorded: "recorded"
        }
    }

    /// → outbound, ← inbound.
    public static func arrow(_ direction: CallDirection?) -> String {
        switch direction {
        case .outbound: "→"
        case .inbound: "←"
        default: " "
        }
    }

    static let spinner = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]
}

/// A run of text in one style; a line of the detail pane or help is a list of spans.
public struct Span: Sendable, Equatable {
    public var text: String
    public var style: Style
    public init(_ text: String, _ style: Style = .plain) {
        self.text = text
        self.style = style
    }
}

extension CellBuffer {
    /// Writes spans left to right, clipped to `width` columns; returns the columns used.
    @discardableResult
    mutating func write(_ spans: [Span], x: Int, y: Int, width: Int) -> Int {
        var used = 0
        for span in spans where used < width {
            used += write(span.text, x: x + used, y: y, maxWidth: width - used, style: span.style)
        }
        return used
    }

    /// A box border with a title.
    mutating func box(_ rect: Rect, title: String) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        fill(rect)
        let horizontal = String(repeating: "─", count: rect.width - 2)
        write("┌" + horizontal + "┐", x: rect.x, y: rect.y, style: Theme.border)
        for row in (rect.y + 1)..<(rect.maxY - 1) {
            write("│", x: rect.x, y: row, style: Theme.border)
            write("│", x: rect.maxX - 1, y: row, style: Theme.border)
        }
        write("└" + horizontal + "┘", x: rect.x, y: rect.maxY - 1, style: Theme.border)
        if rect.width > 6 {
            write(" " + title.truncated(toWidth: rect.width - 6) + " ", x: rect.x + 2, y: rect.y, style: Theme.modalTitle)
        }
    }
}

/// Untrusted text made safe for one line of the screen.
enum Clean {
    static let sanitizer = Sanitizer()

    /// One line, at most `width` columns wide (long input costs only what is shown).
    static func line(_ text: String?, width: Int = 400) -> String {
        guard let text, !text.isEmpty else { return "" }
        return sanitizer.line(text, maxWidth: width)
    }

    /// A call body (HTML in HubSpot) as plain text lines: tags dropped, breaks kept. The
    /// last body is kept: opening the detail lays out the same notes as the side pane had.
    static func body(_ html: String) -> [String] {
        if let last = lastBody.withLock({ $0 }), last.html == html { return last.lines }
        let lines = cleanBody(html)
        lastBody.withLock { $0 = (html, lines) }
        return lines
    }

    private static let lastBody = Locked<(html: String, lines: [String])?>(nil)

    private static func cleanBody(_ html: String) -> [String] {
        // A 10 MB body must not cost 10 MB of work per frame: show its first part.
        let limit = 64_000
        let text = html.count > limit ? String(html.prefix(limit)) + "\n… (notes truncated)" : html
        let plain = CallNotes.plainText(text)
        return sanitizer.lines(plain)
    }
}
