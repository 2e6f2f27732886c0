import CallsCore
import Foundation
import Testing

/// Records: create with associations, get, update, archive, list paging — the same
/// expectations for the local store and for the HTTP client talking to `hubcalls serve`.
@Suite struct RecordScenarioTests {
    @Test(arguments: BackendKind.allCases)
    func aCallCreatedWithAssociationsReadsBackWithThem(_ kind: BackendKind) async throws {
        try await withBackend(kind) { backend in
            let fixture = try await Fixture.seed(backend.store)
            let crm = backend.service
            var properties = Fixture.call("Renewal check-in", minute: 5)
            properties[CallProperty.owner] = fixture.owner.id
            properties[CallProperty.disposition] = OutcomeCatalog.defaults[1].id
            let created = try await crm.create(.calls, ObjectInput(properties: properties, associations: [
                AssociationInput.call(to: fixture.contact)!, AssociationInput.call(to: fixture.company)!,
            ]))
            #expect(created[property: CallProperty.title] == "Renewal check-in")

            let read = try await crm.get(.calls, id: created.id, properties: [CallProperty.title, CallProperty.timestamp, CallProperty.owner, CallProperty.disposition], associations: [.contacts, .companies, .deals])
            #expect(read[property: CallProperty.title] == "Renewal check-in")
            #expect(read[property: CallProperty.owner] == fixture.owner.id)
            #expect(read[property: CallProperty.disposition] == OutcomeCatalog.defaults[1].id)
            #expect(read[property: CallProperty.timestamp].flatMap(HubSpotTimestamp.parse) == HubSpotTimestamp.parse(properties[CallProperty.timestamp]!))
            #expect(read.associations[.contacts] == [AssociatedRecord(id: fixture.contact.id, typeId: 194)])
            #expect(read.associations[.companies] == [AssociatedRecord(id: fixture.company.id, typeId: 182)])
            #expect(read.associations[.deals] == [])
        }
    }

    @Test(arguments: BackendKind.allCases)
    func updatesChangeAndClearOnlyTheGivenProperties(_ kind: BackendKind) async throws {
        try await withBackend(kind) { backend in
            let crm = backend.service
            let created = try await crm.create(.calls, ObjectInput(properties: Fixture.call("Draft", minute: 1, extra: [CallProperty.body: "notes"])))
            let updated = try await crm.update(.calls, id: created.id, properties: [CallProperty.title: "Final", CallProperty.body: ""])
            #expect(updated[property: CallProperty.title] == "Final")
            let read = try await crm.get(.calls, id: created.id, properties: [CallProperty.title, CallProperty.body, CallProperty.status], associations: [])
            #expect(read[property: CallProperty.title] == "Final")
            #expect(read.nonEmpty(CallProperty.body) == nil)
            #expect(read[property: CallProperty.status] == "COMPLETED")
        }
    }

    @Test(arguments: BackendKind.allCases)
    func listingPagesThroughEveryRecordOnceInOrder(_ kind: BackendKind) async throws {
        try await withBackend(kind) { backend in
            let crm = backend.service
            var ids: [String] = []
            for minute in 0..<7 { ids.append(try await crm.create(.calls, ObjectInput(properties: Fixture.call("Call \(minute)", minute: minute))).id) }
            var seen: [String] = []
            var sizes: [Int] = []
            var after: String?
            repeat {
                let page = try await crm.list(.calls, ListRequest(limit: 3, after: after, properties: [CallProperty.title]))
                seen += page.results.map(\.id)
                sizes.append(page.results.count)
                after = page.nextAfter
            } while after != nil
            #expect(seen == ids)
            #expect(sizes == [3, 3, 1])
        }
    }

    @Test(arguments: BackendKind.allCases)
    func archivedRecordsLeaveTheListAndCannotBeRead(_ kind: BackendKind) async throws {
        try await withBackend(kind) { backend in
            let crm = backend.service
            let keep = try await crm.create(.calls, ObjectInput(properties: Fixture.call("Keep", minute: 1)))
            let drop = try await crm.create(.calls, ObjectInput(properties: Fixture.call("Drop", minute: 2)))
            try await crm.archive(.calls, id: drop.id)
            let live = try await crm.list(.calls, ListRequest(limit: 10, properties: [CallProperty.title]))
            #expect(live.results.map(\.id) == [keep.id])
            let recycled = try await crm.list(.calls, ListRequest(limit: 10, properties: [CallProperty.title], archived: true))
            #expect(recycled.results.map(\.id) == [drop.id])
            let error = await #expect(throws: CRMError.self) { try await crm.get(.calls, id: drop.id, properties: [CallProperty.title], associations: []) }
            #expect(error?.kind == .notFound)
        }
    }

    @Test(arguments: BackendKind.allCases)
    func errorsHaveTheSameKindsOnBothBackends(_ kind: BackendKind) async throws {
        try await withBackend(kind) { backend in
            let crm = backend.service
            let missing = await #expect(throws: CRMError.self) { try await crm.get(.calls, id: "999999", properties: [CallProperty.title], associations: []) }
            #expect(missing?.kind == .notFound)
            let updateMissing = await #expect(throws: CRMError.self) { try await crm.update(.calls, id: "999999", properties: [CallProperty.title: "x"]) }
            #expect(updateMissing?.kind == .notFound)
            let seconds = await #expect(throws: CRMError.self) { try await crm.create(.calls, ObjectInput(properties: [CallProperty.timestamp: "1767258000"])) }
            #expect(seconds?.kind == .validation)
            #expect(seconds?.message.contains("milliseconds") == true)
            let noTimestamp = await #expect(throws: CRMError.self) { try await crm.create(.calls, ObjectInput(properties: [CallProperty.title: "x"])) }
            #expect(noTimestamp?.kind == .validation)
            #expect(noTimestamp?.context["properties"] == [CallProperty.timestamp])
            let badStatus = await #expect(throws: CRMError.self) { try await crm.create(.calls, ObjectInput(properties: Fixture.call("x", minute: 1, status: "SHOUTING"))) }
            #expect(badStatus?.kind == .validation)
            let unknownProperty = await #expect(throws: CRMError.self) { try await crm.create(.calls, ObjectInput(properties: Fixture.call("x", minute: 1, extra: ["no_such_property": "1"]))) }
            #expect(unknownProperty?.kind == .validation)
            let badAssociation = await #expect(throws: CRMError.self) {
                try await crm.create(.calls, ObjectInput(properties: Fixture.call("x", minute: 1), associations: [AssociationInput(toID: "424242", typeID: 194)]))
            }
            #expect(badAssociation?.kind == .validation)
        }
    }
}
