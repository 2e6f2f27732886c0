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
        guard let ranks = try sortRanks(db, type: type, column: ranked.column, version: version, cache: cache) else { return nil }
        guard let filter = ranked.filter else {
            return try ranks.order { mark in try RowidScan.forEach(db, sql: ranked.sql, arguments: ranked.arguments, mark) }
        }
        let matches = try RowidScan.fetchAll(db, sql: ranked.sql, arguments: ranked.arguments)
        return ranks.order(try filtered(db, matches, filter, records: ranks.rowidByRank.count))
    }

    /// The order of `column` at `version`, from `cache` or read now (and kept); `nil` when it
    /// cannot be held (see ``SortRanks/load(_:type:column:)``).
    static func sortRanks(_ db: Database, type: ObjectType, column: String, version: Int64, cache: VersionedCache<SortRanks>) throws -> SortRanks? {
        let key = type.rawValue + "\u{1F}" + column
        if let cached = cache.value(for: key, version: version) { return cached }
        guard let loaded = try SortRanks.load(db, type: type.rawValue, column: column) else { return nil }
        cache.store(loaded, for: key, version: version)
        return loaded
    }

    /// Lists the matches of `ranked` (unfiltered) in order, as ``rankedTextMatches(_:_:type:version:ranks:)``
    /// does, but scanning the two halves of the rowid range at once, each in its own read
    /// transaction on its own reader connection: the full-text index's work for a common word
    /// (12 ms for the worst ones at 100 000 calls) is the whole cost of a new query, and the
    /// machine has a second core. The list is kept in ``textMatches`` under `key` for the
    /// search to read its page from; if a write moved the change counter since `version`,
    /// nothing is kept and the search lists the matches itself.
    func scanTextMatchesInParallel(_ ranked: RankedText, key: String, version: Int64, ranks: SortRanks) async throws {
        let split = Int64(ranks.rankByRowid.count / 2)
        let counter = "SELECT n FROM changeCounter WHERE id = 1"
        async let low = read { db in
            (try Int64.fetchOne(db, sql: counter), try RowidScan.fetchAll(db, sql: ranked.sql + " AND rowid < ?", arguments: ranked.arguments + [split]))
        }
        async let high = read { db in
            (try Int64.fetchOne(db, sql: counter), try RowidScan.fetchAll(db, sql: ranked.sql + " AND rowid >= ?", arguments: ranked.arguments + [split]))
        }
        let (lower, upper) = try await (low, high)
        guard lower.0 == version, upper.0 == version else { return }
        let all = ranks.order { mark in
            lower.1.forEach(mark)
            upper.1.forEach(mark)
        }
        if all.count <= Self.textMatchCacheLimit { textMatches.store(all, for: key, version: version) }
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
