// MARK: - MatchFolding

/// How a ``PickerState``'s filter compares text: the typed query and every item's label and
/// detail are folded, then each query term must be a substring of the item's folded text.
///
/// TerminalKit only lowercases (it has no Unicode normalization without Foundation); an app
/// passes its own folding, e.g. one that ignores accents so `zoe` finds "Zoë". Two foldings
/// are equal when their names are, so pickers stay `Hashable`.
public struct MatchFolding: Sendable, Hashable {
    /// Identifies the folding (equality and hashing).
    public let name: String
    private let transform: @Sendable (String) -> String

    public init(name: String, _ transform: @escaping @Sendable (String) -> String) {
        self.name = name
        self.transform = transform
    }

    /// Unicode lowercasing: case-insensitive, accent-sensitive.
    public static let lowercase = MatchFolding(name: "lowercase") { $0.lowercased() }

    /// `text` folded.
    public func callAsFunction(_ text: String) -> String { transform(text) }

    public static func == (lhs: MatchFolding, rhs: MatchFolding) -> Bool { lhs.name == rhs.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}
