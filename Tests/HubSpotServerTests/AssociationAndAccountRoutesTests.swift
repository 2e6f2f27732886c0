import CallsCore
import Foundation
import HubSpotAPI
@testable import HubSpotServer
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct AssociationAndAccountRoutesTests {
    struct Fixture {
        var server: TestServer
        var call: CRMObject
        var contact: CRMObject
    }

    static func fixture() async throws -> Fixture {
        let server = try await TestServer.make()
        let contact = try await server.store.create(.contacts, ObjectInput(properties: ["firstname": "Ana"]))
        let call = try await server.store.create(.calls, ObjectInput(properties: ["hs_timestamp": "2025-05-02T14:00:00Z"]))
        return Fixture(server: server, call: call, contact: contact)
    }

    @Test(arguments: ["194", "call_to_contact"])
    func v3PerCallRoutesAssociateByIdOrName(type: String) async throws {
        let f = try await Self.fixture()
        let server = f.server
        try await server.run { client in
            let put = try await client.call(.put, "/crm/v3/objects/calls/\(f.call.id)/associations/contacts/\(f.contact.id)/\(type)", server)
            #expect(put.status == .ok)
            #expect(try put.decode(SimplePublicObject.self).associations?["contacts"]?.results.map(\.id) == [f.contact.id])
            let list = try await client.call(.get, "/crm/v3/objects/calls/\(f.call.id)/associations/contact", server).decode(AssociatedIdCollection.self)
            #expect(list.results == [AssociatedId(id: f.contact.id, type: "call_to_contact")])
            #expect(try await client.call(.delete, "/crm/v3/objects/calls/\(f.call.id)/associations/contacts/\(f.contact.id)/\(type)", server).status == .noContent)
            #expect(try await server.store.associations(of: ObjectRef(.calls, f.call.id), to: .contacts).isEmpty)
        }
    }

    @Test(arguments: ["/crm/v3/objects/calls/{id}/associations/contacts", "/crm/v4/objects/calls/{id}/associations/contacts"])
    func v3AndV4ListRoutesPageByOffsetWithAClampedLimit(template: String) async throws {
        let f = try await Self.fixture()
        let server = f.server
        for name in ["Bo", "Cy"] {
            let extra = try await server.store.create(.contacts, ObjectInput(properties: ["firstname": name]))
            try await server.store.associate(ObjectRef(.calls, f.call.id), with: ObjectRef(.contacts, extra.id), typeID: 194)
        }
        try await server.store.associate(ObjectRef(.calls, f.call.id), with: ObjectRef(.contacts, f.contact.id), typeID: 194)
        let path = template.replacingOccurrences(of: "{id}", with: f.call.id)
        try await server.run { client in
            let first = try await client.call(.get, "\(path)?limit=2", server).json
            #expect((first["results"] as? [Any])?.count == 2)
            #expect(((first["paging"] as? [String: Any])?["next"] as? [String: Any])?["after"] as? String == "2")
            let rest = try await client.call(.get, "\(path)?limit=2&after=2", server).json
            #expect((rest["results"] as? [Any])?.count == 1)
            #expect(rest["paging"] == nil)
            let clamped = try await client.call(.get, "\(path)?limit=0", server).json
            #expect((clamped["results"] as? [Any])?.count == 1)
            #expect(try await client.call(.get, "\(path)?limit=many", server).status == .badRequest)
            #expect(try await client.call(.get, "\(path)?after=-1", server).status == .badRequest)
        }
    }

    @Test func aTypeIdForAnotherPairIs400() async throws {
        let f = try await Self.fixture()
        let server = f.server
        try await server.run { client in
            let response = try await client.call(.put, "/crm/v3/objects/calls/\(f.call.id)/associations/contacts/\(f.contact.id)/220", server)
            #expect(response.status == .badRequest)
        }
    }

    @Test func v4RoutesCreateListAndArchiveOnBothPrefixes() async throws {
        let f = try await Self.fixture()
        let server = f.server
        try await server.run { client in
            let labelled = try await client.call(.put, "/crm/objects/2026-03/calls/\(f.call.id)/associations/contacts/\(f.contact.id)", server,
                                                 body: #"[{"associationCategory":"HUBSPOT_DEFINED","associationTypeId":194}]"#)
            #expect(labelled.status == .created)
            let pair = try labelled.decode(LabelsBetweenObjectPair.self)
            #expect(pair == LabelsBetweenObjectPair(fromObjectTypeId: "0-48", fromObjectId: f.call.id, toObjectTypeId: "0-1", toObjectId: f.contact.id, labels: []))

            let list = try await client.call(.get, "/crm/v4/objects/calls/\(f.call.id)/associations/contacts", server).decode(CollectionResponseMultiAssociatedObjectWithLabel.self)
            #expect(list.results.map(\.toObjectId) == [f.contact.id])
            #expect(list.results.first?.associationTypes.map(\.typeId) == [194])

            let reverse = try await client.call(.get, "/crm/v4/objects/contacts/\(f.contact.id)/associations/calls", server).decode(CollectionResponseMultiAssociatedObjectWithLabel.self)
            #expect(reverse.results.first?.associationTypes.map(\.typeId) == [193])

            #expect(try await client.call(.delete, "/crm/v4/objects/calls/\(f.call.id)/associations/contacts/\(f.contact.id)", server).status == .noContent)
            let empty = try await client.call(.get, "/crm/objects/2026-03/calls/\(f.call.id)/associations/contacts", server).decode(CollectionResponseMultiAssociatedObjectWithLabel.self)
            #expect(empty.results.isEmpty)
        }
    }

    @Test func v4DefaultPutAnswersBothDirections() async throws {
        let f = try await Self.fixture()
        let server = f.server
        try await server.run { client in
            let response = try await client.call(.put, "/crm/v4/objects/calls/\(f.call.id)/associations/default/contacts/\(f.contact.id)", server)
            #expect(response.status == .ok)
            let batch = try response.decode(BatchResponsePublicDefaultAssociation.self)
            #expect(batch.results.map(\.associationSpec.associationTypeId) == [194, 193])
        }
    }

    @Test func v4BatchCreateReadAndArchive() async throws {
        let f = try await Self.fixture()
        let server = f.server
        let lonely = try await server.store.create(.calls, ObjectInput(properties: ["hs_timestamp": "2025-05-02T15:00:00Z"]))
        try await server.run { client in
            let create = try await client.call(.post, "/crm/v4/associations/calls/contacts/batch/create", server,
                                               body: #"{"inputs":[{"from":{"id":"\#(f.call.id)"},"to":{"id":\#(f.contact.id)},"types":[{"associationCategory":"HUBSPOT_DEFINED","associationTypeId":194}]}]}"#)
            #expect(create.status == .created)
            let read = try await client.call(.post, "/crm/v4/associations/calls/contacts/batch/read", server,
                                             body: #"{"inputs":[{"id":"\#(f.call.id)"},{"id":"\#(lonely.id)"}]}"#)
            #expect(read.status.code == 207)
            let batch = try read.decode(BatchResponsePublicAssociationMultiWithLabel.self)
            #expect(batch.results.map(\.from.id) == [f.call.id])
            #expect(batch.errors?.first?.subCategory == "crm.associations.NO_ASSOCIATIONS_FOUND")
            let archive = try await client.call(.post, "/crm/v4/associations/calls/contacts/batch/archive", server,
                                                body: #"{"inputs":[{"from":{"id":"\#(f.call.id)"},"to":[{"id":"\#(f.contact.id)"}]}]}"#)
            #expect(archive.status == .noContent)
            #expect(try await server.store.associations(of: ObjectRef(.calls, f.call.id), to: .contacts).isEmpty)
        }
    }

    @Test func v3BatchCreateAndRead() async throws {
        let f = try await Self.fixture()
        let server = f.server
        try await server.run { client in
            let create = try await client.call(.post, "/crm/v3/associations/calls/contacts/batch/create", server,
                                               body: #"{"inputs":[{"from":{"id":"\#(f.call.id)"},"to":{"id":"\#(f.contact.id)"},"type":"call_to_contact"}]}"#)
            #expect(create.status == .created)
            let read = try await client.call(.post, "/crm/v3/associations/calls/contacts/batch/read", server, body: #"{"inputs":[{"id":"\#(f.call.id)"}]}"#)
            #expect(read.status == .ok)
            #expect(try read.decode(BatchResponsePublicAssociationMulti.self).results.first?.to == [AssociatedId(id: f.contact.id, type: "call_to_contact")])
        }
    }

    @Test func labelsListTheHubSpotDefinedType() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let response = try await client.call(.get, "/crm/v4/associations/calls/contacts/labels", server)
            #expect(response.text == #"{"results":[{"category":"HUBSPOT_DEFINED","label":null,"typeId":194}]}"#)
        }
    }

    @Test func dispositionsAreABareArrayWithTheDefaults() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let response = try await client.call(.get, "/calling/v1/dispositions", server)
            let outcomes = try response.decode([Disposition].self)
            #expect(outcomes.map(\.outcome) == OutcomeCatalog.defaults)
            #expect(response.text.hasPrefix("["))
        }
    }

    @Test func propertiesAndOneProperty() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let all = try await client.call(.get, "/crm/v3/properties/calls", server).decode(CollectionResponse<Property>.self)
            #expect(all.results.contains { $0.name == "hs_call_disposition" && $0.options.count >= 6 })
            #expect(all.paging == nil)
            let one = try await client.call(.get, "/crm/v3/properties/calls/hs_call_direction", server).decode(Property.self)
            #expect(Set(one.options.map(\.value)) == ["INBOUND", "OUTBOUND"])
            #expect(try await client.call(.get, "/crm/v3/properties/calls/nope", server).status == .notFound)
            let contacts = try await client.call(.get, "/crm/v3/properties/contacts", server).decode(CollectionResponse<Property>.self)
            #expect(contacts.results.contains { $0.name == "hs_pinned_engagement_id" })
        }
    }

    @Test func ownersKeepLargeIdsAsStringsAndPage() async throws {
        let server = try await TestServer.make()
        try await server.store.addOwner(Owner(id: "11349275740", email: "big@example.test", firstName: "Big", userId: 9))
        try await server.store.addOwner(Owner(id: "2", email: "small@example.test"))
        try await server.run { client in
            let page = try await client.call(.get, "/crm/v3/owners?limit=1", server)
            #expect(page.text.contains(#""id":""#))
            let owners = try page.decode(CollectionResponse<PublicOwner>.self)
            #expect(owners.results.count == 1)
            #expect(owners.nextAfter != nil)
            let big = try await client.call(.get, "/crm/v3/owners/11349275740", server).decode(PublicOwner.self)
            #expect(big.email == "big@example.test")
            let byUser = try await client.call(.get, "/crm/v3/owners/9?idProperty=userId", server).decode(PublicOwner.self)
            #expect(byUser.id == "11349275740")
            let byEmail = try await client.call(.get, "/crm/v3/owners?email=small@example.test", server).decode(CollectionResponse<PublicOwner>.self)
            #expect(byEmail.results.map(\.id) == ["2"])
        }
    }
}
