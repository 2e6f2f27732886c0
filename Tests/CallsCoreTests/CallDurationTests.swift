import CallsCore
import Testing

/// Durations as people type them, read the same way by `hubcalls log` and the forms (QA2 Q10).
@Suite struct CallDurationTests {
    @Test(arguments: [
        ("90s", 90_000), ("5m", 300_000), ("1m30s", 90_000), ("1h 5m", 3_900_000), ("1H30M", 5_400_000),
        ("1:30", 90_000), ("01:02:03", 3_723_000), ("0:00:07", 7_000), ("1.5h", 5_400_000), ("250ms", 250),
        ("2 min", 120_000), ("3 hours 2 seconds", 10_802_000), (" 45s ", 45_000), ("90000", 90_000), ("0", 0),
    ])
    func readsTheFormsItsHelpPromises(text: String, milliseconds: Int) {
        #expect(CallDuration.milliseconds(text) == milliseconds)
    }

    @Test(arguments: ["", "abc", "5x", "1h30", "1:60", "1:2:3:4", ":30", "1:", "-5", "-5s", "1 30", "1..5h",
                      "99999999999999999999", "9999999999999:00:00", "99999999999999h", "١٢٣"])
    func refusesWhatIsNotADuration(text: String) {
        #expect(CallDuration.milliseconds(text) == nil)
    }

    @Test func theShownFormReadsBackToTheSameWholeSeconds() {
        for milliseconds in [0, 7_000, 90_000, 3_723_000, 36_000_000] {
            #expect(CallDuration.milliseconds(CallDuration.format(milliseconds: milliseconds)) == milliseconds)
        }
        #expect(CallDuration.format(milliseconds: 90_000) == "0:01:30")
    }
}
