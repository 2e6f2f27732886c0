// MARK: - Boxes

extension CellBuffer {
    /// Draws a single-line box around `rect` with an optional title in the top border, clears
    /// its inside, and returns the inside. Boxes smaller than 2×2 draw nothing.
    @discardableResult
    public mutating func drawBox(_ rect: Rect, title: String? = nil, theme: Theme = .standard) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        fill(rect)
        let border = theme.border
        let horizontal = String(repeating: "─", count: rect.width - 2)
        write("┌" + horizontal + "┐", x: rect.x, y: rect.y, maxWidth: rect.width, style: border)
        write("└" + horizontal + "┘", x: rect.x, y: rect.maxY - 1, maxWidth: rect.width, style: border)
        for row in (rect.y + 1)..<(rect.maxY - 1) {
            write("│", x: rect.x, y: row, style: border)
            write("│", x: rect.maxX - 1, y: row, style: border)
        }
        if let title, rect.width > 4 {
            let text = " " + title.truncated(toWidth: rect.width - 4) + " "
            write(text, x: rect.x + 1, y: rect.y, maxWidth: rect.width - 2, style: theme.title)
        }
        return rect.inset(by: 1)
    }
}
