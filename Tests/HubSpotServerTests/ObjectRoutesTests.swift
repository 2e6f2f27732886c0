import CallsCore
import Foundation
import HubSpotAPI
@testable import HubSpotServer
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct ObjectRoutesTests {
    @Test func bothPrefixesAndTypeIdsServeTheSameRecords() async throws {
        let server = try await TestServer.make(calls: 12)
        try await server.run { client in
            let v3 = try await client.call(.get, "/crm/v3/objects/calls?limit=5", server).decode(CollectionResponse<SimplePublicObject>.self)
            let dated = try await client.call(.get, "/crm/objects/2026-03/calls?limit=5", server).decode(CollectionResponse<SimplePublicObject>.self)
            let byTypeId = try await client.call(.get, "/crm/v3/objects/0-48?limit=5", server).decode(CollectionResponse<SimplePublicObject>.self)
            #expect(v3.results.count == 5)
            #expect(v3.results.map(\.id) == dated.results.map(\.id))
            #expect(v3.results.map(\.id) == byTypeId.results.map(\.id))
            let one = try await client.call(.get, "/crm/objects/2026-03/0-48/\(v3.results[0].id)", server)
            #expect(one.status == .ok)
        }
    }

    @Test func listDefaultsToTenAndCapsAtOneHundred() async throws {
        let server = try await TestServer.make(calls: 120)
        try await server.run { client in
            let defaultPage = try await client.call(.get, "/crm/v3/objects/calls", server).decode(CollectionResponse<SimplePublicObject>.self)
            #expect(defaultPage.results.count == 10)
            #expect(defaultPage.nextAfter != nil)
            let big = try await client.call(.get, "/crm/v3/objects/calls?limit=500", server).decode(CollectionResponse<SimplePublicObject>.self)
            #expect(big.results.count == 100)
            #expect(try await client.call(.get, "/crm/v3/objects/calls?limit=abc", server).status == .badRequest)
        }
    }

    @Test func pagingVisitsEveryRecordOnceAndTheLastPageHasNoPaging() async throws {
        let server = try await TestServer.make(calls: 37)
        try await server.run { client in
            var ids: [String] = []
            var after: String?
            repeat {
                let uri = "/crm/v3/objects/calls?limit=10" + (after.map { "&after=\($0)" } ?? "")
                let response = try await client.call(.get, uri, server)
                let page = try response.decode(CollectionResponse<SimplePublicObject>.self)
                ids += page.results.map(\.id)
                after = page.nextAfter
                if after == nil { #expect(response.json["paging"] == nil) }
            } while after != nil
            #expect(ids.count == 37)
            #expect(Set(ids).count == 37)
        }
    }

    @Test func propertiesAcceptRepeatedKeysAndCommaLists() async throws {
        let server = try await TestServer.make(calls: 3)
        try await server.run { client in
            let repeated = try await client.call(.get, "/crm/v3/objects/calls?limit=1&properties=hs_call_title&properties=hs_call_status", server).decode(CollectionResponse<SimplePublicObject>.self)
            let comma = try await client.call(.get, "/crm/v3/objects/calls?limit=1&properties=hs_call_title,hs_call_status", server).decode(CollectionResponse<SimplePublicObject>.self)
            let keys = Set(repeated.results[0].properties.keys)
            #expect(keys == Set(comma.results[0].properties.keys))
            #expect(keys.isSuperset(of: ["hs_call_title", "hs_call_status", "hs_object_id", "hs_createdate", "hs_lastmodifieddate"]))
            #expect(!keys.contains("hs_call_duration"))
        }
    }

    @Test func withoutPropertiesACallComesBackWithTheDefaultSet() async throws {
        let server = try await TestServer.make(calls: 2)
        try await server.run { client in
            let page = try await client.call(.get, "/crm/v3/objects/calls?limit=1", server).decode(CollectionResponse<SimplePublicObject>.self)
            #expect(Set(page.results[0].properties.keys) == ["hs_object_id", "hs_createdate", "hs_lastmodifieddate"])
        }
    }

    @Test func knownEmptyPropertiesAreNullAndUnknownOnesAreLeftOut() async throws {
        let server = try await TestServer.make()
        let call = try await server.store.create(.calls, ObjectInput(properties: ["hs_timestamp": "2025-05-02T14:00:00Z"]))
        try await server.run { client in
            let response = try await client.call(.get, "/crm/v3/objects/calls/\(call.id)?properties=hs_call_body,no_such_property", server)
            let object = try response.decode(SimplePublicObject.self)
            #expect(object.properties["hs_call_body"] == .some(nil))
            #expect(object.properties["no_such_property"] == nil)
            #expect(response.text.contains(#""hs_call_body":null"#))
        }
    }

    @Test func associationsAreEmbeddedWhenAskedForEitherWay() async throws {
        let server = try await TestServer.make()
        let contact = try await server.store.create(.contacts, ObjectInput(properties: ["firstname": "Ana"]))
        let company = try await server.store.create(.companies, ObjectInput(properties: ["name": "Acme"]))
        let call = try await server.store.create(.calls, ObjectInput(
            properties: ["hs_timestamp": "2025-05-02T14:00:00Z"],
            associations: [AssociationInput(toID: contact.id, typeID: 194), AssociationInput(toID: company.id, typeID: 182)]
        ))
        try await server.run { client in
            for query in ["associations=contacts&associations=companies", "associations=contacts,companies"] {
                let object = try await client.call(.get, "/crm/v3/objects/calls/\(call.id)?\(query)", server).decode(SimplePublicObject.self)
                #expect(object.associations?["contacts"]?.results == [AssociatedId(id: contact.id, type: "call_to_contact")])
                #expect(object.associations?["companies"]?.results == [AssociatedId(id: company.id, type: "call_to_company")])
            }
            let plain = try await client.call(.get, "/crm/v3/objects/calls/\(call.id)", server)
            #expect(plain.json["associations"] == nil)
        }
    }

    @Test func createUpdateAndArchiveFollowHubSpotsStatusCodes() async throws {
        let server = try await TestServer.make()
        let contact = try await server.store.create(.contacts, ObjectInput(properties: ["firstname": "Ana"]))
        try await server.run { client in
            let created = try await client.call(.post, "/crm/v3/objects/calls", server, body: """
            {"properties":{"hs_timestamp":1714658400000,"hs_call_title":"New"},
             "associations":[{"to":{"id":\(contact.id)},"types":[{"associationCategory":"HUBSPOT_DEFINED","associationTypeId":194}]}]}
            """)
            #expect(created.status == .created)
            let id = try created.decode(SimplePublicObject.self).id
            #expect(try await server.store.associations(of: ObjectRef(.calls, id), to: .contacts).map(\.id) == [contact.id])

            let updated = try await client.call(.patch, "/crm/v3/objects/calls/\(id)", server, body: #"{"properties":{"hs_call_title":"Renamed"}}"#)
            #expect(updated.status == .ok)
            #expect(try updated.decode(SimplePublicObject.self).properties["hs_call_title"] == .some("Renamed"))

            #expect(try await client.call(.delete, "/crm/v3/objects/calls/\(id)", server).status == .noContent)
            #expect(try await client.call(.get, "/crm/v3/objects/calls/\(id)", server).status == .notFound)
            let archived = try await client.call(.get, "/crm/v3/objects/calls?archived=true", server).decode(CollectionResponse<SimplePublicObject>.self)
            #expect(archived.results.map(\.id).contains(id))
            let one = try await client.call(.get, "/crm/v3/objects/calls/\(id)?archived=true", server)
            #expect(one.status == .ok)
            #expect(try one.decode(SimplePublicObject.self).archived)
        }
    }

    @Test func theRequestLogHasOneLinePerRequestWithoutQueryOrToken() async throws {
        let lines = Locked<[String]>([])
        let server = try await TestServer.make(requestLog: { line in lines.withLock { $0.append(line) } })
        try await server.run { client in
            _ = try await client.call(.get, "/crm/v3/objects/calls?limit=1&hapikey=secret-value", server)
            _ = try await client.call(.get, "/crm/v3/nowhere", server)
        }
        let logged = lines.withLock { $0 }
        #expect(logged.count == 2)
        #expect(logged[0].contains("GET /crm/v3/objects/calls 200 "))
        #expect(logged[1].contains("GET /crm/v3/nowhere 404 "))
        #expect(logged.allSatisfy { !$0.contains("secret-value") && !$0.contains(server.token) && !$0.contains("?") })
    }
}
