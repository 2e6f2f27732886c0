import CallsCore
import Foundation
@testable import HubSpotAPI
import Testing

@Suite struct WireResponseTests {
    @Test func batch207KeepsEveryPerItemErrorWithLenientCategories() throws {
        let response = try WireFixtures.decode(BatchResponse<SimplePublicObject>.self, WireFixtures.batch207)
        #expect(response.numErrors == 2)
        let result = response.batchResult(type: .calls)
        #expect(result.results.map(\.id) == ["59102341877"])
        #expect(result.errors.map(\.category) == ["VALIDATION_ERROR", "OBJECT_NOT_FOUND"])
        #expect(result.errors[1].kind == .notFound)
        #expect(result.errors[1].context["ids"] == ["404", "405"])
        #expect(result.errors[1].id == "404")
    }

    @Test func batchWithoutErrorsOmitsErrorFields() throws {
        let response = BatchResponse<SimplePublicObject>(BatchResult(results: []), at: Date(timeIntervalSince1970: 0))
        let json = String(decoding: WireJSON.data(response), as: UTF8.self)
        #expect(json == #"{"completedAt":"1970-01-01T00:00:00.000Z","results":[],"startedAt":"1970-01-01T00:00:00.000Z","status":"COMPLETE"}"#)
    }

    @Test func batchErrorsEncodeInHubSpotShape() throws {
        let result = BatchResult(results: [], errors: [CRMError.notFound(.calls, id: "9")])
        let json = String(decoding: WireJSON.data(BatchResponse<SimplePublicObject>(result, at: Date(timeIntervalSince1970: 0))), as: UTF8.self)
        #expect(json.contains(#""numErrors":1"#))
        #expect(json.contains(#""category":"OBJECT_NOT_FOUND""#))
        #expect(json.contains(#""status":"error""#))
        #expect(json.contains(#""links":{}"#))
    }

    @Test func errorBodyDecodesIntoACRMError() throws {
        let error = try WireFixtures.decode(ErrorBody.self, WireFixtures.validationError).crmError(status: 400)
        #expect(error.kind == .validation)
        #expect(error.context["properties"] == ["hs_timestamp"])
        #expect(error.correlationId == "aeb5f871-7f07-4993-9211-075dc63e7cbf")
    }

    @Test func rateLimitBodyDecodesPolicyAndErrorType() throws {
        let error = try WireFixtures.decode(ErrorBody.self, WireFixtures.rateLimited).crmError(status: 429, retryAfter: 2)
        #expect(error.kind == .rateLimited)
        #expect(error.policyName == "TEN_SECONDLY_ROLLING")
        #expect(error.category == "RATE_LIMIT")
        #expect(error.retryAfter == 2)
    }

    @Test func rateLimitBodiesCarryHubSpotsMessages() {
        let tenSecondly = ErrorBody.rateLimit(policyName: "TEN_SECONDLY_ROLLING", correlationId: "c")
        #expect(tenSecondly.message == "You have reached your ten_secondly_rolling limit.")
        #expect(tenSecondly.errorType == "RATE_LIMIT")
        #expect(tenSecondly.category == "RATE_LIMITS")
        #expect(ErrorBody.rateLimit(policyName: "SECONDLY", correlationId: "c").message == "You have reached your secondly limit.")
    }

    @Test func errorBodyFromACRMErrorCarriesCategoryAndContext() throws {
        let body = ErrorBody(CRMError.invalid("bad", context: ["properties": ["hs_timestamp"]]), correlationId: "abc")
        let json = String(decoding: WireJSON.data(body), as: UTF8.self)
        #expect(json == #"{"category":"VALIDATION_ERROR","context":{"properties":["hs_timestamp"]},"correlationId":"abc","message":"bad","status":"error"}"#)
    }

    @Test func anEmptyErrorBodyStillDecodes() throws {
        let error = try WireFixtures.decode(ErrorBody.self, "{}").crmError(status: 503)
        #expect(error.kind == .server)
        #expect(error.message == "HTTP 503")
    }

    @Test func v4ListGroupsTypesPerTargetAndAcceptsNumbers() throws {
        let response = try WireFixtures.decode(CollectionResponseMultiAssociatedObjectWithLabel.self, WireFixtures.v4List)
        #expect(response.results[0].toObjectId == "104901")
        #expect(response.results[0].associatedRecords == [AssociatedRecord(id: "104901", typeId: 194), AssociatedRecord(id: "104901", typeId: 7)])
        #expect(response.nextAfter == "MTA0OTAx")
        let grouped = MultiAssociatedObjectWithLabel.grouped([AssociatedRecord(id: "1", typeId: 194), AssociatedRecord(id: "2", typeId: 194), AssociatedRecord(id: "1", typeId: 7)])
        #expect(grouped.map(\.toObjectId) == ["1", "2"])
        #expect(grouped[0].associationTypes.map(\.typeId) == [194, 7])
    }

    @Test func unlabelledTypesEncodeAnExplicitNullLabel() {
        let json = String(decoding: WireJSON.data(AssociationSpecWithLabel(typeId: 194)), as: UTF8.self)
        #expect(json == #"{"category":"HUBSPOT_DEFINED","label":null,"typeId":194}"#)
    }

    @Test func v4BatchArchiveAcceptsOneTargetOrMany() throws {
        let many = try WireFixtures.decode(BatchInput<PublicAssociationMultiArchive>.self, #"{"inputs":[{"from":{"id":"1"},"to":[{"id":"2"},{"id":3}]}]}"#)
        #expect(many.inputs[0].to.map(\.id) == ["2", "3"])
        let one = try WireFixtures.decode(BatchInput<PublicAssociationMultiArchive>.self, #"{"inputs":[{"from":{"id":"1"},"to":{"id":"2"}}]}"#)
        #expect(one.inputs[0].to.map(\.id) == ["2"])
    }

    @Test func ownerIdsBeyond32BitsStayStrings() throws {
        let owner = try WireFixtures.decode(PublicOwner.self, WireFixtures.owner).owner
        #expect(owner.id == "11349275740")
        #expect(owner.userId == 9001)
        #expect(owner.displayName == "Ana Rep")
    }

    @Test func propertyDecodesLenientlyAndMapsToADefinition() throws {
        let definition = try WireFixtures.decode(Property.self, WireFixtures.property).propertyDefinition
        #expect(definition.type == .enumeration)
        #expect(definition.options.map(\.value) == ["COMPLETED", "MISSED"])
        #expect(definition.options[1].displayOrder == 1)
        #expect(definition.hubspotDefined)
        let back = Property(definition)
        #expect(back.modificationMetadata?.readOnlyValue == false)
        #expect(back.propertyDefinition == definition)
    }

    @Test func dispositionsAreABareArray() throws {
        let outcomes = try WireFixtures.decode([Disposition].self, WireFixtures.dispositions).map(\.outcome)
        #expect(outcomes.map(\.label) == ["Connected", "Left voicemail"])
        #expect(outcomes.allSatisfy { $0.isDefault })
    }
}
