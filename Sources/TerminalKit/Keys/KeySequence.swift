// MARK: - KeySequence

/// One or more keys pressed in a row, such as `gg` or `<C-w>j`.
public struct KeySequence: Hashable, Sendable, CustomStringConvertible {
    public let keys: [Key]

    public init(_ keys: [Key]) {
        self.keys = keys
    }

    public init(_ key: Key) {
        self.keys = [key]
    }

    /// Parses notation such as `gg`, `<C-s>`, `<Esc>q`; `nil` for empty or malformed text
    /// (an unknown `<name>`, whitespace, a control character). A `<` that does not start a
    /// well-formed `<…>` is an error; write `<lt>` for the key itself.
    public init?(notation: String) {
        var keys: [Key] = []
        var rest = Substring(notation)
        while let first = rest.first {
            if first == "<" {
                guard let close = rest.firstIndex(of: ">"), close > rest.index(after: rest.startIndex) else {
                    // `<` alone is the key itself; anything longer is a malformed name.
                    guard rest.count == 1 else { return nil }
                    keys.append(.character("<"))
                    rest = rest.dropFirst()
                    continue
                }
                // `<>>` style edge: the body may itself be ">" as in `<C->>`.
                var end = close
                if rest[rest.index(after: rest.startIndex)..<close].hasSuffix("-"),
                   rest.index(after: close) < rest.endIndex, rest[rest.index(after: close)] == ">" {
                    end = rest.index(after: close)
                }
                let body = rest[rest.index(after: rest.startIndex)..<end]
                guard let key = Key.parseBracketed(body) else { return nil }
                keys.append(key)
                rest = rest[rest.index(after: end)...]
            } else {
                guard !first.isWhitespace, !Sanitizer.isUnsafe(first), first.displayWidth > 0 else { return nil }
                keys.append(.character(first))
                rest = rest.dropFirst()
            }
        }
        guard !keys.isEmpty else { return nil }
        self.keys = keys
    }

    /// The canonical notation: each key's notation, concatenated.
    public var notation: String { keys.map(\.notation).joined() }
    public var description: String { notation }

    public var count: Int { keys.count }

    /// Whether `self` is a proper prefix of `other` (`g` of `gg`, not `gg` of `gg`).
    public func isProperPrefix(of other: KeySequence) -> Bool {
        keys.count < other.keys.count && Array(other.keys.prefix(keys.count)) == keys
    }

    /// This sequence followed by one more key.
    public func appending(_ key: Key) -> KeySequence {
        KeySequence(keys + [key])
    }
}
