@testable import CallBrowser
import CallsCore
import Foundation
import Testing

/// Between `/text Enter` and the new results the title bar must not pair the new filter with
/// the old count (QA4 Q4-19): the count says it is searching until the rows are replaced.
@Suite struct FilterHeaderTests {
    @Test func theTitleSaysSearchingUntilTheNewResultsArrive() async {
        var d = TestDriver(columns: 120, rows: 40)
        await d.start()
        #expect(d.screen[0].contains("12 calls"))
        await d.press("/")
        await d.type("Pricing")
        let effects = reduce(&d.state, .key("<Enter>"))
        let waiting = d.screen[0]
        #expect(!waiting.contains("12 calls"), "\(waiting)")
        #expect(waiting.contains("searching…"), "\(waiting)")
        #expect(waiting.contains("filter: Pricing"))
        await d.sendAll(effects)
        let done = d.screen[0]
        #expect(done.contains(" 3 calls"), "\(done)")
        #expect(!done.contains("searching"))
    }
}
