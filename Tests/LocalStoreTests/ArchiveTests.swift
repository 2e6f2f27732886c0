import CallsCore
import Foundation
import Testing
@testable import LocalStore

@Suite struct ArchiveTests {
    @Test("An archived call is hidden from get and search, and restore brings it back", arguments: StoreKind.allCases)
    func archiveAndRestore(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            let contact = try await store.makeContact()
            let call = try await store.create(.calls, callInput("Wrong one", associations: [AssociationInput(toID: contact, typeID: 194)])).id
            try await store.archive(.calls, id: call)
            do {
                _ = try await store.get(.calls, id: call)
                Issue.record("expected not found")
            } catch let error as CRMError {
                #expect(error.kind == .notFound)
                #expect(error.httpStatus == 404)
            }
            #expect(try await store.search(.calls, SearchRequest()).total == 0)
            #expect(try await store.count(.calls) == 0)
            #expect(try await store.count(.calls, archived: true) == 1)
            let binned = try await store.get(.calls, id: call, properties: nil, associations: [], archived: true)
            #expect(binned.archived)

            let restored = try await store.restore(.calls, id: call)
            #expect(!restored.archived)
            #expect(restored[property: CallProperty.title] == "Wrong one")
            #expect(try await store.get(.calls, id: call, properties: nil, associations: [.contacts]).associations[.contacts]?.map(\.id) == [contact])
            #expect(try await store.search(.calls, SearchRequest(query: "wrong")).total == 1)
        }
    }

    @Test("Archiving or restoring what is not there is a not-found error")
    func missing() async throws {
        try await withStore(.memory) { store in
            let call = try await store.create(.calls, callInput()).id
            await #expect(throws: CRMError.self) { try await store.archive(.calls, id: "1") }
            await #expect(throws: CRMError.self) { try await store.restore(.calls, id: call) }
            try await store.archive(.calls, id: call)
            await #expect(throws: CRMError.self) { try await store.archive(.calls, id: call) }
            await #expect(throws: CRMError.self) { try await store.update(.calls, id: call, properties: [CallProperty.title: "x"]) }
        }
    }

    @Test("Ids are never reused, even after archiving the newest record")
    func idsNotReused() async throws {
        try await withStore(.memory) { store in
            let first = try await store.create(.calls, callInput()).id
            try await store.archive(.calls, id: first)
            let second = try await store.create(.calls, callInput()).id
            #expect(Int64(second)! > Int64(first)!)
        }
    }
}
