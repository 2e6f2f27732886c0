@testable import CallBrowser
import Foundation
import Testing

/// The README's `keys` section is generated (`hubcalls keys --markdown`); a stale copy fails.
@Suite struct ReadmeKeysTests {
    static let readme = KeymapDefaultsTests.repoRoot.appendingPathComponent("README.md")
    static let start = "<!-- section: keys -->\n"
    static let end = "<!-- /section: keys -->"

    @Test func theReadmeKeyTableIsTheGeneratedOne() throws {
        var text = try String(contentsOf: Self.readme, encoding: .utf8)
        guard let open = text.range(of: Self.start), let close = text.range(of: Self.end, range: open.upperBound..<text.endIndex) else {
            Issue.record("README has no keys section")
            return
        }
        let generated = KeyReference.markdown(BrowserKeymap.load().bindings)
        if ProcessInfo.processInfo.environment["UPDATE_SNAPSHOTS"] == "1" {
            text.replaceSubrange(open.upperBound..<close.lowerBound, with: generated)
            try text.write(to: Self.readme, atomically: true, encoding: .utf8)
            return
        }
        #expect(String(text[open.upperBound..<close.lowerBound]) == generated, "README keys section is stale: run UPDATE_SNAPSHOTS=1 swift test --filter ReadmeKeysTests")
    }

    @Test func theMarkdownNamesEveryActionAndExplainsTheBadges() {
        let markdown = KeyReference.markdown(Bindings.defaults)
        for action in Action.allCases { #expect(markdown.contains("`\(ActionTable.configName(of: action))`")) }
        #expect(markdown.contains("Missed call; the caller left a voicemail"))
        #expect(markdown.contains("display-popup -E -w 80% -h 60% 'hubcalls log --interactive'"))
    }
}
