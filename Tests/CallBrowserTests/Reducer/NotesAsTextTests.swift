@testable import CallBrowser
import CallsCore
import Foundation
import Testing

/// The edit form edits the notes as the text the side pane shows, not as HubSpot's HTML,
/// and saves them back as HTML (QA4 Q4-23).
@Suite struct NotesAsTextTests {
    static let html = "<p>Introductory call; Emma is evaluating three vendors.</p><p>Integration &amp; more.</p>"

    func editing() async throws -> TestDriver {
        let service = FakeCRMService(callCount: 3)
        _ = try await service.update(.calls, id: "1000", properties: [CallProperty.body: Self.html])
        var d = TestDriver(service: service)
        await d.start()
        await d.press("e")
        return d
    }

    @Test func theFormShowsTheNotesAsText() async throws {
        let d = try await editing()
        let notes = try #require(d.state.openForm?.field(CallProperty.body))
        #expect(notes.value == "Introductory call; Emma is evaluating three vendors.\nIntegration & more.")
        #expect(!d.screen.contains { $0.contains("<p>") || $0.contains("&amp;") })
    }

    @Test func aLineTypedInTheNotesIsSavedAsAParagraph() async throws {
        var d = try await editing()
        while d.state.openForm?.focusedField?.name != CallProperty.body { await d.press("<Tab>") }
        // To the end of the last line (the first one wraps), then a new line.
        for _ in 0..<6 where d.state.openForm?.field(CallProperty.body).map({ $0.caret < $0.value.count }) == true {
            await d.press("<C-e>")
            if d.state.openForm?.field(CallProperty.body).map({ $0.caret < $0.value.count }) == true { await d.press("<Down>") }
        }
        #expect(d.state.openForm?.focusedField?.name == CallProperty.body)
        await d.press("<Enter>")
        await d.type("Next: send the <DPA> & pricing")
        await d.press("<C-s>")
        #expect(d.state.modal == nil)
        let saved = await d.service.property(CallProperty.body, of: .calls, id: "1000")
        #expect(saved == "<p>Introductory call; Emma is evaluating three vendors.</p><p>Integration &amp; more.</p><p>Next: send the &lt;DPA&gt; &amp; pricing</p>")
    }

    @Test func notesNotTouchedAreNotSent() async throws {
        var d = try await editing()
        await d.press("<C-u>")
        await d.type("New title")
        await d.press("<C-s>")
        #expect(await d.service.property(CallProperty.body, of: .calls, id: "1000") == Self.html)
        #expect(await d.service.property(CallProperty.title, of: .calls, id: "1000") == "New title")
    }
}
