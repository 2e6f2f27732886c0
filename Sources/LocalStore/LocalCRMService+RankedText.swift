import CallsCore
import GRDB

// MARK: - Text matches in order, without a sort step

extension LocalCRMService {
    /// A text search in an order ``SortRanks`` can hold: the `object_fts` query that lists its
    /// matches, the filters on `object` (if any), and the column and direction to order by.
    struct RankedText: Sendable {
        var sql: String
        var arguments: StatementArguments
        var filter: SearchQueryBuilder.Fragment?
        var column: String
        var ascending: Bool
    }

    /// Every live match of `ranked`, in ascending order (the descending order is the same
    /// list backwards): the rowids from the full-text index, kept if
    /// they pass the filters, put in order by the ``SortRanks`` of the same database version
    /// (read once, then reused until a write moves the change counter). The same list as
    /// `SearchPlan.orderedSQL`, which looks each match up in `object` and sorts; `nil` when
    /// the order cannot be held (see ``SortRanks/load(_:type:column:)``).
    static func rankedTextMatches(
        _ db: Database, _ ranked: RankedText, type: ObjectType, version: Int64, ranks cache: VersionedCache<SortRanks>
    ) throws -> [Int64]? {
        let key = type.rawValue + "\u{1F}" + ranked.column
        let ranks: SortRanks
        if let cached = cache.value(for: key, version: version) {
            ranks = cached
        } else {
            guard let loaded = try SortRanks.load(db, type: type.rawValue, column: ranked.column) else { return nil }
            ranks = loaded
            cache.store(ranks, for: key, version: version)
        }
        guard let filter = ranked.filter else {
            return try ranks.order { mark in try RowidScan.forEach(db, sql: ranked.sql, arguments: ranked.arguments, mark) }
        }
        let matches = try RowidScan.fetchAll(db, sql: ranked.sql, arguments: ranked.arguments)
        return ranks.order(try filtered(db, matches, filter, records: ranks.rowidByRank.count))
    }

    /// The matches that pass `filter`. Few matches (or filters on JSON properties or
    /// associations, which no index answers) are looked up one by one; many matches are
    /// intersected with every record the filter passes, read from the indexes, because a
    /// lookup costs about as much as reading sixteen index entries.
    private static func filtered(_ db: Database, _ matches: [Int64], _ filter: SearchQueryBuilder.Fragment, records: Int) throws -> [Int64] {
        let unindexed = filter.sql.contains("json_extract") || filter.sql.contains("association")
        if unindexed || matches.count <= records / 16 {
            var out: [Int64] = []
            for start in stride(from: 0, to: matches.count, by: 500) {
                let chunk = matches[start..<min(matches.count, start + 500)]
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                out += try Int64.fetchAll(
                    db, sql: "SELECT o.rowid FROM object o WHERE o.rowid IN (\(marks)) AND \(filter.sql)",
                    arguments: StatementArguments(chunk.map(\.databaseValue) + filter.arguments)
                )
            }
            return out
        }
        let passing = try RowidScan.fetchAll(db, sql: "SELECT o.rowid FROM object o WHERE \(filter.sql)", arguments: StatementArguments(filter.arguments))
        var allowed = [Bool](repeating: false, count: Int(passing.max() ?? -1) + 1)
        for rowid in passing { allowed[Int(rowid)] = true }
        return matches.filter { $0 >= 0 && $0 < allowed.count && allowed[Int($0)] }
    }
}
