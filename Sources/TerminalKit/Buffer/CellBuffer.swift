// MARK: - CellBuffer

/// A grid of ``Cell``s that views draw into; the backend presents it to the terminal.
///
/// Every write keeps the buffer well-formed: a wide grapheme occupies its cell plus a
/// continuation cell, a write that overwrites half of a wide grapheme turns the other half
/// into a space, and a wide grapheme that would be cut at the right edge of the buffer (or of
/// the clip width) becomes a space. Control characters can never get into a cell: a
/// grapheme that contains one is drawn as `�`.
///
/// For example:
///
/// ```swift
/// var buffer = CellBuffer(width: 6, height: 1)
/// buffer.write("ab中文", x: 0, y: 0)
/// buffer.lines // ["ab中文"]
/// buffer.write("ab中文", x: 1, y: 0, maxWidth: 4)
/// buffer.lines // ["aab中  "]: 文 would not fit, so it became a space
/// ```
///
/// ## Topics
/// - ``changes(from:)``
/// - ``beginNextFrame()``
/// - ``lines``
public struct CellBuffer: Hashable, Sendable {
    public private(set) var width: Int
    public private(set) var height: Int
    /// Row-major cells, `width * height` of them.
    public internal(set) var cells: [Cell]
    /// Which frame this is: a buffer derived from it by ``beginNextFrame()`` knows it by this.
    var identity = FrameIdentity()
    /// The cells written since ``beginNextFrame()`` (nil: untracked, compare everything).
    var damage: Damage?

    /// A buffer of blank cells.
    public init(width: Int, height: Int, fill: Cell = .blank()) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: fill.width == 1 ? fill : .blank(), count: self.width * self.height)
    }

    /// A buffer holding the given lines (the main tool in tests); as wide as the widest line
    /// unless `width` is given, shorter lines padded with spaces.
    public init(lines: [String], width: Int? = nil) {
        let columns = width ?? lines.map(\.displayWidth).max() ?? 0
        self.init(width: columns, height: lines.count)
        for (row, line) in lines.enumerated() {
            write(line, x: 0, y: row)
        }
    }

    /// The whole buffer as a rectangle at the origin.
    public var area: Rect { Rect(width: width, height: height) }

    /// The cell at a position (a blank cell outside the buffer).
    public subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, x < width, y >= 0, y < height else { return .blank() }
        return cells[y * width + x]
    }

    // MARK: - Writing

    /// Puts one cell at a position, keeping wide graphemes whole. Cells of width 0 are
    /// ignored (continuation cells are managed by the buffer); writes outside are clipped.
    public mutating func set(_ cell: Cell, x: Int, y: Int) {
        guard y >= 0, y < height, let cell = CellBuffer.placed(cell, x: x, width: width) else { return }
        // A wide grapheme's neighbours may change too (see CellRow.breakWideCharacter).
        damage?.mark(row: y, from: x - 1, to: x + 3)
        withRow(y) { $0.put(cell, at: x) }
    }

    /// What ``set(_:x:y:)`` puts in column `x` of a row `width` wide: nothing outside it or
    /// for width 0, a width over 2 as 2, and a space for a wide grapheme cut at the edge.
    @inline(__always)
    static func placed(_ cell: Cell, x: Int, width: Int) -> Cell? {
        guard x >= 0, x < width, cell.columns > 0 else { return nil }
        if cell.columns == 1 { return cell }
        if x == width - 1 { return Cell(code: GraphemeCode.space, columns: 1, styleBits: cell.styleBits) }
        return Cell(code: cell.code, columns: 2, styleBits: cell.styleBits)
    }

    /// Writes text on one row starting at `x`, clipped to `maxWidth` columns and to the
    /// buffer; returns the number of columns written.
    ///
    /// Pass text through ``Sanitizer`` first: this only guards against control characters
    /// reaching the terminal, it does not expand tabs or newlines.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, maxWidth: Int? = nil, style: Style = .plain) -> Int {
        guard y >= 0, y < height, x >= 0, x < width else { return 0 }
        let limit = min(width, x + (maxWidth ?? width))
        // Once per write rather than per cell; the half of a wide grapheme at either end that
        // breakWideCharacter may blank is included.
        damage?.mark(row: y, from: x - 1, to: limit + 1)
        // Read from the text's own UTF-8 (small strings included); a bridged string is
        // copied first.
        let styleBits = StyleBits.pack(style)
        if let written = text.utf8.withContiguousStorageIfAvailable({ write($0, of: text, x: x, y: y, limit: limit, styleBits: styleBits) }) {
            return written
        }
        var native = text
        native.makeContiguousUTF8()
        return native.utf8.withContiguousStorageIfAvailable { write($0, of: native, x: x, y: y, limit: limit, styleBits: styleBits) } ?? 0
    }

    /// ``write(_:x:y:maxWidth:style:)`` from the text's UTF-8 `bytes`, up to column `limit`
    /// (inside the buffer).
    private mutating func write(_ bytes: UnsafeBufferPointer<UInt8>, of text: String, x: Int, y: Int, limit: Int, styleBits: UInt64) -> Int {
        withRow(y) { row in
            var column = x
            var offset = 0
            let count = bytes.count
            while offset < count, column < limit {
                let byte = bytes[offset]
                let next = offset + 1
                // Fast path: printable ASCII not followed by a combining scalar is one cell.
                if byte >= 0x20, byte < 0x7F, next == count || bytes[next] < 0x80 || LoneScalar.startsSimple(bytes, at: next) {
                    row.putNarrow(Cell(code: GraphemeCode.ascii(byte), columns: 1, styleBits: styleBits), at: column)
                    column += 1
                    offset = next
                    continue
                }
                var columns: Int
                var code: UInt64
                if let scalar = LoneScalar(bytes, at: offset, lead: byte) {
                    // Second fast path: a non-ASCII scalar that is a grapheme by itself.
                    offset = scalar.end
                    let value = Unicode.Scalar(scalar.value) ?? "\u{FFFD}"
                    columns = DisplayWidth.of(value)
                    code = Sanitizer.isControl(value) || Sanitizer.isBidiControl(value) ? CellBuffer.replacementCode : scalar.code
                } else {
                    let character = text[text.utf8.index(text.utf8.startIndex, offsetBy: offset)]
                    offset += character.utf8.count
                    columns = DisplayWidth.of(character)
                    code = Sanitizer.isUnsafe(character) ? CellBuffer.replacementCode : GraphemeCode.encode(character)
                }
                if code == CellBuffer.replacementCode { columns = 1 }
                if columns == 0 { continue }
                if column + columns > limit {
                    // A wide grapheme cut at the edge becomes a space: never half a character.
                    row.putNarrow(Cell(code: GraphemeCode.space, columns: 1, styleBits: styleBits), at: column)
                    column += 1
                    break
                }
                row.put(Cell(code: code, columns: UInt8(min(columns, 2)), styleBits: styleBits), at: column)
                column += columns
            }
            return column - x
        }
    }

    /// What a grapheme holding a control character is drawn as: `�`.
    static let replacementCode: UInt64 = 0xBD_BF_EF // U+FFFD is EF BF BD in UTF-8

    /// Writes text into a one-row area, truncated with `…` and padded to exactly its width.
    public mutating func write(_ text: String, in rect: Rect, alignment: TextAlignment = .left, style: Style = .plain) {
        guard rect.height > 0, rect.width > 0 else { return }
        write(text.fitted(toWidth: rect.width, alignment: alignment), x: rect.x, y: rect.y, maxWidth: rect.width, style: style)
    }

    /// Fills a rectangle (clipped to the buffer) with a cell, a space by default.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank()) {
        let area = rect.intersection(self.area)
        guard !area.isEmpty else { return }
        if cell.width == 1 {
            // One-column cells (the usual spaces): only the edges can cut a wide grapheme,
            // so the inside is plain stores.
            for row in area.y..<area.maxY {
                damage?.mark(row: row, from: area.x - 1, to: area.maxX + 1)
                withRow(row) { row in
                    row.breakWideCharacter(at: area.x)
                    row.breakWideCharacter(at: area.maxX - 1)
                    (row.start + area.x).update(repeating: cell, count: area.width)
                }
            }
            return
        }
        let step = max(1, cell.width)
        for row in area.y..<area.maxY {
            var column = area.x
            while column < area.maxX {
                if cell.width == 2 && column + 1 >= area.maxX {
                    set(.blank(cell.style), x: column, y: row)
                } else {
                    set(cell, x: column, y: row)
                }
                column += step
            }
        }
    }

    /// Fills a rectangle with spaces of the given style.
    public mutating func fill(_ rect: Rect, style: Style) {
        fill(rect, with: .blank(style))
    }

    /// Replaces the style of every cell in a rectangle, keeping the text (e.g. a selection bar).
    public mutating func setStyle(_ style: Style, in rect: Rect) {
        let area = rect.intersection(self.area)
        guard !area.isEmpty else { return }
        let styleBits = StyleBits.pack(style)
        for row in area.y..<area.maxY {
            damage?.mark(row: row, from: area.x, to: area.maxX)
            for column in area.x..<area.maxX {
                let index = row * width + column
                cells[index].bits = UInt64(cells[index].columns) | styleBits
            }
        }
    }

    /// Clears the whole buffer to blanks.
    public mutating func clear(style: Style = .plain) {
        for index in cells.indices { cells[index] = .blank(style) }
        damage?.markAll()
    }

    /// A blank buffer of a new size (after a terminal resize).
    public mutating func resize(width newWidth: Int, height newHeight: Int) {
        self = CellBuffer(width: newWidth, height: newHeight)
    }

    // MARK: - Frames

    /// Makes this buffer the next frame after itself: what it shows stays, and from now on it
    /// records which cells are written, so ``changes(from:)`` against the frame it was (the
    /// one the terminal shows) looks only at those instead of every cell.
    ///
    /// A renderer that keeps its last frame calls this, redraws only the parts whose inputs
    /// changed, and presents the result: the diff costs what changed, not the screen size.
    /// Against any other frame (after a resize, a suspend, or the first frame), changes are
    /// found by comparing every cell, as for a buffer that never called this.
    public mutating func beginNextFrame() {
        damage = Damage(base: identity, height: height)
        identity = FrameIdentity()
    }

    /// Cells, sizes and styles decide equality; which frame a buffer is does not.
    public static func == (lhs: CellBuffer, rhs: CellBuffer) -> Bool {
        lhs.width == rhs.width && lhs.height == rhs.height && lhs.cells == rhs.cells
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(width)
        hasher.combine(height)
        hasher.combine(cells)
    }

    // MARK: - Reading

    /// Each row as text (continuation cells contribute nothing, so a row is exactly
    /// `width` columns wide). Styles are not shown.
    public var lines: [String] {
        var bytes: [UInt8] = []
        return (0..<height).map { row in
            bytes.removeAll(keepingCapacity: true)
            for column in 0..<width {
                cells[row * width + column].appendUTF8(to: &bytes)
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// All rows joined with newlines.
    public var text: String { lines.joined(separator: "\n") }
}
