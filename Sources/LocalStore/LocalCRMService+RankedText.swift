import CallsCore
import GRDB

// MARK: - Text matches in order, without reading records

extension LocalCRMService {
    /// A text search with no filters: the `object_fts` query that lists its matches, and the
    /// column and direction to order them by.
    struct RankedText: Sendable {
        var sql: String
        var arguments: StatementArguments
        var column: String
        var ascending: Bool
    }

    /// Every live match of `ranked`, in order: the rowids from the full-text index alone, put
    /// in order by the ``SortRanks`` of the same database version (read once, then reused
    /// until a write moves the change counter). The same list as joining each match to its
    /// `object` row and sorting (`SearchPlan.orderedSQL`), which costs a row lookup a match.
    static func rankedTextMatches(
        _ db: Database, _ ranked: RankedText, type: ObjectType, version: Int64, ranks cache: VersionedCache<SortRanks>
    ) throws -> [Int64] {
        let key = type.rawValue + "\u{1F}" + ranked.column
        let ranks: SortRanks
        if let cached = cache.value(for: key, version: version) {
            ranks = cached
        } else {
            ranks = try SortRanks.load(db, type: type.rawValue, column: ranked.column)
            cache.store(ranks, for: key, version: version)
        }
        let matches = try Int64.fetchAll(db, sql: ranked.sql, arguments: ranked.arguments)
        return ranks.order(matches, ascending: ranked.ascending)
    }
}
