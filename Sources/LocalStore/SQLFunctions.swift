import GRDB

/// SQL functions the search needs that SQLite lacks: Unicode case folding (SQLite's `lower`
/// folds ASCII only) and HubSpot's `CONTAINS_TOKEN` word matching with `*` wildcards.
enum SQLFunctions {
    static func install(in db: Database) {
        db.add(function: fold)
        db.add(function: containsToken)
    }

    /// `hc_fold(text)`: the text lowercased with Unicode rules.
    static let fold = DatabaseFunction("hc_fold", argumentCount: 1, pure: true) { values in
        guard let text = String.fromDatabaseValue(values[0]) else { return nil }
        return text.lowercased()
    }

    /// `hc_contains_token(text, pattern)`: 1 when every word of `pattern` matches a word of
    /// `text` (case-insensitive; `*` matches any run of characters inside a word).
    static let containsToken = DatabaseFunction("hc_contains_token", argumentCount: 2, pure: true) { values in
        guard let text = String.fromDatabaseValue(values[0]), let pattern = String.fromDatabaseValue(values[1]) else { return false }
        return TokenMatcher.contains(text: text, pattern: pattern)
    }
}

/// Word tokens and wildcard matching for `CONTAINS_TOKEN`.
enum TokenMatcher {
    static func tokens(_ text: String) -> [Substring] {
        text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "*") }
    }

    static func contains(text: String, pattern: String) -> Bool {
        let wanted = tokens(pattern)
        guard !wanted.isEmpty else { return false }
        let words = tokens(text.replacingOccurrences(of: "*", with: " "))
        return wanted.allSatisfy { want in words.contains { matches(Array($0), Array(want)) } }
    }

    /// Glob match where `*` is the only wildcard.
    static func matches(_ word: [Character], _ pattern: [Character]) -> Bool {
        var w = 0, p = 0, star = -1, mark = 0
        while w < word.count {
            if p < pattern.count, pattern[p] != "*", pattern[p] == word[w] {
                w += 1; p += 1
            } else if p < pattern.count, pattern[p] == "*" {
                star = p; mark = w; p += 1
            } else if star >= 0 {
                p = star + 1; mark += 1; w = mark
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}
