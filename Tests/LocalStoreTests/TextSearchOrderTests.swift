import CallsCore
import Foundation
import Testing
@testable import LocalStore

/// Text searches (ordered from the full-text index and ``SortRanks`` when unfiltered, by the
/// SQL join when filtered) return what an in-memory reference returns: the same ids in the
/// same order and the same total, for every sort the browser offers and at any offset, and
/// still after edits, deletes and restores.
@Suite struct TextSearchOrderTests {
    static let sorts: [SortRule?] = [
        nil,
        SortRule(CallProperty.timestamp, ascending: false), SortRule(CallProperty.timestamp, ascending: true),
        SortRule(CallProperty.duration, ascending: false), SortRule(CallProperty.duration, ascending: true),
        SortRule(CallProperty.createDate, ascending: false), SortRule(CallProperty.status, ascending: true),
    ]
    static let filterSets: [[String: String]] = [
        [:], [CallProperty.status: "COMPLETED"], [CallProperty.direction: "INBOUND", CallProperty.status: "MISSED"],
    ]

    /// A seeded store plus calls that tie on timestamp (ties go by id) and lack a duration.
    private func makeStore(_ kind: StoreKind, _ body: (LocalCRMService) async throws -> Void) async throws {
        try await withStore(kind, options: .localBrowser) { store in
            try await DemoSeed.seed(into: store, calls: 300, referenceDate: Date(timeIntervalSince1970: 1_750_000_000))
            for index in 0..<6 {
                _ = try await store.create(.calls, callInput("Tied renewal call \(index)", at: "2025-03-01T10:00:00Z", [CallProperty.body: "same moment"]))
            }
            try await body(store)
        }
    }

    /// Query words: pieces of words from the stored text (substring search), one or two
    /// per query, including one- and two-letter pieces that take the LIKE path.
    private func queries(_ reference: TextSearchReference, count: Int, random: inout SeededRandom) -> [String] {
        let words = Set(reference.calls.flatMap { ($0.title + " " + $0.body).split { !($0.isASCII && $0.isLetter) } }.map(String.init))
            .sorted()
        var out: [String] = []
        while out.count < count {
            var pieces: [String] = []
            for _ in 0..<(random.chance(0.3) ? 2 : 1) {
                let word = Array(random.pick(words))
                let length = min(word.count, random.pick([1, 2, 3, 4, 6, 9]))
                let start = random.int(0..<(word.count - length + 1))
                pieces.append(String(word[start..<(start + length)]))
            }
            out.append(random.chance(0.2) ? pieces.joined(separator: " ").uppercased() : pieces.joined(separator: " "))
        }
        return out
    }

    /// Compares one query, filter set and sort at a few offsets.
    private func check(_ store: LocalCRMService, _ reference: TextSearchReference, query: String, filters: [String: String], sort: SortRule?, random: inout SeededRandom) async throws {
        let expected = reference.search(query: query, filters: filters, sort: sort)
        let groups = filters.isEmpty ? [] : [FilterGroup(filters.sorted { $0.key < $1.key }.map { Filter($0.key, .eq, $0.value) })]
        for offset in Set([0, 1, random.int(0..<max(1, expected.count + 2))]) {
            let limit = random.pick([1, 7, 100])
            let page = try await store.search(.calls, SearchRequest(filterGroups: groups, sorts: sort.map { [$0] } ?? [], query: query, limit: limit, after: String(offset)))
            let want = Array(expected.dropFirst(offset).prefix(limit))
            #expect(page.total == expected.count, "total for \(query) \(filters) \(String(describing: sort))")
            #expect(page.results.map(\.id) == want, "ids for \(query) \(filters) \(String(describing: sort)) at \(offset)")
        }
    }

    @Test("Random text queries with each sort, filters and offsets match the in-memory reference", arguments: StoreKind.allCases)
    func matchesReference(kind: StoreKind) async throws {
        try await makeStore(kind) { store in
            let reference = try await TextSearchReference.load(store)
            var random = SeededRandom(seed: 8)
            var nonEmpty = 0
            for query in queries(reference, count: 40, random: &random) {
                for sort in Self.sorts {
                    for filters in Self.filterSets where random.chance(filters.isEmpty ? 1 : 0.3) {
                        try await check(store, reference, query: query, filters: filters, sort: sort, random: &random)
                    }
                }
                if !reference.search(query: query, filters: [:], sort: nil).isEmpty { nonEmpty += 1 }
            }
            // The queries must exercise real orderings, not just empty results.
            #expect(nonEmpty > 20)
        }
    }

    @Test("A file with sparse rowids (edited by hand) still gets exact results, without ranks")
    func sparseRowids() async throws {
        try await makeStore(.memory) { store in
            try await store.write { db in
                // Move one matching call far away, keeping its full-text row with it.
                let rowid = try Int64.fetchOne(db, sql: "SELECT o.rowid FROM object_fts f JOIN object o ON o.rowid = f.rowid WHERE o.type = 'calls' AND object_fts MATCH '\"call\"' LIMIT 1")!
                try db.execute(sql: "UPDATE object SET rowid = 50000000000 WHERE rowid = ?", arguments: [rowid])
                try db.execute(sql: "UPDATE object_fts SET rowid = 50000000000 WHERE rowid = ?", arguments: [rowid])
            }
            let reference = try await TextSearchReference.load(store)
            var random = SeededRandom(seed: 10)
            for sort in Self.sorts {
                try await check(store, reference, query: "call", filters: [:], sort: sort, random: &random)
                try await check(store, reference, query: "call", filters: [CallProperty.status: "COMPLETED"], sort: sort, random: &random)
            }
        }
    }

    @Test("Edits, deletes and restores show in the next text search, cached or not", arguments: StoreKind.allCases)
    func followsWrites(kind: StoreKind) async throws {
        try await makeStore(kind) { store in
            var random = SeededRandom(seed: 9)
            let queries = ["renewal", "call", "zqxw", "same", "ca"]
            func checkAll() async throws {
                let reference = try await TextSearchReference.load(store)
                for query in queries {
                    for sort in Self.sorts {
                        try await check(store, reference, query: query, filters: [:], sort: sort, random: &random)
                    }
                }
            }
            try await checkAll()
            let matches = try await store.search(.calls, SearchRequest(sorts: [SortRule(CallProperty.timestamp, ascending: false)], query: "call", limit: 100)).results.map(\.id)
            #expect(matches.count > 20)
            // A new title word, a moved timestamp, a new duration, a cleared body.
            _ = try await store.update(.calls, id: matches[5], properties: [CallProperty.title: "zqxw follow-up"])
            _ = try await store.update(.calls, id: matches[0], properties: [CallProperty.timestamp: "2019-01-01T00:00:00Z"])
            _ = try await store.update(.calls, id: matches[10], properties: [CallProperty.duration: "99999999"])
            _ = try await store.update(.calls, id: matches[12], properties: [CallProperty.body: ""])
            try await checkAll()
            // Deletes (to the recycle bin) and an undo.
            for id in matches[1...4] { try await store.archive(.calls, id: id) }
            try await store.archive(.calls, id: matches[5])
            try await checkAll()
            try await store.restore(.calls, id: matches[5])
            _ = try await store.create(.calls, callInput("zqxw new", at: "2030-01-01T00:00:00Z"))
            try await checkAll()
            let found = try await store.search(.calls, SearchRequest(sorts: [SortRule(CallProperty.timestamp, ascending: false)], query: "zqxw", limit: 10))
            #expect(found.total == 2)
        }
    }
}
