import CallsCore
import Foundation
import Testing

/// Dates whose parts do not exist are refused with the part named, never rolled over to
/// another day (QA4 Q4-17: `2026-11-31` was stored as December 1st).
@Suite struct ImpossibleDateTests {
    @Test(arguments: [
        ("2026-02-30T10:00:00Z", "February has 28 days in 2026"),
        ("2026-11-31T10:00:00Z", "November has 30 days"),
        ("2026-11-26T25:00:00Z", "hour 25 is not 0–23"),
        ("2026-11-26T24:00:00Z", "hour 24 is not 0–23"),
        ("2026-11-26T10:61:00Z", "minute 61 is not 0–59"),
        ("2026-11-26T10:00:60Z", "second 60 is not 0–59"),
        ("2026-06-31", "June has 30 days"),
    ])
    func anImpossibleISODateNamesTheBadPart(text: String, why: String) {
        #expect(HubSpotTimestamp.parse(text) == nil)
        #expect(CallValidation.timestampIssue(text)?.message == "hs_timestamp \"\(text)\" is no such date: \(why)")
    }

    @Test func theLastDayOfAMonthAndALeapDayAreAccepted() {
        #expect(HubSpotTimestamp.parse("2024-02-29T23:59:59Z") == Date(timeIntervalSince1970: 1_709_251_199))
        #expect(HubSpotTimestamp.parse("2026-11-30T10:00:00Z") != nil)
        #expect(HubSpotTimestamp.parse("2000-02-29") != nil)
        #expect(HubSpotTimestamp.parse("1900-02-29") == nil)
    }

    @Test func theValidationMessageSaysWhichPartIsWrong() {
        let issue = CallValidation.timestampIssue("2026-11-31T10:00:00Z")
        #expect(issue?.code == "INVALID_DATE")
        #expect(issue?.message == "hs_timestamp \"2026-11-31T10:00:00Z\" is no such date: November has 30 days")
    }

    @Test func aMonthPast12IsStillNoDateAtAll() {
        #expect(HubSpotTimestamp.parse("2026-13-01T10:00:00Z") == nil)
        #expect(CallValidation.timestampIssue("2026-13-01T10:00:00Z")?.message.contains("is not epoch milliseconds or an ISO-8601 date") == true)
    }
}
