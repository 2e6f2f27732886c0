import TerminalKit

/// A row of key hints (`e edit  o outcome`) that fits its width: a hint is shown whole or
/// not at all, and the ones that do not fit go from the end, where the callers put the
/// least useful (the context's own actions come first, then the global ones, in table
/// order). Cutting the row at the width left "a ass" at 100 columns.
enum KeyHints {
    /// Two spaces between hints, none after the last.
    static let gap = "  "

    /// The spans of as many leading hints as fit in `width` columns.
    static func spans(_ hints: [(key: String, label: String)], width: Int) -> [Span] {
        var spans: [Span] = []
        var used = 0
        for (key, label) in hints {
            let lead = spans.isEmpty ? 0 : gap.displayWidth
            let needed = lead + key.displayWidth + 1 + label.displayWidth
            guard used + needed <= width else { break }
            if lead > 0 { spans.append(Span(gap)) }
            spans.append(Span(key, Theme.key))
            spans.append(Span(" " + label))
            used += needed
        }
        return spans
    }
}
