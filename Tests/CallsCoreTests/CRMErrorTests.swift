import CallsCore
import Foundation
import Testing

@Suite struct CRMErrorTests {
    @Test func decodesHubSpotsValidationBody() {
        let body = """
        { "status": "error", "message": "Error creating CALL. Some required properties were not set.",
          "correlationId": "aeb5f871-7f07-4993-9211-075dc63e7cbf", "category": "VALIDATION_ERROR",
          "context": { "properties": ["hs_timestamp"] }, "links": {"docs": "https://example.com"},
          "errors": [ {"message": "hs_timestamp is required", "code": "REQUIRED", "context": {"propertyName": ["hs_timestamp"]}} ] }
        """
        let error = CRMError.decode(status: 400, body: Data(body.utf8))
        #expect(error.kind == .validation)
        #expect(error.status == 400)
        #expect(error.message == "Error creating CALL. Some required properties were not set.")
        #expect(error.correlationId == "aeb5f871-7f07-4993-9211-075dc63e7cbf")
        #expect(error.category == "VALIDATION_ERROR")
        #expect(error.context == ["properties": ["hs_timestamp"]])
        #expect(error.errors == [CRMError.Detail(message: "hs_timestamp is required", code: "REQUIRED", context: ["propertyName": ["hs_timestamp"]])])
        #expect(error.description.contains("aeb5f871-7f07-4993-9211-075dc63e7cbf"))
    }

    @Test func decodesARateLimitBodyThatUsesErrorType() {
        let body = """
        { "status": "error", "message": "You have reached your ten_secondly_rolling limit.", "errorType": "RATE_LIMIT",
          "correlationId": "c93e06a4-7d61-4c3e-b63f-edf486fc6e90", "policyName": "TEN_SECONDLY_ROLLING", "groupName": "publicapi:x:1" }
        """
        let error = CRMError.decode(status: 429, body: Data(body.utf8), retryAfter: 2)
        #expect(error.kind == .rateLimited)
        #expect(error.category == "RATE_LIMIT")
        #expect(error.policyName == "TEN_SECONDLY_ROLLING")
        #expect(error.retryAfter == 2)
    }

    @Test func acceptsCategoryAsAnObjectAndMissingFields() {
        let error = CRMError.decode(status: 404, body: Data(#"{"category": {"name": "OBJECT_NOT_FOUND", "httpStatus": "NOT_FOUND"}}"#.utf8), correlationIdHeader: "hdr-id")
        #expect(error.kind == .notFound)
        #expect(error.category == "OBJECT_NOT_FOUND")
        #expect(error.correlationId == "hdr-id")
        #expect(error.message == "Not found")
    }

    @Test func survivesANonJSONBody() {
        let error = CRMError.decode(status: 502, body: Data("<html>Bad gateway</html>".utf8))
        #expect(error.kind == .server)
        #expect(error.message == "<html>Bad gateway</html>")
        #expect(CRMError.decode(status: 503, body: Data()).message == "Service unavailable")
    }

    @Test func statusesMapToKinds() {
        #expect(CRMError.kind(status: 401, category: nil) == .unauthorized)
        #expect(CRMError.kind(status: 409, category: nil) == .conflict)
        #expect(CRMError.kind(status: 200, category: "OBJECT_NOT_FOUND") == .notFound)
        #expect(CRMError.notFound(.calls, id: "7").httpStatus == 404)
    }
}
