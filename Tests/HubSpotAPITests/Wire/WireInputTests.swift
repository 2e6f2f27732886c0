import CallsCore
import Foundation
@testable import HubSpotAPI
import Testing

@Suite struct WireInputTests {
    @Test func createInputAcceptsNumericIdsAndValues() throws {
        let input = try WireFixtures.decode(SimplePublicObjectInputForCreate.self, WireFixtures.createInput).objectInput
        #expect(input.properties["hs_timestamp"] == "1714658400000")
        #expect(input.properties["hubspot_owner_id"] == "11349275740")
        #expect(input.associations == [AssociationInput(toID: "500", typeID: 194), AssociationInput(toID: "1234", typeID: 220)])
    }

    @Test func createInputWithoutAssociationsDecodes() throws {
        let input = try WireFixtures.decode(SimplePublicObjectInputForCreate.self, #"{"properties":{"hs_timestamp":"2025-05-02T14:00:00Z"}}"#)
        #expect(input.associations == nil)
        #expect(input.objectInput.associations.isEmpty)
    }

    @Test func createInputEncodesAssociationsInHubSpotShape() throws {
        let input = SimplePublicObjectInputForCreate(ObjectInput(properties: ["hs_timestamp": "1"], associations: [AssociationInput(toID: "5", typeID: 194)]))
        let json = String(decoding: WireJSON.data(input), as: UTF8.self)
        #expect(json == #"{"associations":[{"to":{"id":"5"},"types":[{"associationCategory":"HUBSPOT_DEFINED","associationTypeId":194}]}],"properties":{"hs_timestamp":"1"}}"#)
    }

    @Test func nullPropertyInAnUpdateClearsTheValue() throws {
        let input = try WireFixtures.decode(SimplePublicObjectInput.self, #"{"properties":{"hs_call_title":null,"hs_call_duration":5}}"#)
        #expect(input.properties == ["hs_call_title": "", "hs_call_duration": "5"])
    }

    @Test func batchInputsDecode() throws {
        let update = try WireFixtures.decode(BatchInput<SimplePublicObjectBatchInput>.self, #"{"inputs":[{"id":591,"properties":{"a":"b"}}]}"#)
        #expect(update.inputs.map(\.objectUpdate) == [ObjectUpdate(id: "591", properties: ["a": "b"])])
        let read = try WireFixtures.decode(BatchReadInput.self, #"{"inputs":[{"id":"1"},{"id":2}],"properties":["hs_call_title"]}"#)
        #expect(read.inputs.map(\.id) == ["1", "2"])
        #expect(read.properties == ["hs_call_title"])
        let archive = try WireFixtures.decode(BatchInput<PublicObjectId>.self, #"{"inputs":[{"id":"9"}]}"#)
        #expect(archive.inputs == [PublicObjectId(id: "9")])
    }

    @Test func searchRequestAcceptsStringSortsAndNumericValues() throws {
        let request = try WireFixtures.decode(PublicObjectSearchRequest.self, WireFixtures.search).searchRequest()
        #expect(request.sorts == [SortRule("hs_timestamp", ascending: false)])
        #expect(request.limit == 100)
        #expect(request.after == "0")
        #expect(request.filterGroups.count == 2)
        #expect(request.filterGroups[0].filters[0] == Filter("associations.contact", .eq, "104901"))
        #expect(request.filterGroups[1].filters[0].values == ["MISSED", "NO_ANSWER"])
    }

    @Test func searchRequestAcceptsObjectSortsAndAnEmptyBody() throws {
        let request = try WireFixtures.decode(PublicObjectSearchRequest.self, #"{"sorts":[{"propertyName":"hs_timestamp","direction":"DESCENDING"}]}"#).searchRequest()
        #expect(request.sorts == [SortRule("hs_timestamp", ascending: false)])
        let empty = try WireFixtures.decode(PublicObjectSearchRequest.self, "{}").searchRequest()
        #expect(empty == SearchRequest())
    }

    @Test func searchRequestRejectsAnUnknownOperator() throws {
        let wire = try WireFixtures.decode(PublicObjectSearchRequest.self, #"{"filterGroups":[{"filters":[{"propertyName":"a","operator":"LIKE","value":"x"}]}]}"#)
        #expect(throws: CRMError.self) { try wire.searchRequest() }
    }

    @Test func searchRequestRoundTripsThroughTheDomain() throws {
        let request = SearchRequest(
            filterGroups: [FilterGroup([Filter("hs_call_status", .in, values: ["MISSED"])])], sorts: [SortRule("hs_timestamp", ascending: true)],
            query: "q", properties: ["a"], limit: 50, after: "100"
        )
        let decoded = try JSONDecoder().decode(PublicObjectSearchRequest.self, from: WireJSON.data(PublicObjectSearchRequest(request)))
        #expect(try decoded.searchRequest() == request)
    }
}
