// MARK: - Theme

/// The styles widgets draw with. Every style has an attribute as well as a colour, so the
/// screen stays readable when the backend drops colours (`NO_COLOR`).
public struct Theme: Hashable, Sendable {
    /// The selected row of a list or picker.
    public var selection: Style
    /// Box borders.
    public var border: Style
    /// Box titles and headings.
    public var title: Style
    /// Labels in forms.
    public var label: Style
    /// The focused form field's label.
    public var focusedLabel: Style
    /// Validation and error messages.
    public var error: Style
    /// Secondary text: hints, placeholders, read-only values.
    public var secondary: Style
    /// The text cursor in an editor.
    public var cursor: Style
    /// The status line background.
    public var statusLine: Style

    public init(
        selection: Style = .reverse, border: Style = .plain, title: Style = .bold, label: Style = .plain,
        focusedLabel: Style = Style(attributes: [.bold, .underline]), error: Style = Style(foreground: .red, attributes: .bold),
        secondary: Style = .dim, cursor: Style = .reverse, statusLine: Style = .reverse
    ) {
        self.selection = selection
        self.border = border
        self.title = title
        self.label = label
        self.focusedLabel = focusedLabel
        self.error = error
        self.secondary = secondary
        self.cursor = cursor
        self.statusLine = statusLine
    }

    public static let standard = Theme()
}
