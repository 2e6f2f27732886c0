import CallsCore
import Foundation
import GRDB
import Testing
@testable import LocalStore

/// Text matches listed in two halves of the rowid range on two reader connections are the
/// list one connection gives, and are not kept when a write moved the change counter.
@Suite struct ParallelTextScanTests {
    private func seeded(_ body: (LocalCRMService) async throws -> Void) async throws {
        try await withStore(.file, options: .localBrowser) { store in
            try await DemoSeed.seed(into: store, calls: 400, referenceDate: Date(timeIntervalSince1970: 1_750_000_000))
            try await body(store)
        }
    }

    /// The ranked text, cache key, version and ranks a search would scan with.
    private func scanInputs(_ store: LocalCRMService, _ request: SearchRequest) async throws -> (LocalCRMService.RankedText, String, Int64, SortRanks) {
        let plan = try store.plan(.calls, request)
        let ranked = try #require(plan.ranked)
        let key = plan.countKey + "\u{1E}" + ranked.column
        let cache = store.sortRanks
        let (version, ranks) = try await store.read { db in
            let version = try Int64.fetchOne(db, sql: "SELECT n FROM changeCounter WHERE id = 1") ?? -1
            return (version, try LocalCRMService.sortRanks(db, type: .calls, column: ranked.column, version: version, cache: cache))
        }
        return (ranked, key, version, try #require(ranks))
    }

    @Test("Both halves together list every match once, in the order one scan gives")
    func halvesMatchOneScan() async throws {
        try await seeded { store in
            for query in ["call", "re", "pricing", "an", "renewal next", "zzzz", "e"] {
                for sort in [SortRule(CallProperty.timestamp, ascending: false), SortRule(CallProperty.duration, ascending: true)] {
                    let (ranked, key, version, ranks) = try await scanInputs(store, SearchRequest(sorts: [sort], query: query))
                    try await store.scanTextMatchesInParallel(ranked, key: key, version: version, ranks: ranks)
                    let cache = store.sortRanks
                    let single = try await store.read { db in
                        try LocalCRMService.rankedTextMatches(db, ranked, type: .calls, version: version, ranks: cache)
                    }
                    let kept = store.textMatches.value(for: key, version: version)
                    #expect(kept != nil && kept == single, "\(query) \(sort.propertyName)")
                    #expect(Set(kept ?? []).count == (kept ?? []).count)
                }
            }
        }
    }

    @Test("A scan at a version a write has moved past keeps nothing, and the search is still exact")
    func staleScanKeepsNothing() async throws {
        try await seeded { store in
            let request = SearchRequest(sorts: [SortRule(CallProperty.timestamp, ascending: false)], query: "call", limit: 5)
            let (ranked, key, version, ranks) = try await scanInputs(store, request)
            let created = try await store.create(.calls, callInput("Late call", at: "2030-01-01T00:00:00Z"))
            try await store.scanTextMatchesInParallel(ranked, key: key, version: version, ranks: ranks)
            #expect(store.textMatches.keys.isEmpty)
            let page = try await store.search(.calls, request)
            #expect(page.results.first?.id == created.id)
        }
    }
}
