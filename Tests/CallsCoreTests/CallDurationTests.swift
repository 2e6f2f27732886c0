import CallsCore
import Testing

/// Durations as people type them, read the same way by `hubcalls log` and the forms (QA2 Q10).
@Suite struct CallDurationTests {
    @Test(arguments: [
        ("90s", 90_000), ("5m", 300_000), ("1m30s", 90_000), ("1h 5m", 3_900_000), ("1H30M", 5_400_000),
        ("1:30", 90_000), ("01:02:03", 3_723_000), ("0:00:07", 7_000), ("1.5h", 5_400_000), ("250ms", 250),
        ("2 min", 120_000), ("3 hours 2 seconds", 10_802_000), (" 45s ", 45_000), ("90000", 90_000), ("0", 0),
        ("1h  5m", 3_900_000), ("1 h 5 m", 3_900_000),
    ])
    func readsTheFormsItsHelpPromises(text: String, milliseconds: Int) {
        #expect(CallDuration.milliseconds(text) == milliseconds)
    }

    @Test(arguments: ["", "abc", "5x", "1h30", "1:60", "1:2:3:4", ":30", "1:", "-5", "-5s", "1 30", "1..5h",
                      "1 5m", "1. 5h", "1 .5h", "2 1h 30m", "1h 2 3m",
                      "99999999999999999999", "9999999999999:00:00", "99999999999999h", "١٢٣"])
    func refusesWhatIsNotADuration(text: String) {
        #expect(CallDuration.milliseconds(text) == nil)
    }

    /// Dropping every space read `1 5m` as 15 minutes: a space may part groups, not a number.
    @Test(arguments: [("1 5m", "1 5"), ("1h 2 30s", "2 30"), ("1.5 5h", "1.5 5")])
    func aSpaceInsideANumberIsRefusedWithAMessageNamingIt(text: String, split: String) {
        let error = #expect(throws: CallDuration.Invalid.self) { try CallDuration.parse(text) }
        #expect(error?.message.contains("A space splits the number \(split)") == true)
        #expect(error?.message.contains(CallDuration.examples) == true)
    }

    @Test func aRefusalNeverQuotesTheTypedTextItself() {
        let escape = #expect(throws: CallDuration.Invalid.self) { try CallDuration.parse("5\u{1B}[2Jm") }
        #expect(escape?.message.contains("\u{1B}") == false)
        let foreignUnit = #expect(throws: CallDuration.Invalid.self) { try CallDuration.parse("5ᏗᏗ") }
        #expect(foreignUnit?.message.hasPrefix("Unknown unit:") == true)
        #expect(foreignUnit?.message.contains("Ꮧ") == false)
    }

    @Test func theShownFormReadsBackToTheSameWholeSeconds() {
        for milliseconds in [0, 7_000, 90_000, 3_723_000, 36_000_000] {
            #expect(CallDuration.milliseconds(CallDuration.format(milliseconds: milliseconds)) == milliseconds)
        }
        #expect(CallDuration.format(milliseconds: 90_000) == "0:01:30")
    }
}
