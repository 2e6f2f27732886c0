import CallsCore
import Foundation
import Testing
@testable import LocalStore

@Suite struct PagingTests {
    /// Every id of `type`, read page by page through `list`.
    private func listAll(_ store: LocalCRMService, pageSize: Int = 100, between: ((Int) async throws -> Void)? = nil) async throws -> [String] {
        var ids: [String] = []
        var after: String?
        var pages = 0
        repeat {
            let page = try await store.list(.calls, ListRequest(limit: pageSize, after: after))
            ids += page.results.map(\.id)
            after = page.nextAfter
            pages += 1
            if after != nil { try await between?(pages) }
        } while after != nil
        return ids
    }

    @Test("Listing 1 000 calls page by page returns each exactly once in id order", arguments: StoreKind.allCases)
    func listPagesWithoutGapsOrRepeats(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            try await DemoSeed.seed(into: store, calls: 1_000)
            let ids = try await listAll(store)
            #expect(ids.count == 1_000)
            #expect(Set(ids).count == 1_000)
            #expect(ids == ids.sorted { Int64($0)! < Int64($1)! })
        }
    }

    @Test("Calls created between pages neither shift nor repeat the rows already paged", arguments: StoreKind.allCases)
    func listIsStableUnderInserts(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            try await DemoSeed.seed(into: store, calls: 1_000)
            let before = try await listAll(store)
            var inserted: [String] = []
            let ids = try await listAll(store, pageSize: 70) { page in
                guard page % 3 == 0 else { return }
                inserted.append(try await store.create(.calls, callInput("Inserted \(page)")).id)
            }
            #expect(Set(ids).count == ids.count, "no repeats")
            #expect(Set(before).isSubset(of: Set(ids)), "no gaps")
            // New calls get larger ids, so they show up at the end of this same walk.
            #expect(Set(ids).subtracting(before) == Set(inserted))
        }
    }

    @Test("Archived calls are listed only when asking for the recycle bin", arguments: StoreKind.allCases)
    func archivedListing(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            let a = try await store.create(.calls, callInput("A")).id
            let b = try await store.create(.calls, callInput("B")).id
            try await store.archive(.calls, id: a)
            let live = try await store.list(.calls, ListRequest(limit: 10))
            let bin = try await store.list(.calls, ListRequest(limit: 10, archived: true))
            #expect(live.results.map(\.id) == [b])
            #expect(bin.results.map(\.id) == [a])
            #expect(bin.results.first?.archived == true)
            #expect(bin.results.first?.archivedAt != nil)
        }
    }

    @Test("A malformed list cursor is a validation error")
    func badCursor() async throws {
        try await withStore(.memory) { store in
            await #expect(throws: CRMError.self) { try await store.list(.calls, ListRequest(after: "abc")) }
            do {
                _ = try await store.list(.calls, ListRequest(after: "abc"))
            } catch let error as CRMError {
                #expect(error.kind == .validation)
                #expect(error.httpStatus == 400)
            }
        }
    }

    @Test("List embeds requested associations and only the requested properties")
    func listWithAssociationsAndProperties() async throws {
        try await withStore(.memory) { store in
            let contact = try await store.makeContact()
            let call = try await store.create(.calls, callInput("Linked", associations: [AssociationInput(toID: contact, typeID: 194)]))
            let page = try await store.list(.calls, ListRequest(limit: 5, properties: [CallProperty.title, CallProperty.body, "nonsense"], associations: [.contacts]))
            let first = try #require(page.results.first)
            #expect(first.id == call.id)
            #expect(first.associations[.contacts] == [AssociatedRecord(id: contact, typeId: 194)])
            #expect(first.properties[CallProperty.title] == .some("Linked"))
            // Known but unset comes back as null; unknown names are ignored.
            #expect(first.properties.keys.contains(CallProperty.body))
            #expect(first.properties[CallProperty.body] == .some(nil))
            #expect(!first.properties.keys.contains("nonsense"))
            #expect(!first.properties.keys.contains(CallProperty.timestamp))
            #expect(first[property: CallProperty.objectId] == call.id)
        }
    }
}
