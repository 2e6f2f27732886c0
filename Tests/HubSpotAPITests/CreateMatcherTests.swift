import CallsCore
import Foundation
import Testing
@testable import HubSpotAPI

@Suite struct CreateMatcherTests {
    private func call(_ id: String, _ properties: [String: String]) -> CRMObject {
        CRMObject(id: id, properties: properties.mapValues { Optional($0) }, createdAt: Date(), updatedAt: Date())
    }

    @Test func aCallMatchesOnItsTimestampAsAnInstantAndItsTitle() {
        let input = ObjectInput(properties: ["hs_timestamp": "1714658400000", "hs_call_title": "Renewal", "hs_call_body": "<p>x</p>"])
        let candidates = [
            call("1", ["hs_timestamp": "2024-05-02T14:00:00.000Z", "hs_call_title": "Other"]),
            call("2", ["hs_timestamp": "2024-05-02T14:00:00.000Z", "hs_call_title": "Renewal"]),
        ]
        #expect(CreateMatcher.match([input], type: .calls, candidates: candidates) == [0: "2"])
    }

    @Test func eachCandidateIsClaimedOnce() {
        let input = ObjectInput(properties: ["hs_timestamp": "1714658400000", "hs_call_title": "Same"])
        let candidates = [call("9", ["hs_timestamp": "1714658400000", "hs_call_title": "Same"])]
        #expect(CreateMatcher.match([input, input], type: .calls, candidates: candidates) == [0: "9"])
    }

    @Test func nothingMatchesWhenAnIdentifyingPropertyDiffers() {
        let input = ObjectInput(properties: ["hs_timestamp": "1714658400000", "hubspot_owner_id": "7"])
        let candidates = [call("1", ["hs_timestamp": "1714658400000", "hubspot_owner_id": "8"])]
        #expect(CreateMatcher.match([input], type: .calls, candidates: candidates).isEmpty)
    }

    @Test func recordsWithoutIdentifyingPropertiesMatchOnAllOfThem() {
        let input = ObjectInput(properties: ["custom": "a"])
        #expect(CreateMatcher.keys(for: input, type: .contacts) == ["custom"])
    }
}
