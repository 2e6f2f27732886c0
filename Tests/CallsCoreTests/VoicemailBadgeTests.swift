import CallsCore
import Foundation
import Testing

@Suite struct VoicemailBadgeTests {
    private func call(_ properties: [String: String?]) -> Call {
        Call(CRMObject(id: "1", properties: properties, createdAt: Date(timeIntervalSince1970: 0), updatedAt: Date(timeIntervalSince1970: 0)))
    }

    @Test func missedWithVoicemailIsAVoicemail() {
        #expect(call(["hs_call_status": "MISSED", "hs_call_has_voicemail": "true"]).badge == .voicemail)
    }

    @Test func missedWithoutVoicemailIsMissed() {
        #expect(call(["hs_call_status": "MISSED", "hs_call_has_voicemail": "false"]).badge == .missed)
    }

    @Test func lowercaseMissedIsStillMissed() {
        #expect(call(["hs_call_status": "missed", "hs_call_has_voicemail": "TRUE"]).badge == .voicemail)
        #expect(call(["hs_call_status": "Missed", "hs_call_has_voicemail": "false"]).badge == .missed)
    }

    @Test func otherStatusWithRecordingIsRecorded() {
        #expect(call(["hs_call_status": "COMPLETED", "hs_call_recording_url": "https://example.com/a.mp3"]).badge == .recorded)
    }

    @Test func missedWithNullOrAbsentVoicemailFlagIsMissed() {
        #expect(call(["hs_call_status": "MISSED", "hs_call_has_voicemail": nil]).badge == .missed)
        #expect(call(["hs_call_status": "MISSED"]).badge == .missed)
    }

    @Test func otherStatusWithoutRecordingHasNoBadge() {
        #expect(call(["hs_call_status": "COMPLETED", "hs_call_has_voicemail": nil, "hs_call_recording_url": nil]).badge == nil)
        #expect(call(["hs_call_status": "COMPLETED", "hs_call_recording_url": ""]).badge == nil)
        #expect(call([:]).badge == nil)
    }

    @Test func voicemailFlagOnAnotherStatusIsIgnored() {
        #expect(call(["hs_call_status": "COMPLETED", "hs_call_has_voicemail": "true"]).badge == nil)
    }

    @Test func absentStatusWithRecordingIsRecorded() {
        #expect(call(["hs_call_recording_url": "https://example.com/r.wav"]).badge == .recorded)
    }

    @Test func everyBadgeExplainsItself() {
        let meanings = Set(VoicemailBadge.allCases.map(\.meaning))
        #expect(meanings.count == VoicemailBadge.allCases.count)
    }
}
