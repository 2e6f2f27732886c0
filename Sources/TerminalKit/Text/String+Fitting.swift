// MARK: - Truncation and padding by display width

extension String {
    /// This text cut to at most `width` columns, ending in `ellipsis` when something was cut.
    /// A wide grapheme is never split: the result may be one column narrower than `width`.
    ///
    /// ```swift
    /// "hello world".truncated(toWidth: 8)   // "hello w…"
    /// "日本語テキスト".truncated(toWidth: 6) // "日本…" (5 columns)
    /// ```
    public func truncated(toWidth width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if displayWidth <= width { return self }
        let ellipsisWidth = ellipsis.displayWidth
        guard ellipsisWidth <= width else { return prefix(displayWidth: width) }
        return prefix(displayWidth: width - ellipsisWidth) + ellipsis
    }

    /// The longest prefix of whole graphemes that fits in `width` columns.
    public func prefix(displayWidth width: Int) -> String {
        if utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return String(decoding: utf8.prefix(max(0, width)), as: UTF8.self) }
        var used = 0
        var end = startIndex
        for index in indices {
            let columns = self[index].displayWidth
            if used + columns > width { break }
            used += columns
            end = self.index(after: index)
        }
        return String(self[startIndex..<end])
    }

    /// This text padded with spaces to at least `width` columns.
    public func padded(toWidth width: Int, alignment: TextAlignment = .left) -> String {
        let missing = width - displayWidth
        guard missing > 0 else { return self }
        switch alignment {
        case .left:
            return self + String(repeating: " ", count: missing)
        case .right:
            return String(repeating: " ", count: missing) + self
        case .center:
            let left = missing / 2
            return String(repeating: " ", count: left) + self + String(repeating: " ", count: missing - left)
        }
    }

    /// This text truncated with `…` and padded so that it is exactly `width` columns wide.
    public func fitted(toWidth width: Int, alignment: TextAlignment = .left, ellipsis: String = "…") -> String {
        truncated(toWidth: width, ellipsis: ellipsis).padded(toWidth: width, alignment: alignment)
    }
}
