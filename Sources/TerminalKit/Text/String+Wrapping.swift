// MARK: - Wrapping by display width

extension String {
    /// Breaks one line of text into rows of at most `width` columns, at spaces when possible
    /// and inside a word only when the word alone is wider than a row. Wide graphemes are
    /// never split (in a one-column row, where it cannot fit, it shows as `…`). Spaces at a
    /// break are dropped. An empty string is one empty row.
    public func wrapped(toWidth width: Int) -> [String] {
        guard width > 0 else { return [] }
        var rows: [String] = []
        var row = ""
        var rowWidth = 0
        var word = ""
        var wordWidth = 0

        func flushRow() {
            while row.last == " " {
                row.removeLast()
            }
            rows.append(row)
            row = ""
            rowWidth = 0
        }

        func placeWord() {
            if rowWidth + wordWidth <= width {
                row += word
                rowWidth += wordWidth
            } else {
                if rowWidth > 0 { flushRow() }
                // A word wider than the row is broken at grapheme boundaries.
                for var character in word {
                    var columns = character.displayWidth
                    if columns > width {
                        // A wide grapheme cannot fit a one-column row at all.
                        character = "…"
                        columns = 1
                    }
                    if rowWidth + columns > width, rowWidth > 0 { flushRow() }
                    if character == " " && rowWidth == 0 && !rows.isEmpty { continue }
                    row.append(character)
                    rowWidth += columns
                }
            }
            word = ""
            wordWidth = 0
        }

        for character in self {
            if character == " " {
                placeWord()
                if rowWidth + 1 <= width {
                    if rowWidth > 0 || rows.isEmpty {
                        row.append(" ")
                        rowWidth += 1
                    }
                } else {
                    flushRow()
                }
            } else {
                word.append(character)
                wordWidth += character.displayWidth
            }
        }
        placeWord()
        if rowWidth > 0 || rows.isEmpty || !row.isEmpty { flushRow() }
        return rows
    }
}
