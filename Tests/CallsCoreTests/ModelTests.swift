import CallsCore
import Foundation
import Testing

@Suite struct AssociationTypeTests {
    @Test(arguments: [(ObjectType.contacts, 194, 193), (.companies, 182, 181), (.deals, 206, 205), (.tickets, 220, 219)])
    func callAssociationIdsMatchHubSpot(target: ObjectType, forward: Int, reverse: Int) throws {
        let type = try #require(AssociationTypes.default(from: .calls, to: target))
        #expect(type.id == forward)
        #expect(AssociationTypes.reverse(of: type)?.id == reverse)
        #expect(AssociationTypes.resolve(type.name) == type)
        #expect(AssociationTypes.resolve(String(forward)) == type)
    }

    @Test func namesAreSnakeCase() {
        #expect(AssociationTypes.byID(194)?.name == "call_to_contact")
        #expect(AssociationTypes.byID(219)?.name == "ticket_to_call")
    }

    @Test func objectTypesParseFromPluralSingularAndTypeId() {
        #expect(ObjectType(apiName: "contacts") == .contacts)
        #expect(ObjectType(apiName: "Contact") == .contacts)
        #expect(ObjectType(apiName: "0-48") == .calls)
        #expect(ObjectType(apiName: "meetings") == nil)
    }
}

@Suite struct CallViewTests {
    private let object = CRMObject(
        id: "59102341877",
        properties: ["hs_timestamp": "2025-05-02T14:00:00.000Z", "hs_call_duration": "184000", "hs_call_title": "Renewal", "x_custom": "kept", "hs_call_body": nil],
        createdAt: Date(timeIntervalSince1970: 0), updatedAt: Date(timeIntervalSince1970: 0))

    @Test func readsTypedFields() {
        let call = Call(object)
        #expect(call.durationMilliseconds == 184_000)
        #expect(call.timestamp == Date(timeIntervalSince1970: 1_746_194_400))
        #expect(call.title == "Renewal")
        #expect(call.body == nil)
    }

    @Test func settingAFieldKeepsUnknownProperties() {
        var call = Call(object)
        call.status = .noAnswer
        call.dispositionID = "73a0d17f-1163-4015-bdd5-ec830791da20"
        #expect(call.object[property: "x_custom"] == "kept")
        #expect(call.object[property: "hs_call_status"] == "NO_ANSWER")
        #expect(call.object.properties.count == object.properties.count + 2)
    }

    @Test func durationsFormatAsHoursMinutesSeconds() {
        #expect(Call.formatDuration(milliseconds: 184_000) == "0:03:04")
        #expect(Call.formatDuration(milliseconds: 3_723_999) == "1:02:03")
        #expect(Call.formatDuration(milliseconds: -5) == "0:00:00")
    }

    @Test func recordNamesFallBackSensibly() {
        let contact = CRMObject(id: "5", properties: ["email": "a@b.c"], createdAt: .distantPast, updatedAt: .distantPast)
        #expect(contact.displayName(as: .contacts) == "a@b.c")
        let empty = CRMObject(id: "6", properties: [:], createdAt: .distantPast, updatedAt: .distantPast)
        #expect(empty.displayName(as: .deals) == "Deal 6")
    }
}
