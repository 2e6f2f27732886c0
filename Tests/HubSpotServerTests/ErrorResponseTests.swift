import CallsCore
import Foundation
import HubSpotAPI
@testable import HubSpotServer
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct ErrorResponseTests {
    @Test func aRequestWithoutATokenGets401WithHubSpotsBody() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let response = try await client.call(.get, "/crm/v3/objects/calls", server, headers: [:])
            #expect(response.status == .unauthorized)
            let body = try response.decode(ErrorBody.self)
            #expect(body.status == "error")
            #expect(body.category == "INVALID_AUTHENTICATION")
            #expect(!body.correlationId.isEmpty)
            #expect(response[header: "X-HubSpot-Correlation-Id"] == body.correlationId)
        }
    }

    @Test func aWrongTokenGets401AndIsNeverEchoed() async throws {
        let server = try await TestServer.make()
        let wrong = "wrong-" + UUID().uuidString
        try await server.run { client in
            let response = try await client.call(.get, "/crm/v3/objects/calls", server, headers: [.authorization: "Bearer \(wrong)"])
            #expect(response.status == .unauthorized)
            #expect(!response.text.contains(wrong))
            #expect(!response.text.contains(server.token))
            let prefix = try await client.call(.get, "/crm/v3/objects/calls", server, headers: [.authorization: "Bearer \(server.token.dropLast())"])
            #expect(prefix.status == .unauthorized)
        }
    }

    @Test func anUnknownRouteIs404InHubSpotShape() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let response = try await client.call(.get, "/crm/v3/nothing/here", server)
            #expect(response.status == .notFound)
            let body = try response.decode(ErrorBody.self)
            #expect(body.status == "error")
            #expect(body.message.contains("/crm/v3/nothing/here"))
            #expect(response[header: "X-HubSpot-Correlation-Id"] == body.correlationId)
        }
    }

    @Test func aKnownRouteWithTheWrongMethodIs405() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let search = try await client.call(.get, "/crm/v3/objects/calls/search", server)
            #expect(search.status == .methodNotAllowed)
            #expect(search[header: "Allow"] == "POST")
            let item = try await client.call(.post, "/crm/objects/2026-03/calls/123", server, body: "{}")
            #expect(item.status == .methodNotAllowed)
            #expect(try item.decode(ErrorBody.self).status == "error")
        }
    }

    @Test func aMissingRecordIs404ObjectNotFound() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let response = try await client.call(.get, "/crm/v3/objects/calls/99999999", server)
            #expect(response.status == .notFound)
            #expect(try response.decode(ErrorBody.self).category == "OBJECT_NOT_FOUND")
        }
    }

    @Test func creatingACallWithoutATimestampIs400NamingTheProperty() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let response = try await client.call(.post, "/crm/v3/objects/calls", server, body: #"{"properties":{"hs_call_title":"x"}}"#)
            #expect(response.status == .badRequest)
            let body = try response.decode(ErrorBody.self)
            #expect(body.category == "VALIDATION_ERROR")
            #expect(body.context?["properties"] == ["hs_timestamp"])
        }
    }

    @Test(arguments: [
        #"{"properties":{"hs_timestamp":"2025-05-02T14:00:00Z","hs_call_status":"SHOUTING"}}"#,
        #"{"properties":{"hs_timestamp":"2025-05-02T14:00:00Z","hs_call_recording_url":"http://example.test/a.mp3"}}"#,
        #"{"properties":{"hs_timestamp":"2025-05-02T14:00:00Z","hs_call_source":"CRM_UI"}}"#,
        #"{"properties":{"hs_timestamp":"1714658400"}}"#,
    ])
    func invalidCallPropertiesAre400ValidationErrors(body: String) async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let response = try await client.call(.post, "/crm/v3/objects/calls", server, body: body)
            #expect(response.status == .badRequest)
            #expect(try response.decode(ErrorBody.self).category == "VALIDATION_ERROR")
        }
    }

    @Test func malformedJSONIs400() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let response = try await client.call(.post, "/crm/v3/objects/calls", server, body: #"{"properties": "#)
            #expect(response.status == .badRequest)
            #expect(try response.decode(ErrorBody.self).message.hasPrefix("Invalid input JSON"))
        }
    }

    @Test func anUnknownObjectTypeIs400() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let response = try await client.call(.get, "/crm/v3/objects/widgets", server)
            #expect(response.status == .badRequest)
        }
    }

    @Test func pinningACallThatIsNotAssociatedIsRefused() async throws {
        let server = try await TestServer.make()
        let contact = try await server.store.create(.contacts, ObjectInput(properties: ["firstname": "Ana"]))
        let call = try await server.store.create(.calls, ObjectInput(properties: ["hs_timestamp": "2025-05-02T14:00:00Z"]))
        try await server.run { client in
            let refused = try await client.call(.patch, "/crm/v3/objects/contacts/\(contact.id)", server, body: #"{"properties":{"hs_pinned_engagement_id":"\#(call.id)"}}"#)
            #expect(refused.status.code >= 400 && refused.status.code < 500)
            #expect(try refused.decode(ErrorBody.self).status == "error")

            let associated = try await client.call(.put, "/crm/v4/objects/calls/\(call.id)/associations/default/contacts/\(contact.id)", server)
            #expect(associated.status == .ok)
            let pinned = try await client.call(.patch, "/crm/v3/objects/contacts/\(contact.id)", server, body: #"{"properties":{"hs_pinned_engagement_id":"\#(call.id)"}}"#)
            #expect(pinned.status == .ok)
            #expect(try pinned.decode(SimplePublicObject.self).properties["hs_pinned_engagement_id"] == .some(call.id))
        }
    }

    @Test func aTenMegabyteBodyIsRefusedWith413() async throws {
        let server = try await TestServer.make()
        let huge = #"{"properties":{"hs_timestamp":"2025-05-02T14:00:00Z","hs_call_body":""# + String(repeating: "x", count: 10 * 1024 * 1024) + #""}}"#
        try await server.run { client in
            let response = try await client.call(.post, "/crm/v3/objects/calls", server, body: huge)
            #expect(response.status == .contentTooLarge)
            #expect(try response.decode(ErrorBody.self).status == "error")
        }
    }

    @Test func controlCharactersInAPathNeverReachTheLog() async throws {
        let lines = Locked<[String]>([])
        let server = try await TestServer.make(requestLog: { line in lines.withLock { $0.append(line) } })
        try await server.run { client in
            let response = try await client.call(.get, "/crm/v3/\u{1B}[2Jboom\u{07}", server)
            #expect(response.status == .notFound)
        }
        let logged = lines.withLock { $0 }
        #expect(logged.count == 1)
        #expect(logged.allSatisfy { line in !line.unicodeScalars.contains { $0.value < 0x20 } })
    }

    @Test func tokenComparisonIsExactForAnyLength() {
        let token = Array("abc123".utf8)
        #expect(AuthMiddleware.constantTimeEqual(token, token))
        #expect(!AuthMiddleware.constantTimeEqual(token, Array("abc124".utf8)))
        #expect(!AuthMiddleware.constantTimeEqual(token, Array("abc12".utf8)))
        #expect(!AuthMiddleware.constantTimeEqual(token, Array("abc1234".utf8)))
        #expect(!AuthMiddleware.constantTimeEqual(token, []))
        #expect(AuthMiddleware.constantTimeEqual([], []))
    }

    @Test func theBearerSchemeIsCaseInsensitive() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let response = try await client.call(.get, "/crm/v3/owners", server, headers: [.authorization: "bearer \(server.token)"])
            #expect(response.status == .ok)
        }
    }
}
