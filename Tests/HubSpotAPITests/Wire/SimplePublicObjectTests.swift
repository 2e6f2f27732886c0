import CallsCore
import Foundation
@testable import HubSpotAPI
import Testing

@Suite struct SimplePublicObjectTests {
    @Test func decodesARecordWithNumbersNullsAndUnknownFields() throws {
        let object = try WireFixtures.decode(SimplePublicObject.self, WireFixtures.callWithAssociations)
        #expect(object.id == "59102341877")
        #expect(object.properties["hs_call_duration"] == .some("184000"))
        #expect(object.properties["hs_call_has_voicemail"] == .some("false"))
        #expect(object.properties["hs_call_body"] == .some(nil))
        #expect(object.propertiesWithHistory?["hs_call_status"]?.first?.updatedByUserId == 28604240)
        #expect(object.associations?["tickets"]?.results.first?.id == "880012")
    }

    @Test func convertsAssociationNamesToTypeIdsAndDropsUnknownTypes() throws {
        let object = try WireFixtures.decode(SimplePublicObject.self, WireFixtures.callWithAssociations).crmObject(type: .calls)
        #expect(object.associations[.contacts] == [AssociatedRecord(id: "104901", typeId: 194)])
        #expect(object.associations[.tickets] == [AssociatedRecord(id: "880012", typeId: 220)])
        #expect(object.associations.count == 2)
        #expect(HubSpotTimestamp.format(object.createdAt) == "2025-05-02T14:03:11.418Z")
    }

    @Test func encodesDatesWithMillisecondsNullValuesAndPluralAssociationKeys() throws {
        let created = try #require(HubSpotTimestamp.parse("2025-05-02T14:03:11.418Z"))
        let record = CRMObject(
            id: "7", properties: ["hs_call_title": "Hi", "hs_call_body": nil], createdAt: created, updatedAt: created,
            associations: [.contacts: [AssociatedRecord(id: "104901", typeId: 194)]]
        )
        let json = try #require(String(data: WireJSON.data(SimplePublicObject(record)), encoding: .utf8))
        #expect(json.contains(#""createdAt":"2025-05-02T14:03:11.418Z""#))
        #expect(json.contains(#""hs_call_body":null"#))
        #expect(json.contains(#""associations":{"contacts":{"results":[{"id":"104901","type":"call_to_contact"}]}}"#))
        #expect(!json.contains("archivedAt"))
    }

    @Test func leavesAssociationsOutWhenTheRecordHasNone() throws {
        let record = CRMObject(id: "7", properties: [:], createdAt: Date(timeIntervalSince1970: 0), updatedAt: Date(timeIntervalSince1970: 0))
        let json = try #require(String(data: WireJSON.data(SimplePublicObject(record)), encoding: .utf8))
        #expect(!json.contains("associations"))
    }

    @Test func roundTripsThroughTheDomainRecord() throws {
        let wire = try WireFixtures.decode(SimplePublicObject.self, WireFixtures.callWithAssociations)
        let again = SimplePublicObject(wire.crmObject(type: .calls))
        #expect(again.id == wire.id)
        #expect(again.properties == wire.properties)
        #expect(again.createdAt == wire.createdAt)
        #expect(again.associations?["contacts"] == wire.associations?["contacts"])
    }

    @Test func listPagingKeepsTheCursorAndTheLastPageHasNone() throws {
        let page = try WireFixtures.decode(CollectionResponse<SimplePublicObject>.self, WireFixtures.listPage).page()
        #expect(page.nextAfter == "59102341878")
        let last = try WireFixtures.decode(CollectionResponse<SimplePublicObject>.self, WireFixtures.lastPage)
        #expect(last.nextAfter == nil)
        let encoded = String(decoding: WireJSON.data(CollectionResponse(Page(results: [], nextAfter: nil))), as: UTF8.self)
        #expect(encoded == #"{"results":[]}"#)
    }
}
