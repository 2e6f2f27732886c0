import GRDB

/// Every live record of one type in one sort order, as positions by rowid, so the matches of
/// a text search can be put in order without looking each one up in `object`.
///
/// A common word matches 20 000–60 000 of 100 000 calls. Joining each match to its `object`
/// row (JSON properties, long notes in overflow pages) and sorting cost 60–90 ms; reading the
/// order once from an index and reusing it while the database is unchanged costs a bitmap
/// pass per search (see `LocalCRMService.rankedTextMatches`).
struct SortRanks: Sendable {
    /// The position of each rowid in the order, or -1 when that rowid is not a live record
    /// of the type. Indexed by rowid; rowids past the end are not live records either.
    let rankByRowid: [Int32]
    /// The rowids in order.
    let rowidByRank: [Int64]

    /// Reads the order `column ASC, num ASC` of the live records of `type`. The same order
    /// backwards is `column DESC, num DESC` (SQLite sorts NULL lowest both ways), the other
    /// direction of the same rule. `nil` when rowids are too sparse for an array indexed by
    /// rowid (SQLite hands out the next one, so only a file edited by hand gets there).
    static func load(_ db: Database, type: String, column: String) throws -> SortRanks? {
        let rowids = try RowidScan.fetchAll(db, sql: "SELECT o.rowid FROM object o WHERE o.type = ? AND o.archived = 0 ORDER BY o.\(column) ASC, o.num ASC", arguments: [type])
        let size = Int(rowids.max() ?? -1) + 1
        guard size <= 64 * rowids.count + 65_536, rowids.allSatisfy({ $0 >= 0 }) else { return nil }
        var ranks = [Int32](repeating: -1, count: size)
        for (rank, rowid) in rowids.enumerated() { ranks[Int(rowid)] = Int32(rank) }
        return SortRanks(rankByRowid: ranks, rowidByRank: rowids)
    }

    /// The live records among `matches` (rowids in any order, each at most once), in order.
    func order(_ matches: [Int64]) -> [Int64] {
        order { mark in matches.forEach(mark) }
    }

    /// The live records among the rowids `scan` passes to `mark` (in any order; repeats are
    /// ignored), in order. The rowids need not be collected first: a full-text scan marks
    /// them as SQLite steps.
    func order(_ scan: (_ mark: (Int64) -> Void) throws -> Void) rethrows -> [Int64] {
        // A bitmap over positions: linear in the number of records, no comparisons.
        var hit = [Bool](repeating: false, count: rowidByRank.count)
        var count = 0
        try scan { rowid in
            guard rowid >= 0, rowid < rankByRowid.count else { return }
            let rank = rankByRowid[Int(rowid)]
            if rank >= 0, !hit[Int(rank)] {
                hit[Int(rank)] = true
                count += 1
            }
        }
        var out: [Int64] = []
        out.reserveCapacity(count)
        for rank in hit.indices where hit[rank] { out.append(rowidByRank[rank]) }
        return out
    }
}
