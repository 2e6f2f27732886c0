import CallsCore
import Foundation
import Testing
@testable import LocalStore

@Suite struct LocalCRMServiceBasicsTests {
    @Test("A created call reads back with normalised timestamp and auto properties", arguments: StoreKind.allCases)
    func createdCallReadsBack(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            let created = try await store.create(.calls, callInput("Renewal", at: "1746194400000", [CallProperty.body: "<p>Hello &amp; welcome</p>", CallProperty.status: "missed"]))
            let read = try await store.get(.calls, id: created.id)
            #expect(read[property: CallProperty.timestamp] == "2025-05-02T14:00:00.000Z")
            #expect(read[property: CallProperty.objectId] == created.id)
            #expect(read[property: CallProperty.bodyPreview] == "Hello & welcome")
            #expect(read[property: CallProperty.status] == "MISSED")
            #expect(read[property: CallProperty.createDate] != nil)
            #expect(Int64(created.id)! >= 10_000_000_000)
        }
    }

    @Test("Seeding writes the requested number of calls", arguments: StoreKind.allCases)
    func seedWritesCalls(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            let summary = try await DemoSeed.seed(into: store, calls: 120)
            #expect(summary.calls == 120)
            #expect(try await store.count(.calls) == 120)
            let page = try await store.search(.calls, SearchRequest(sorts: [SortRule("hs_timestamp", ascending: false)], limit: 5))
            #expect(page.total == 120)
            #expect(page.results.count == 5)
        }
    }
}
