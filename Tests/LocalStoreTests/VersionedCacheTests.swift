import CallsCore
import Foundation
import Testing
@testable import LocalStore

/// What the search caches keep when they are full: the entries used least recently go first,
/// and entries of an older database version before any current one.
@Suite struct VersionedCacheTests {
    @Test("A full cache drops the entry used least recently, not every entry")
    func dropsLeastRecentlyUsed() {
        let cache = VersionedCache<Int>(capacity: 3)
        cache.store(1, for: "a", version: 7)
        cache.store(2, for: "b", version: 7)
        cache.store(3, for: "c", version: 7)
        #expect(cache.value(for: "a", version: 7) == 1)
        cache.store(4, for: "d", version: 7)
        #expect(cache.keys == ["a", "c", "d"])
        #expect(cache.value(for: "b", version: 7) == nil)
        // Storing a key again replaces it without dropping another.
        cache.store(5, for: "c", version: 7)
        #expect(cache.keys == ["a", "c", "d"])
        #expect(cache.value(for: "c", version: 7) == 5)
    }

    @Test("Entries of another database version go before current ones and are never returned")
    func dropsStaleVersionsFirst() {
        let cache = VersionedCache<Int>(capacity: 2)
        cache.store(1, for: "a", version: 1)
        cache.store(2, for: "b", version: 2)
        #expect(cache.value(for: "a", version: 2) == nil)
        #expect(cache.value(for: "a", version: 1) == 1)
        // "a" was used last but belongs to an old version.
        cache.store(3, for: "c", version: 2)
        #expect(cache.keys == ["b", "c"])
    }

    @Test("Text searches in a third order (creation date) keep the browser's time and duration orders", arguments: StoreKind.allCases)
    func thirdOrderKeepsBrowserOrders(kind: StoreKind) async throws {
        try await withStore(kind, options: .localBrowser) { store in
            try await DemoSeed.seed(into: store, calls: 60, referenceDate: Date(timeIntervalSince1970: 1_750_000_000))
            let orders: [[SortRule]] = [
                [SortRule(CallProperty.timestamp, ascending: false)],
                [SortRule(CallProperty.duration, ascending: false)],
                // No rule: creation order, what API searches without a sort use.
                [],
                [SortRule(CallProperty.createDate, ascending: false)],
            ]
            for sorts in orders {
                _ = try await store.search(.calls, SearchRequest(sorts: sorts, query: "call", limit: 10))
            }
            let columns = Set(store.sortRanks.keys.map { $0.split(separator: "\u{1F}").last.map(String.init) ?? "" })
            #expect(columns == ["ts", "duration", "createdAt"])
        }
    }
}
