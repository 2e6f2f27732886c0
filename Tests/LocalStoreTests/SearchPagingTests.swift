import CallsCore
import Foundation
import Testing
@testable import LocalStore

@Suite struct SearchPagingTests {
    @Test("Offset paging sorted by time walks every call once, newest first", arguments: StoreKind.allCases)
    func offsetPaging(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            try await DemoSeed.seed(into: store, calls: 1_000)
            var seen: [CRMObject] = []
            var after: String?
            repeat {
                let page = try await store.search(.calls, SearchRequest(sorts: [SortRule(CallProperty.timestamp, ascending: false)], properties: [CallProperty.timestamp], limit: 200, after: after))
                #expect(page.total == 1_000)
                seen += page.results
                after = page.nextAfter
            } while after != nil
            #expect(seen.count == 1_000)
            #expect(Set(seen.map(\.id)).count == 1_000)
            let keys = seen.map { (HubSpotTimestamp.parse($0[property: CallProperty.timestamp]!)!, Int64($0.id)!) }
            #expect(zip(keys, keys.dropFirst()).allSatisfy { $0.0 > $1.0 || ($0.0 == $1.0 && $0.1 > $1.1) })
        }
    }

    @Test("Paging a text search walks its matches once, in order, and sees new matches", arguments: StoreKind.allCases)
    func textPaging(kind: StoreKind) async throws {
        try await withStore(kind, options: .localBrowser) { store in
            try await DemoSeed.seed(into: store, calls: 600)
            let newest = [SortRule(CallProperty.timestamp, ascending: false)]
            let whole = try await store.search(.calls, SearchRequest(sorts: newest, query: "renewal", limit: 1000))
            #expect(whole.total > 50)
            var paged: [String] = []
            var after: String?
            repeat {
                let page = try await store.search(.calls, SearchRequest(sorts: newest, query: "renewal", limit: 25, after: after))
                #expect(page.total == whole.total)
                paged += page.results.map(\.id)
                after = page.nextAfter
            } while after != nil
            #expect(paged == whole.results.map(\.id))
            let added = try await store.create(.calls, callInput("Renewal (new)", at: "2099-01-01T00:00:00Z")).id
            let first = try await store.search(.calls, SearchRequest(sorts: newest, query: "renewal", limit: 25))
            #expect(first.total == whole.total + 1)
            #expect(first.results.first?.id == added)
        }
    }

    @Test("Paging past HubSpot's 10 000 result cap is a 400 validation error")
    func resultCap() async throws {
        try await withStore(.memory) { store in
            do {
                _ = try await store.search(.calls, SearchRequest(limit: 10, after: "10000"))
                Issue.record("expected an error")
            } catch let error as CRMError {
                #expect(error.kind == .validation)
                #expect(error.httpStatus == 400)
                #expect(error.hubSpotCategory == "VALIDATION_ERROR")
            }
        }
    }

    @Test("The result cap stops the cursor and can be lifted for the local browser")
    func configurableCap() async throws {
        let capped = LocalStoreOptions(searchResultCap: 50)
        try await withStore(.memory, options: capped) { store in
            try await DemoSeed.seed(into: store, calls: 80)
            let first = try await store.search(.calls, SearchRequest(limit: 40))
            #expect(first.nextAfter == "40")
            let second = try await store.search(.calls, SearchRequest(limit: 40, after: first.nextAfter))
            #expect(second.results.count == 10)
            #expect(second.total == 80)
            #expect(second.nextAfter == nil)
            await #expect(throws: CRMError.self) { try await store.search(.calls, SearchRequest(limit: 10, after: "50")) }
        }
        try await withStore(.memory, options: .localBrowser) { store in
            try await DemoSeed.seed(into: store, calls: 80)
            let page = try await store.search(.calls, SearchRequest(limit: 500, after: "60"))
            #expect(page.results.count == 20)
        }
    }

    @Test("Limits on page size and filters follow HubSpot's documented numbers")
    func requestLimits() async throws {
        try await withStore(.memory) { store in
            let filter = Filter(CallProperty.status, .eq, "BUSY")
            let tooMany: [SearchRequest] = [
                SearchRequest(limit: 201),
                SearchRequest(limit: -1),
                SearchRequest(filterGroups: Array(repeating: FilterGroup([filter]), count: 6)),
                SearchRequest(filterGroups: [FilterGroup(Array(repeating: filter, count: 7))]),
                SearchRequest(filterGroups: Array(repeating: FilterGroup(Array(repeating: filter, count: 4)), count: 5)),
                SearchRequest(query: String(repeating: "x", count: 3001)),
                SearchRequest(after: "-5"),
                SearchRequest(after: "next"),
            ]
            for request in tooMany {
                await #expect(throws: CRMError.self) { try await store.search(.calls, request) }
            }
            // At the limits is fine.
            _ = try await store.search(.calls, SearchRequest(filterGroups: Array(repeating: FilterGroup(Array(repeating: filter, count: 3)), count: 5), limit: 200))
            _ = try await store.search(.calls, SearchRequest(filterGroups: [FilterGroup(Array(repeating: filter, count: 6)), FilterGroup(Array(repeating: filter, count: 6)), FilterGroup(Array(repeating: filter, count: 6))]))
        }
    }

    @Test("Filter mistakes are validation errors that name the property")
    func badFilters() async throws {
        try await withStore(.memory) { store in
            let bad: [Filter] = [
                Filter(CallProperty.timestamp, .gt, "yesterday"),
                Filter(CallProperty.status, .eq),
                Filter(CallProperty.status, .in, values: []),
                Filter(CallProperty.duration, .between, "1"),
                Filter("associations.planet", .eq, "1"),
                Filter("associations.contact", .containsToken, "1"),
            ]
            for filter in bad {
                do {
                    _ = try await store.search(.calls, SearchRequest(filterGroups: [FilterGroup([filter])]))
                    Issue.record("expected \(filter) to fail")
                } catch let error as CRMError {
                    #expect(error.kind == .validation)
                    #expect(error.message.contains(filter.propertyName))
                }
            }
        }
    }

    @Test("Search totals follow every write, including writes from another connection to the file")
    func totalsFollowWrites() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hubcalls-totals-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("db.sqlite").path
        let reader = try LocalCRMService(path: path)
        let writer = try LocalCRMService(path: path)
        let missed = SearchRequest(filterGroups: [FilterGroup([Filter(CallProperty.status, .eq, "MISSED")])])
        #expect(try await reader.search(.calls, missed).total == 0)
        let id = try await writer.create(.calls, callInput("One", [CallProperty.status: "MISSED"])).id
        #expect(try await reader.search(.calls, missed).total == 1)
        _ = try await writer.update(.calls, id: id, properties: [CallProperty.status: "COMPLETED"])
        #expect(try await reader.search(.calls, missed).total == 0)
        let contact = try await writer.makeContact()
        let linked = SearchRequest(filterGroups: [FilterGroup([Filter("associations.contact", .eq, contact)])])
        #expect(try await reader.search(.calls, linked).total == 0)
        try await writer.associate(ObjectRef(.calls, id), with: ObjectRef(.contacts, contact), typeID: nil)
        #expect(try await reader.search(.calls, linked).total == 1)
        try await writer.removeAssociation(ObjectRef(.calls, id), with: ObjectRef(.contacts, contact))
        #expect(try await reader.search(.calls, linked).total == 0)
    }

    @Test("The browser's main query is an index scan with no sort step")
    func mainQueryUsesTheTimelineIndex() async throws {
        try await withStore(.file) { store in
            try await DemoSeed.seed(into: store, calls: 200)
            let plan = try await store.explainSearch(.calls, SearchRequest(sorts: [SortRule(CallProperty.timestamp, ascending: false)], limit: 100, after: "100"))
            #expect(plan.contains { $0.contains("object_timeline") })
            #expect(!plan.contains { $0.contains("TEMP B-TREE") })
            #expect(!plan.contains { $0.hasPrefix("SCAN o") && !$0.contains("INDEX") })
        }
    }
}
