import CallsCore
import Foundation
import Testing

@Suite struct CallValidationTests {
    private let valid = ["hs_timestamp": "2025-05-02T14:00:00Z"]

    private func codes(_ properties: [String: String], creating: Bool = true) -> [String: String] {
        Dictionary(CallValidation.validate(properties, creating: creating).map { ($0.property, $0.code) }, uniquingKeysWith: { a, _ in a })
    }

    @Test func aCreateNeedsATimestamp() {
        #expect(codes([:]) == ["hs_timestamp": "REQUIRED"])
        #expect(codes(["hs_timestamp": ""]) == ["hs_timestamp": "REQUIRED"])
    }

    @Test func anUpdateMayOmitTheTimestampButNotClearIt() {
        #expect(codes(["hs_call_title": "x"], creating: false).isEmpty)
        #expect(codes(["hs_timestamp": ""], creating: false) == ["hs_timestamp": "REQUIRED"])
    }

    @Test func millisecondsAndISOTimestampsAreAccepted() {
        #expect(codes(["hs_timestamp": "1714521600000"]).isEmpty)
        #expect(codes(["hs_timestamp": "2025-05-02T14:00:00.123Z"]).isEmpty)
        #expect(codes(["hs_timestamp": "2025-05-02T16:00:00+02:00"]).isEmpty)
    }

    @Test func tenDigitSecondsAreRejectedWithAMessageThatSaysSo() throws {
        let issues = CallValidation.validate(["hs_timestamp": "1714521600"], creating: true)
        let issue = try #require(issues.first)
        #expect(issue.code == "INVALID_DATE")
        #expect(issue.message.contains("seconds"))
        #expect(issue.message.contains("1714521600000"))
    }

    @Test func garbageTimestampsAreRejected() {
        #expect(codes(["hs_timestamp": "yesterday"]) == ["hs_timestamp": "INVALID_DATE"])
        #expect(codes(["hs_timestamp": "2025-13-01T00:00:00Z"]) == ["hs_timestamp": "INVALID_DATE"])
    }

    @Test func recordingURLMustBeHTTPS() {
        #expect(codes(valid.merging(["hs_call_recording_url": "http://example.com/a.mp3"]) { $1 }) == ["hs_call_recording_url": "INVALID_URL"])
        #expect(codes(valid.merging(["hs_call_recording_url": "javascript:alert(1)"]) { $1 }) == ["hs_call_recording_url": "INVALID_URL"])
        #expect(codes(valid.merging(["hs_call_recording_url": "https://example.com/a.mp3"]) { $1 }).isEmpty)
    }

    @Test func callSourceMayOnlyBeIntegrationsPlatform() {
        #expect(codes(valid.merging(["hs_call_source": "BROWSER"]) { $1 }) == ["hs_call_source": "INVALID_OPTION"])
        #expect(codes(valid.merging(["hs_call_source": "INTEGRATIONS_PLATFORM"]) { $1 }).isEmpty)
    }

    @Test func durationMustBeANonNegativeNumber() {
        #expect(codes(valid.merging(["hs_call_duration": "-1"]) { $1 }) == ["hs_call_duration": "INVALID_NUMBER"])
        #expect(codes(valid.merging(["hs_call_duration": "ten"]) { $1 }) == ["hs_call_duration": "INVALID_NUMBER"])
        #expect(codes(valid.merging(["hs_call_duration": "184000"]) { $1 }).isEmpty)
    }

    @Test func enumerationValuesAreChecked() {
        #expect(codes(valid.merging(["hs_call_status": "PARTYING"]) { $1 }) == ["hs_call_status": "INVALID_OPTION"])
        #expect(codes(valid.merging(["hs_call_direction": "UP"]) { $1 }) == ["hs_call_direction": "INVALID_OPTION"])
        #expect(codes(valid.merging(["hs_call_has_voicemail": "maybe"]) { $1 }) == ["hs_call_has_voicemail": "INVALID_OPTION"])
    }

    @Test func issuesBecomeAHubSpotShapedValidationError() throws {
        let missing = try #require(CallValidation.error(for: CallValidation.validate([:], creating: true)))
        #expect(missing.status == 400)
        #expect(missing.category == "VALIDATION_ERROR")
        #expect(missing.message == "Error creating CALL. Some required properties were not set.")
        #expect(missing.context["properties"] == ["hs_timestamp"])
        let bad = try #require(CallValidation.error(for: CallValidation.validate(valid.merging(["hs_call_source": "X"]) { $1 }, creating: true)))
        #expect(bad.message.hasPrefix("Property values were not valid: "))
        #expect(bad.message.contains("INVALID_OPTION"))
        #expect(CallValidation.error(for: []) == nil)
    }
}

@Suite struct HubSpotTimestampTests {
    @Test func formatsWithMillisecondsAndZ() {
        #expect(HubSpotTimestamp.format(Date(timeIntervalSince1970: 1_746_194_400.5)) == "2025-05-02T14:00:00.500Z")
        #expect(HubSpotTimestamp.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
    }

    @Test func parseAndFormatRoundTrip() {
        for seconds in stride(from: 0.0, to: 4_000_000_000, by: 123_456_789.123) {
            let date = Date(timeIntervalSince1970: (seconds * 1000).rounded(.down) / 1000)
            #expect(HubSpotTimestamp.parse(HubSpotTimestamp.format(date)) == date)
        }
    }

    @Test func parsesOffsetsFractionsAndMilliseconds() {
        let expected = Date(timeIntervalSince1970: 1_746_194_400)
        #expect(HubSpotTimestamp.parse("2025-05-02T16:00:00+02:00") == expected)
        #expect(HubSpotTimestamp.parse("2025-05-02T14:00:00Z") == expected)
        #expect(HubSpotTimestamp.parse("2025-05-02T14:00:00.000000Z") == expected)
        #expect(HubSpotTimestamp.parse("1746194400000") == expected)
        #expect(HubSpotTimestamp.parse("2025-05-02") == Date(timeIntervalSince1970: 1_746_144_000))
    }

    @Test func rejectsSecondsAndNonsense() {
        #expect(HubSpotTimestamp.parse("1746194400") == nil)
        #expect(HubSpotTimestamp.parse("") == nil)
        #expect(HubSpotTimestamp.parse("2025-05-02T14:00:00Zjunk") == nil)
        #expect(HubSpotTimestamp.validate("1746194400") == .failure(.init(problem: .seconds)))
    }
}
