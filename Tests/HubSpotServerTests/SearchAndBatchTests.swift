import CallsCore
import Foundation
import HubSpotAPI
@testable import HubSpotServer
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct SearchAndBatchTests {
    static func filters(_ count: Int) -> String {
        (0..<count).map { _ in #"{"propertyName":"hs_call_status","operator":"EQ","value":"COMPLETED"}"# }.joined(separator: ",")
    }

    @Test(arguments: [
        #"{"limit":201}"#,
        #"{"after":"10000"}"#,
        #"{"after":"abc"}"#,
    ])
    func searchLimitsAre400ValidationErrors(body: String) async throws {
        let server = try await TestServer.make(calls: 3)
        try await server.run { client in
            let response = try await client.call(.post, "/crm/v3/objects/calls/search", server, body: body)
            #expect(response.status == .badRequest)
            #expect(try response.decode(ErrorBody.self).category == "VALIDATION_ERROR")
        }
    }

    @Test func filterGroupLimitsFollowTheDocs() async throws {
        let server = try await TestServer.make(calls: 3)
        let group = #"{"filters":[\#(Self.filters(1))]}"#
        try await server.run { client in
            let six = "{\"filterGroups\":[\(Array(repeating: group, count: 6).joined(separator: ","))]}"
            let sixGroups = try await client.call(.post, "/crm/v3/objects/calls/search", server, body: six)
            #expect(sixGroups.status == .badRequest)
            let sevenInGroup = #"{"filterGroups":[{"filters":[\#(Self.filters(7))]}]}"#
            let seven = try await client.call(.post, "/crm/v3/objects/calls/search", server, body: sevenInGroup)
            #expect(seven.status == .badRequest)
            let nineteen = #"{"filterGroups":[{"filters":[\#(Self.filters(5))]},{"filters":[\#(Self.filters(5))]},{"filters":[\#(Self.filters(5))]},{"filters":[\#(Self.filters(4))]}]}"#
            let tooMany = try await client.call(.post, "/crm/v3/objects/calls/search", server, body: nineteen)
            #expect(tooMany.status == .badRequest)
            let allowed = #"{"filterGroups":[{"filters":[\#(Self.filters(6))]},{"filters":[\#(Self.filters(6))]},{"filters":[\#(Self.filters(6))]}]}"#
            let fine = try await client.call(.post, "/crm/v3/objects/calls/search", server, body: allowed)
            #expect(fine.status == .ok)
        }
    }

    @Test func searchFiltersSortsAndPagesWithATotal() async throws {
        let server = try await TestServer.make()
        for (i, status) in ["MISSED", "COMPLETED", "MISSED", "MISSED", "BUSY"].enumerated() {
            _ = try await server.store.create(.calls, ObjectInput(properties: ["hs_timestamp": "2025-05-0\(i + 1)T10:00:00Z", "hs_call_status": status]))
        }
        try await server.run { client in
            let body = #"{"filterGroups":[{"filters":[{"propertyName":"hs_call_status","operator":"EQ","value":"MISSED"}]}],"sorts":["-hs_timestamp"],"properties":["hs_timestamp"],"limit":2}"#
            let first = try await client.call(.post, "/crm/v3/objects/calls/search", server, body: body).decode(CollectionResponseWithTotal<SimplePublicObject>.self)
            #expect(first.total == 3)
            #expect(first.results.count == 2)
            let stamps = first.results.compactMap { $0.properties["hs_timestamp"] ?? nil }
            #expect(stamps == stamps.sorted(by: >))
            let after = try #require(first.nextAfter)
            let second = try await client.call(.post, "/crm/v3/objects/calls/search", server, body: body.replacingOccurrences(of: #""limit":2"#, with: #""limit":2,"after":"\#(after)""#)).decode(CollectionResponseWithTotal<SimplePublicObject>.self)
            #expect(second.results.count == 1)
            #expect(second.paging == nil)
        }
    }

    @Test func batchCreateWithTraceIdsReportsPerItemErrorsAs207() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let body = #"{"inputs":[{"properties":{"hs_timestamp":"2025-05-02T14:00:00Z"},"objectWriteTraceId":"a"},{"properties":{"hs_call_title":"no time"},"objectWriteTraceId":"b"}]}"#
            let response = try await client.call(.post, "/crm/v3/objects/calls/batch/create", server, body: body)
            #expect(response.status.code == 207)
            let batch = try response.decode(BatchResponse<SimplePublicObject>.self)
            #expect(batch.results.count == 1)
            #expect(batch.numErrors == 1)
            #expect(batch.errors?.first?.category == "VALIDATION_ERROR")
        }
    }

    @Test func batchCreateWithoutTraceIdsFailsAsAWhole() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let body = #"{"inputs":[{"properties":{"hs_timestamp":"2025-05-02T14:00:00Z"}},{"properties":{"hs_call_title":"no time"}}]}"#
            let response = try await client.call(.post, "/crm/v3/objects/calls/batch/create", server, body: body)
            #expect(response.status == .badRequest)
            #expect(try response.decode(ErrorBody.self).category == "VALIDATION_ERROR")
            let left = try await client.call(.get, "/crm/v3/objects/calls", server).decode(CollectionResponse<SimplePublicObject>.self)
            #expect(left.results.isEmpty)
        }
    }

    @Test func batchReadReportsMissingIdsInOneError() async throws {
        let server = try await TestServer.make()
        let call = try await server.store.create(.calls, ObjectInput(properties: ["hs_timestamp": "2025-05-02T14:00:00Z"]))
        try await server.run { client in
            let body = #"{"inputs":[{"id":"\#(call.id)"},{"id":"1"},{"id":2}],"properties":["hs_timestamp"]}"#
            let response = try await client.call(.post, "/crm/v3/objects/calls/batch/read", server, body: body)
            #expect(response.status.code == 207)
            let batch = try response.decode(BatchResponse<SimplePublicObject>.self)
            #expect(batch.results.map(\.id) == [call.id])
            #expect(batch.errors?.count == 1)
            #expect(batch.errors?.first?.category == "OBJECT_NOT_FOUND")
            #expect(Set(batch.errors?.first?.context["ids"] ?? []) == ["1", "2"])
        }
    }

    @Test func batchUpdateUpsertAndArchive() async throws {
        let server = try await TestServer.make()
        let call = try await server.store.create(.calls, ObjectInput(properties: ["hs_timestamp": "2025-05-02T14:00:00Z"]))
        try await server.run { client in
            let update = try await client.call(.post, "/crm/v3/objects/calls/batch/update", server, body: #"{"inputs":[{"id":"\#(call.id)","properties":{"hs_call_title":"B"}},{"id":"404","properties":{"hs_call_title":"C"}}]}"#)
            #expect(update.status.code == 207)
            #expect(try update.decode(BatchResponse<SimplePublicObject>.self).results.first?.properties["hs_call_title"] == .some("B"))

            let upsert = try await client.call(.post, "/crm/v3/objects/calls/batch/upsert", server, body: #"{"inputs":[{"id":"\#(call.id)","properties":{"hs_call_title":"U"}}]}"#)
            #expect(upsert.status == .ok)
            #expect(try upsert.decode(BatchResponse<SimplePublicObject>.self).results.first?.new == false)

            #expect(try await client.call(.post, "/crm/v3/objects/calls/batch/archive", server, body: #"{"inputs":[{"id":"\#(call.id)"}]}"#).status == .noContent)
            #expect(try await client.call(.get, "/crm/v3/objects/calls/\(call.id)", server).status == .notFound)
        }
    }

    @Test func batchesOverOneHundredInputsAreRefused() async throws {
        let server = try await TestServer.make()
        let inputs = (0..<101).map { #"{"id":"\#($0)"}"# }.joined(separator: ",")
        try await server.run { client in
            let response = try await client.call(.post, "/crm/v3/objects/calls/batch/read", server, body: "{\"inputs\":[\(inputs)]}")
            #expect(response.status == .badRequest)
        }
    }
}
