import CallsCore
import Foundation
import Testing

/// Batches with HubSpot's per-item (207) errors.
@Suite struct BatchScenarioTests {
    @Test(arguments: BackendKind.allCases)
    func batchReadReportsTheMissingIdsPerItem(_ kind: BackendKind) async throws {
        try await withBackend(kind) { backend in
            let crm = backend.service
            let a = try await crm.create(.calls, ObjectInput(properties: Fixture.call("A", minute: 1)))
            let b = try await crm.create(.calls, ObjectInput(properties: Fixture.call("B", minute: 2)))
            let result = try await crm.batchRead(.calls, ids: [a.id, "88888888", b.id], properties: [CallProperty.title])
            #expect(Set(result.results.map(\.id)) == [a.id, b.id])
            #expect(result.errors.count == 1)
            #expect(result.errors.first?.kind == .notFound)
            #expect(result.errors.first?.id == "88888888" || result.errors.first?.context["ids"] == ["88888888"])
        }
    }

    @Test(arguments: BackendKind.allCases)
    func batchUpdateAppliesTheGoodItemsAndReportsTheBadOnes(_ kind: BackendKind) async throws {
        try await withBackend(kind) { backend in
            let crm = backend.service
            let a = try await crm.create(.calls, ObjectInput(properties: Fixture.call("A", minute: 1)))
            let b = try await crm.create(.calls, ObjectInput(properties: Fixture.call("B", minute: 2)))
            let result = try await crm.batchUpdate(.calls, [
                ObjectUpdate(id: a.id, properties: [CallProperty.disposition: OutcomeCatalog.defaults[0].id]),
                ObjectUpdate(id: b.id, properties: [CallProperty.status: "SHOUTING"]),
            ])
            #expect(result.results.map(\.id) == [a.id])
            #expect(result.errors.count == 1)
            #expect(result.errors.first?.kind == .validation)
            let read = try await crm.batchRead(.calls, ids: [a.id, b.id], properties: [CallProperty.disposition, CallProperty.status])
            let byID = Dictionary(uniqueKeysWithValues: read.results.map { ($0.id, $0) })
            #expect(byID[a.id]?[property: CallProperty.disposition] == OutcomeCatalog.defaults[0].id)
            #expect(byID[b.id]?[property: CallProperty.status] == "COMPLETED")
        }
    }

    @Test(arguments: BackendKind.allCases)
    func batchCreateKeepsTheGoodInputsAndReportsTheBadOnes(_ kind: BackendKind) async throws {
        try await withBackend(kind) { backend in
            let crm = backend.service
            let result = try await crm.batchCreate(.calls, [
                ObjectInput(properties: Fixture.call("Good", minute: 1), objectWriteTraceId: "t-1"),
                ObjectInput(properties: [CallProperty.title: "No timestamp"], objectWriteTraceId: "t-2"),
                ObjectInput(properties: Fixture.call("Also good", minute: 2), objectWriteTraceId: "t-3"),
            ])
            #expect(Set(result.results.map { $0[property: CallProperty.title] }) == ["Good", "Also good"])
            #expect(result.errors.count == 1)
            #expect(result.errors.first?.kind == .validation)
            #expect(try await backend.store.count(.calls) == 2)
        }
    }

    @Test(arguments: BackendKind.allCases)
    func batchArchiveRemovesEveryGivenRecord(_ kind: BackendKind) async throws {
        try await withBackend(kind) { backend in
            let crm = backend.service
            let a = try await crm.create(.calls, ObjectInput(properties: Fixture.call("A", minute: 1)))
            let b = try await crm.create(.calls, ObjectInput(properties: Fixture.call("B", minute: 2)))
            _ = try await crm.batchArchive(.calls, ids: [a.id, b.id])
            #expect(try await backend.store.count(.calls) == 0)
            #expect(try await backend.store.count(.calls, archived: true) == 2)
        }
    }
}
