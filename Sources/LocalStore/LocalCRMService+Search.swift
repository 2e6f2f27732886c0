import CallsCore
import GRDB

// MARK: - Search

extension LocalCRMService {
    /// HubSpot's search (FINDINGS.md §5.6) over the local tables. See ``SearchQueryBuilder``
    /// for how filters, `query` and the sort map to SQL.
    ///
    /// Paging is by offset (`after` is an integer string). The matching rowids of one page are
    /// read from an index first, then only those rows are loaded, so a deep offset costs an
    /// index walk, not a table walk.
    public func search(_ type: ObjectType, _ request: SearchRequest) async throws -> SearchPage {
        let plan = try plan(type, request)
        let properties = request.properties
        let cap = options.searchResultCap
        let totals = self.totals, textMatches = self.textMatches, sortRanks = self.sortRanks
        return try await read { db in
            // Inside one read transaction the counter and the queries see the same snapshot.
            let version = try Int64.fetchOne(db, sql: "SELECT n FROM changeCounter WHERE id = 1") ?? -1
            let total: Int
            let rowids: [Int64]
            if plan.hasText {
                // Text matches come from the FTS index as a set; ordering them is the cost,
                // so the ordered list is kept and each page is a slice of it. A ranked list is
                // kept ascending and read from the end for the descending order, so the two
                // ends of one list (the browser's `G`) share it.
                var ranked = plan.ranked
                var key = plan.countKey + (ranked.map { "\u{1E}" + $0.column } ?? plan.orderKey)
                var all: [Int64]
                if let cached = textMatches.value(for: key, version: version) {
                    all = cached
                } else if ranked != nil, let cached = textMatches.value(for: plan.countKey + plan.orderKey, version: version) {
                    // The order could not be ranked at this version (see below).
                    ranked = nil
                    all = cached
                } else {
                    if let list = try ranked.flatMap({ try Self.rankedTextMatches(db, $0, type: type, version: version, ranks: sortRanks) }) {
                        all = list
                    } else {
                        ranked = nil
                        key = plan.countKey + plan.orderKey
                        all = try RowidScan.fetchAll(db, sql: plan.orderedSQL, arguments: plan.orderedArguments)
                    }
                    if all.count <= Self.textMatchCacheLimit { textMatches.store(all, for: key, version: version) }
                }
                total = all.count
                let start = min(plan.offset, all.count)
                let positions = start..<min(all.count, start + max(0, plan.limit))
                rowids = ranked?.ascending == false ? positions.map { all[all.count - 1 - $0] } : Array(all[positions])
            } else {
                if let cached = totals.value(for: plan.countKey, version: version) {
                    total = cached
                } else {
                    total = try Int.fetchOne(db, sql: plan.countSQL, arguments: plan.countArguments) ?? 0
                    totals.store(total, for: plan.countKey, version: version)
                }
                guard plan.limit > 0, plan.offset < total else {
                    return SearchPage(total: total, results: [], nextAfter: nil)
                }
                rowids = try Int64.fetchAll(db, sql: plan.pageSQL, arguments: plan.pageArguments)
            }
            let results = try ObjectTable.fetch(db, type, rowids: rowids, properties: properties).map { $0.object(properties: properties) }
            let end = plan.offset + results.count
            let more = !results.isEmpty && end < total && (cap.map { end < $0 } ?? true)
            return SearchPage(total: total, results: results, nextAfter: more ? String(end) : nil)
        }
    }

    /// The largest ordered match list kept for a text search (8 bytes a match).
    static let textMatchCacheLimit = 250_000

    /// SQLite's plan for the page query of a search (tests check it uses an index).
    func explainSearch(_ type: ObjectType, _ request: SearchRequest) async throws -> [String] {
        let plan = try plan(type, request)
        return try await read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + plan.pageSQL, arguments: plan.pageArguments).map { $0["detail"] as String }
        }
    }

    /// The SQL of one search: a count and a page of rowids.
    struct SearchPlan: Sendable {
        var countSQL: String
        var countArguments: StatementArguments
        /// The count query with its arguments, as a cache key.
        var countKey: String
        var pageSQL: String
        var pageArguments: StatementArguments
        /// Every match in order (text searches).
        var orderedSQL: String
        var orderedArguments: StatementArguments
        var orderKey: String
        /// Set when the ordered matches can come from ``SortRanks`` instead of `orderedSQL`.
        var ranked: RankedText?
        var hasText: Bool
        var offset: Int
        var limit: Int
    }

    func plan(_ type: ObjectType, _ request: SearchRequest) throws(CRMError) -> SearchPlan {
        try checkLimits(request)
        let offset = try parseOffset(request.after)
        if let cap = options.searchResultCap, offset >= cap, offset > 0 {
            throw CRMError.invalid("Search results are limited to \(cap) per query; narrow the search with filters (requested offset \(offset))", context: ["after": [String(offset)]])
        }
        var limit = request.limit
        if let cap = options.searchResultCap { limit = min(limit, cap - offset) }

        let builder = SearchQueryBuilder(type: type)
        var filter = SearchQueryBuilder.Fragment(sql: "o.type = ? AND o.archived = 0", arguments: [type.rawValue.databaseValue])
        if let groups = try builder.condition(for: request.filterGroups) { filter.append(groups, separator: " AND ") }
        let recordFilter = request.filterGroups.isEmpty ? nil : filter
        var hasText = false
        var match: String?
        if let query = request.query {
            let text = builder.textCondition(forQuery: query)
            match = text.match
            if let others = text.others { filter.append(others, separator: " AND ") }
            hasText = text.match != nil || text.others != nil
        }
        let order = try builder.order(for: request.sorts)
        // The FTS match must be part of the count and page queries too.
        var filterWithMatch = filter
        if let match {
            filterWithMatch.append(SearchQueryBuilder.Fragment(sql: "o.rowid IN (SELECT rowid FROM object_fts WHERE object_fts MATCH ?)", arguments: [match.databaseValue]), separator: " AND ")
        }
        // Every match in order: with an FTS match, start from the index's matches and look
        // each one up (CROSS JOIN keeps that order of the loops), then sort them. Walking the
        // sort index and probing the match set instead reads every row of the type: at
        // 100 000 calls that cost 30–170 ms for a query seen for the first time.
        let ordered: (sql: String, arguments: StatementArguments)
        if let match {
            ordered = (
                "SELECT o.rowid FROM object_fts CROSS JOIN object o ON o.rowid = object_fts.rowid WHERE object_fts MATCH ? AND \(filter.sql) ORDER BY \(order.sql)",
                StatementArguments([match.databaseValue] + filter.arguments + order.arguments)
            )
        } else {
            ordered = ("SELECT o.rowid FROM object o WHERE \(filter.sql) ORDER BY \(order.sql)", StatementArguments(filter.arguments + order.arguments))
        }
        filter = filterWithMatch
        // In an order `SortRanks` can hold, the matches are ordered without a sort step
        // (see `LocalCRMService+RankedText.swift`).
        var ranked: RankedText?
        if hasText, let rankedOrder = builder.rankedOrder(for: request.sorts),
           let text = builder.fullTextCondition(forQuery: request.query ?? "") {
            ranked = RankedText(
                sql: "SELECT rowid FROM object_fts WHERE \(text.sql)", arguments: StatementArguments(text.arguments), filter: recordFilter,
                column: rankedOrder.column, ascending: rankedOrder.ascending
            )
        }
        return SearchPlan(
            countSQL: "SELECT count(*) FROM object o WHERE \(filter.sql)",
            countArguments: StatementArguments(filter.arguments),
            countKey: filter.sql + "\u{1F}" + filter.arguments.map { "\($0.storage)" }.joined(separator: "\u{1F}"),
            pageSQL: "SELECT o.rowid FROM object o WHERE \(filter.sql) ORDER BY \(order.sql) LIMIT ? OFFSET ?",
            pageArguments: StatementArguments(filter.arguments + order.arguments + [limit.databaseValue, offset.databaseValue]),
            orderedSQL: ordered.sql,
            orderedArguments: ordered.arguments,
            orderKey: "\u{1E}" + order.sql + "\u{1F}" + order.arguments.map { "\($0.storage)" }.joined(separator: "\u{1F}"),
            ranked: ranked,
            hasText: hasText,
            offset: offset,
            limit: limit
        )
    }

    private func checkLimits(_ request: SearchRequest) throws(CRMError) {
        guard request.limit >= 0, request.limit <= options.maxSearchLimit else {
            throw CRMError.invalid("limit must be between 0 and \(options.maxSearchLimit), got \(request.limit)", context: ["limit": [String(request.limit)]])
        }
        if request.filterGroups.count > options.maxFilterGroups {
            throw CRMError.invalid("Too many filter groups: \(request.filterGroups.count) (at most \(options.maxFilterGroups))", context: ["filterGroups": [String(request.filterGroups.count)]])
        }
        if let group = request.filterGroups.first(where: { $0.filters.count > options.maxFiltersPerGroup }) {
            throw CRMError.invalid("Too many filters in one group: \(group.filters.count) (at most \(options.maxFiltersPerGroup))", context: ["filters": [String(group.filters.count)]])
        }
        let total = request.filterGroups.reduce(0) { $0 + $1.filters.count }
        if total > options.maxFilters {
            throw CRMError.invalid("Too many filters: \(total) (at most \(options.maxFilters) across all groups)", context: ["filters": [String(total)]])
        }
        if let query = request.query, query.count > SearchLimits.maxQueryLength {
            throw CRMError.invalid("query is too long: \(query.count) characters (at most \(SearchLimits.maxQueryLength))")
        }
    }

    private func parseOffset(_ after: String?) throws(CRMError) -> Int {
        guard let after, !after.isEmpty else { return 0 }
        guard let offset = Int(after), offset >= 0 else {
            throw CRMError.invalid("after must be a non-negative integer offset for search, got \"\(after.prefix(40))\"", context: ["after": [String(after.prefix(40))]])
        }
        return offset
    }
}
