@testable import CallBrowser
import CallsCore
import Foundation
import Testing

/// `hubcalls log --interactive` cannot restore an edit draft (it has no list, no call to edit):
/// it opens the quick-log form at once and leaves the draft on disk for the browser
/// (QA4 Q4-15: a blank screen, then saving a quick-log deleted the other call's unsaved edit).
@Suite struct QuickLogKeepsEditDraftTests {
    struct Folder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hubcalls-qlkeep-\(UUID().uuidString)")
        init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        func remove() { try? FileManager.default.removeItem(at: url) }
        var draft: URL { url.appendingPathComponent("draft.json") }
    }

    static let editDraft = FormDraft(kind: .edit(callID: "1002"), values: [CallProperty.title: "Call 3 Follow-up KEEPME"], originals: [CallProperty.title: "Call 3 Follow-up"])

    /// A popup started over a pending edit draft, the quick-log form typed into.
    static func popup(_ folder: Folder) async throws -> TestDriver {
        try JSONEncoder().encode(editDraft).write(to: folder.draft)
        var d = TestDriver(columns: 80, rows: 24, service: FakeCRMService(callCount: 5), draftURL: folder.draft)
        d.state.quickLogOnly = true
        await d.start()
        #expect(d.state.openForm?.kind == .quickLog, "the quick-log form opens at once")
        await d.press("<Tab>", "<Tab>")
        await d.type("typed")
        #expect(DraftFile.load(folder.draft) == editDraft, "typing does not write over the edit draft")
        return d
    }

    @Test func savingTheQuickLogLeavesThePendingEditDraft() async throws {
        let folder = try Folder()
        defer { folder.remove() }
        var d = try await Self.popup(folder)
        await d.press("<C-s>")
        #expect(d.quit)
        #expect(d.effects.contains { if case .createCall = $0 { true } else { false } })
        #expect(DraftFile.load(folder.draft) == Self.editDraft)
        #expect(await d.service.property(CallProperty.title, of: .calls, id: "1002") == "Call 3 Follow-up")
    }

    @Test func discardingOrClosingTheQuickLogLeavesThePendingEditDraft() async throws {
        let folder = try Folder()
        defer { folder.remove() }
        var discarded = try await Self.popup(folder)
        await discarded.press("<Esc>", "y")
        #expect(discarded.quit)
        #expect(DraftFile.load(folder.draft) == Self.editDraft)

        var closed = try await Self.popup(folder)
        await closed.send(.terminationRequested)
        #expect(closed.quit)
        #expect(DraftFile.load(folder.draft) == Self.editDraft)
    }
}
