import CallsCore
import Foundation
import Testing

/// Associations (v4 on the wire) and the pin rule.
@Suite struct AssociationScenarioTests {
    @Test(arguments: BackendKind.allCases)
    func associatingAndRemovingIsVisibleEverywhere(_ kind: BackendKind) async throws {
        try await withBackend(kind) { backend in
            let fixture = try await Fixture.seed(backend.store)
            let crm = backend.service
            let call = try await crm.create(.calls, ObjectInput(properties: Fixture.call("Deal review", minute: 3)))
            let ref = ObjectRef(.calls, call.id)
            try await crm.associate(ref, with: fixture.deal, typeID: nil)
            try await crm.associate(ref, with: fixture.ticket, typeID: 220)
            #expect(try await crm.associations(of: ref, to: .deals) == [AssociatedRecord(id: fixture.deal.id, typeId: 206)])
            #expect(try await crm.associations(of: fixture.deal, to: .calls) == [AssociatedRecord(id: call.id, typeId: 205)])

            let other = try await crm.create(.calls, ObjectInput(properties: Fixture.call("No links", minute: 4)))
            let batch = try await crm.batchAssociations(from: .calls, ids: [call.id, other.id], to: .tickets)
            #expect(batch[call.id] == [AssociatedRecord(id: fixture.ticket.id, typeId: 220)])
            #expect((batch[other.id] ?? []).isEmpty)

            try await crm.removeAssociation(ref, with: fixture.deal)
            #expect(try await crm.associations(of: ref, to: .deals).isEmpty)
            let read = try await crm.get(.calls, id: call.id, properties: [CallProperty.title], associations: [.deals, .tickets])
            #expect(read.associations[.deals] == [])
            #expect(read.associations[.tickets] == [AssociatedRecord(id: fixture.ticket.id, typeId: 220)])
        }
    }

    @Test(arguments: BackendKind.allCases)
    func aCallCanBePinnedOnlyWhereItIsAssociated(_ kind: BackendKind) async throws {
        try await withBackend(kind) { backend in
            let fixture = try await Fixture.seed(backend.store)
            let crm = backend.service
            let linked = try await crm.create(.calls, ObjectInput(properties: Fixture.call("Linked", minute: 1), associations: [AssociationInput.call(to: fixture.contact)!]))
            let loose = try await crm.create(.calls, ObjectInput(properties: Fixture.call("Loose", minute: 2)))

            let pinned = try await crm.pin(callID: linked.id, on: fixture.contact)
            #expect(pinned[property: CallProperty.pinnedEngagement] == linked.id)
            let error = await #expect(throws: CRMError.self) { try await crm.pin(callID: loose.id, on: fixture.otherContact) }
            #expect(error?.kind == .validation)

            try await crm.pin(callID: nil, on: fixture.contact)
            let contact = try await crm.get(.contacts, id: fixture.contact.id, properties: [CallProperty.pinnedEngagement], associations: [])
            #expect(contact.nonEmpty(CallProperty.pinnedEngagement) == nil)
        }
    }

    @Test(arguments: BackendKind.allCases)
    func recordsCanBeLookedUpForTheAssociatePicker(_ kind: BackendKind) async throws {
        try await withBackend(kind) { backend in
            let fixture = try await Fixture.seed(backend.store)
            let found = try await backend.service.search(.contacts, SearchRequest(query: "grace", properties: ["firstname", "lastname", "email"], limit: 10))
            #expect(found.results.map(\.id) == [fixture.contact.id])
            let names = try await backend.service.batchRead(.contacts, ids: [fixture.contact.id, fixture.otherContact.id], properties: ["firstname", "lastname"])
            #expect(Set(names.results.map { $0.displayName(as: .contacts) }) == ["Grace Hopper", "Alan Turing"])
        }
    }
}

/// Account metadata: properties, owners, outcomes.
@Suite struct MetadataScenarioTests {
    @Test(arguments: BackendKind.allCases)
    func propertyDefinitionsOwnersAndOutcomesAgree(_ kind: BackendKind) async throws {
        try await withBackend(kind) { backend in
            let fixture = try await Fixture.seed(backend.store)
            let crm = backend.service
            let properties = try await crm.properties(.calls)
            let local = try await backend.store.properties(.calls)
            #expect(properties.map(\.name) == local.map(\.name))
            let status = try #require(properties.first { $0.name == CallProperty.status })
            #expect(status.type == .enumeration)
            #expect(Set(status.options.map(\.value)).isSuperset(of: ["COMPLETED", "MISSED", "NO_ANSWER"]))
            #expect(properties.first { $0.name == CallProperty.timestamp }?.type == .datetime)

            #expect(try await crm.owners().contains(fixture.owner))
            let outcomes = try await crm.outcomeCatalog()
            #expect(outcomes.label(for: fixture.customOutcome.id) == "Call back later")
            #expect(outcomes.label(for: "f240bbac-87c9-4f6e-bf70-924b57d47db7") == "Connected")
        }
    }
}
