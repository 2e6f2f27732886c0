import CallsCore
import Foundation
import Testing
@testable import LocalStore

@Suite struct TextHelpersTests {
    @Test("The body preview is plain text, whitespace folded, at most 200 characters")
    func preview() {
        #expect(BodyPreview.make("<p>Hello&nbsp;there</p><p>Second &amp; last</p>") == "Hello there Second & last")
        #expect(BodyPreview.make("  a\n\n\tb  ") == "a b")
        let long = String(repeating: "word ", count: 100)
        #expect(BodyPreview.make(long).count == 199)
        #expect(BodyPreview.make(String(repeating: "字", count: 500)).count == 200)
        #expect(BodyPreview.make("5 < 6 and a <b>bold</b> move") == "5 < 6 and a bold move")
    }

    @Test("CONTAINS_TOKEN matches words with * wildcards, ignoring case")
    func tokens() {
        #expect(TokenMatcher.contains(text: "Renewal check-in", pattern: "renewal"))
        #expect(TokenMatcher.contains(text: "Renewal check-in", pattern: "CHECK"))
        #expect(TokenMatcher.contains(text: "Renewal check-in", pattern: "ren*"))
        #expect(TokenMatcher.contains(text: "Renewal check-in", pattern: "*al"))
        #expect(TokenMatcher.contains(text: "Renewal check-in", pattern: "r*w*l"))
        #expect(!TokenMatcher.contains(text: "Renewal check-in", pattern: "new"))
        #expect(TokenMatcher.contains(text: "Renewal check-in", pattern: "check in"))
        #expect(!TokenMatcher.contains(text: "Renewal", pattern: ""))
    }

    @Test("The properties JSON round-trips escapes, controls and every script")
    func flatJSON() {
        let values = [
            "plain": "text", "quote": "say \"hi\" \\ back", "controls": "\u{1B}[31m\u{07}\n\r\t\u{0}",
            "unicode": "東京 🚀 العربية \u{202E}", "empty": "",
        ]
        let json = FlatJSON.encode(values)
        #expect(FlatJSON.decode(json) == values)
        #expect((try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: String] == values)
        #expect(FlatJSON.decode(#"{"a":"\u00e9\ud83d\ude80","b":null,"c":"x"}"#) == ["a": "é🚀", "c": "x"])
        // Not our shape: read through JSONSerialization, keeping the strings.
        #expect(FlatJSON.decode(#"{"n": 1, "s": "x"}"#) == ["s": "x"])
    }

    @Test("Stored timestamps are read back to the same epoch milliseconds as the general parser")
    func timestampFastPath() {
        for text in ["2025-05-02T14:00:00.000Z", "1970-01-01T00:00:00.000Z", "2024-02-29T23:59:59.999Z", "2025-05-02T16:00:00+02:00"] {
            let expected = HubSpotTimestamp.parse(text).map(HubSpotTimestamp.milliseconds)
            #expect(StoredProperties.epochMilliseconds(text) == expected)
        }
        #expect(StoredProperties.epochMilliseconds("garbage") == nil)
    }
}
