@testable import CallBrowser
import CallsCore
import Foundation
import Testing

/// A restored edit draft opens on its call: the list's cursor and the side pane are on the
/// call the form edits (QA3 R11).
@Suite struct DraftSelectionTests {
    @Test func aRestoredDraftForAnotherCallSelectsThatCall() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hubcalls-draftsel-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("draft.json")
        let draft = FormDraft(kind: .edit(callID: "1002"), values: [CallProperty.title: "Call 3 Follow-up ZZZ"], originals: [CallProperty.title: "Call 3 Follow-up"])
        try JSONEncoder().encode(draft).write(to: url)
        var d = TestDriver(service: FakeCRMService(callCount: 5), draftURL: url)
        await d.start()
        #expect(d.state.openForm?.kind == .edit(callID: "1002"))
        #expect(d.state.list.selected?.id == "1002")
        #expect(d.state.detail.detail?.call.id == "1002")
    }
}
