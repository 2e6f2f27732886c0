import CallsCore
import Testing

@Suite struct CallStatusTests {
    @Test func allElevenDocumentedStatusesParse() {
        let raw = ["BUSY", "CALLING_CRM_USER", "CANCELED", "COMPLETED", "CONNECTING", "FAILED", "IN_PROGRESS", "MISSED", "NO_ANSWER", "QUEUED", "RINGING"]
        #expect(CallStatus.allCases.count == 11)
        for value in raw {
            let status = CallStatus(value)
            #expect(status.rawValue == value)
            if case .unknown = status { Issue.record("\(value) parsed as unknown") }
        }
    }

    @Test func parsingIgnoresCase() {
        #expect(CallStatus("missed") == .missed)
        #expect(CallStatus("No_Answer") == .noAnswer)
    }

    @Test func unknownValuesAreKeptVerbatim() {
        let status = CallStatus("HOLD")
        #expect(status == .unknown("HOLD"))
        #expect(status.rawValue == "HOLD")
    }

    @Test func labelsReadAsWords() {
        #expect(CallStatus.noAnswer.label == "No answer")
        #expect(CallStatus.callingCRMUser.label == "Calling CRM user")
    }

    @Test func directionParsesCaseInsensitivelyAndKeepsUnknowns() {
        #expect(CallDirection("inbound") == .inbound)
        #expect(CallDirection("OUTBOUND") == .outbound)
        #expect(CallDirection("sideways").rawValue == "sideways")
    }
}
