// MARK: - Style

/// How a cell looks: foreground and background colour plus text attributes.
///
/// Styles are plain values; combine them with ``patched(with:)`` or the attribute helpers:
///
/// ```swift
/// let selected = Style.plain.adding(.reverse)
/// let warning = Style(foreground: .yellow, attributes: .bold)
/// ```
public struct Style: Hashable, Sendable {
    /// Text attributes. Backends without colour (`NO_COLOR`) still show these.
    public struct Attributes: OptionSet, Hashable, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        public static let bold = Attributes(rawValue: 1 << 0)
        public static let underline = Attributes(rawValue: 1 << 1)
        public static let reverse = Attributes(rawValue: 1 << 2)
        public static let dim = Attributes(rawValue: 1 << 3)
    }

    public var foreground: Color
    public var background: Color
    public var attributes: Attributes

    public init(foreground: Color = .default, background: Color = .default, attributes: Attributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// Default colours, no attributes.
    public static let plain = Style()
    public static let bold = Style(attributes: .bold)
    public static let underline = Style(attributes: .underline)
    public static let reverse = Style(attributes: .reverse)
    public static let dim = Style(attributes: .dim)

    /// This style with `attributes` added.
    public func adding(_ attributes: Attributes) -> Style {
        var copy = self
        copy.attributes.formUnion(attributes)
        return copy
    }

    /// This style with the non-default colours of `other` and the union of both attributes.
    public func patched(with other: Style) -> Style {
        Style(
            foreground: other.foreground == .default ? foreground : other.foreground,
            background: other.background == .default ? background : other.background,
            attributes: attributes.union(other.attributes)
        )
    }
}
