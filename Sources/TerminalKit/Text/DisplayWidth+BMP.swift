// MARK: - Widths of the Basic Multilingual Plane

extension DisplayWidth {
    /// The width of every scalar from U+0000 to U+FFFF, two bits each (16 KB), made once from
    /// the range tables: a lookup instead of two binary searches over hundreds of ranges for
    /// each non-ASCII character drawn. Rarer scalars above U+FFFF are still searched.
    ///
    /// Entries below U+0300 follow ``of(_:)-(Unicode.Scalar)``'s own rules (controls 0,
    /// everything else 1), which it applies before looking here.
    static let bmpWidths: [UInt8] = {
        var table = [UInt8](repeating: 0b01_01_01_01, count: 0x10000 / 4) // one column each
        func set(_ lower: UInt32, _ upper: UInt32, to width: UInt8) {
            guard lower <= upper else { return }
            for value in lower...upper {
                let index = Int(value >> 2), shift = (value & 3) * 2
                table[index] = table[index] & ~(0b11 << shift) | width << shift
            }
        }
        // As searchedWidth(_:) decides: zero-width wins over wide.
        for range in wideRanges { set(max(range.lower, 0x1100), min(range.upper, 0xFFFF), to: 2) }
        for range in zeroWidthRanges { set(max(range.lower, 0x300), min(range.upper, 0xFFFF), to: 0) }
        set(0, 0x1F, to: 0)
        set(0x7F, 0x9F, to: 0)
        return table
    }()
}
