// MARK: - Color

/// A terminal colour: the terminal's default, one of the eight ANSI colours, or an index
/// into the 256-colour palette.
///
/// `default` keeps the user's own background and foreground (the backend calls
/// `use_default_colors`), which is what a terminal tool should use for most text.
public enum Color: Hashable, Sendable {
    /// The terminal's own foreground or background colour.
    case `default`
    case black, red, green, yellow, blue, magenta, cyan, white
    /// A 256-colour palette index (0–255). Backends with fewer colours fall back to `default`.
    case indexed(UInt8)

    /// The palette index this colour maps to, or `nil` for ``default``.
    public var paletteIndex: Int? {
        switch self {
        case .default: nil
        case .black: 0
        case .red: 1
        case .green: 2
        case .yellow: 3
        case .blue: 4
        case .magenta: 5
        case .cyan: 6
        case .white: 7
        case .indexed(let index): Int(index)
        }
    }
}
