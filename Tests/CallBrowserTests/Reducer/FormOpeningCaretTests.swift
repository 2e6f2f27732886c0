@testable import CallBrowser
import CallsCore
import Foundation
import Testing

/// A form opens showing each field's text from its start: the caret starts at the end only
/// when the whole text is visible from there (QA3 R4).
@Suite struct FormOpeningCaretTests {
    static let longNotes = """
        Quick sync with Lukas Johnson on open action items.

        Asked about data residency in the EU and whether backups leave the region.

        Follow up next week with the security whitepaper and the DPA draft.
        """

    func editForm(notes: String, title: String? = nil, columns: Int = 120) async -> TestDriver {
        let service = FakeCRMService(callCount: 3)
        var properties = [CallProperty.body: notes]
        if let title { properties[CallProperty.title] = title }
        _ = try? await service.update(.calls, id: "1000", properties: properties)
        var d = TestDriver(columns: columns, rows: 40, service: service)
        await d.start()
        await d.press("e")
        return d
    }

    @Test func longNotesOpenAtTheirFirstLine() async {
        let d = await editForm(notes: Self.longNotes)
        let notes = d.state.openForm?.field(CallProperty.body)
        #expect(notes?.value == Self.longNotes)
        #expect(notes?.caret == 0)
        #expect(d.screen.contains { $0.contains("Call notes") && $0.contains("Quick sync with Lukas") })
    }

    @Test func notesThatFitOpenWithTheCaretAtTheirEndToAppend() async {
        let d = await editForm(notes: "Short note.\nSecond line.")
        let notes = d.state.openForm?.field(CallProperty.body)
        #expect(notes?.caret == "Short note.\nSecond line.".count)
    }

    @Test func aTitleWiderThanItsFieldOpensAtItsStart() async {
        let title = "Quarterly review with the whole procurement team about the renewal terms and the new SLA"
        let d = await editForm(notes: "n", title: title, columns: 80)
        #expect(d.state.openForm?.field(CallProperty.title)?.caret == 0)
        #expect(d.state.openForm?.field(CallProperty.body)?.caret == 1)
    }

    @Test func aRestoredDraftWithLongNotesOpensAtTheirFirstLine() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hubcalls-caret-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("draft.json")
        let draft = FormDraft(kind: .edit(callID: "1000"), values: [CallProperty.body: Self.longNotes + " ZZZ"], originals: [CallProperty.body: Self.longNotes])
        try JSONEncoder().encode(draft).write(to: url)
        // The call as the draft's form found it: a draft of a call changed since is not restored.
        let service = FakeCRMService(callCount: 3)
        _ = try await service.update(.calls, id: "1000", properties: [CallProperty.body: Self.longNotes])
        var d = TestDriver(service: service, draftURL: url)
        await d.start()
        #expect(d.state.openForm?.field(CallProperty.body)?.value == Self.longNotes + " ZZZ")
        #expect(d.state.openForm?.field(CallProperty.body)?.caret == 0)
    }
}
