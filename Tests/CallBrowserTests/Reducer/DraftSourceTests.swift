@testable import CallBrowser
import CallsCore
import Foundation
import Testing

/// A draft is restored only onto the call it was written for (QA4 Q4-4: a draft from one
/// database opened on, and saved over, the call with the same id in another), and a
/// restored quick-log draft names its record (QA4 Q4-6).
@Suite struct DraftSourceTests {
    struct Folder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hubcalls-draftsrc-\(UUID().uuidString)")
        init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        func remove() { try? FileManager.default.removeItem(at: url) }
        var draft: URL { url.appendingPathComponent("draft.json") }
        func files() -> [String] { (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [] }
    }

    static func write(_ draft: FormDraft, to url: URL) throws {
        try JSONEncoder().encode(draft).write(to: url)
    }

    @Test func aDraftWhoseCallHasChangedIsSetAsideNotRestored() async throws {
        let folder = try Folder()
        defer { folder.remove() }
        // Written for a call titled otherwise: another database's 1002, or 1002 since edited.
        let draft = FormDraft(kind: .edit(callID: "1002"), values: [CallProperty.title: "Callback requested DRAFTX"], originals: [CallProperty.title: "Callback requested by Björn Patel"])
        try Self.write(draft, to: folder.draft)
        var d = TestDriver(service: FakeCRMService(callCount: 5), draftURL: folder.draft)
        await d.start()
        #expect(d.state.modal == nil)
        #expect(await d.service.property(CallProperty.title, of: .calls, id: "1002") == "Call 3 Follow-up")
        let message = d.state.status.message?.text ?? ""
        #expect(message.contains("Did not restore the draft for “Call 3 Follow-up”"), "\(message)")
        #expect(message.contains("Call title"))
        // Kept, under a name that is not offered again.
        #expect(!FileManager.default.fileExists(atPath: folder.draft.path))
        let aside = try #require(folder.files().first { $0.hasPrefix("draft.conflict-") && $0.hasSuffix(".json") })
        #expect(message.contains(aside))
        #expect(DraftFile.load(folder.url.appendingPathComponent(aside)) == draft)
    }

    @Test func aDraftAsItsCallStillIsIsRestored() async throws {
        let folder = try Folder()
        defer { folder.remove() }
        try Self.write(FormDraft(kind: .edit(callID: "1002"), values: [CallProperty.title: "Call 3 Follow-up ZZZ"], originals: [CallProperty.title: "Call 3 Follow-up"]), to: folder.draft)
        var d = TestDriver(service: FakeCRMService(callCount: 5), draftURL: folder.draft, draftSource: "local:/a/calls.sqlite")
        await d.start()
        #expect(d.state.openForm?.fields.first { $0.name == CallProperty.title }?.value == "Call 3 Follow-up ZZZ")
    }

    @Test func aDraftOfAnotherSourceIsNotOfferedAndStaysOnDisk() async throws {
        let folder = try Folder()
        defer { folder.remove() }
        let draft = FormDraft(kind: .edit(callID: "1002"), values: [CallProperty.title: "Call 3 Follow-up ZZZ"], originals: [CallProperty.title: "Call 3 Follow-up"], source: "local:/b/calls.sqlite")
        try Self.write(draft, to: folder.draft)
        var d = TestDriver(service: FakeCRMService(callCount: 5), draftURL: folder.draft, draftSource: "local:/a/calls.sqlite")
        await d.start()
        #expect(d.state.modal == nil)
        #expect(DraftFile.load(folder.draft) == draft)
    }

    @Test func theDraftNamesItsSourceAndIsReadableByItsOwnerAlone() async throws {
        let folder = try Folder()
        defer { folder.remove() }
        var d = TestDriver(service: FakeCRMService(callCount: 5), draftURL: folder.draft, draftSource: "local:/a/calls.sqlite")
        await d.start()
        await d.press("e")
        await d.type("x")
        #expect(DraftFile.load(folder.draft)?.source == "local:/a/calls.sqlite")
        let mode = try FileManager.default.attributesOfItem(atPath: folder.draft.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func eachSourceHasItsOwnDraftFile() {
        let state = URL(fileURLWithPath: "/s")
        let a = DraftFile.url(stateDirectory: state, source: "local:/home/a/calls.sqlite")
        let b = DraftFile.url(stateDirectory: state, source: "local:/home/b/calls.sqlite")
        let h = DraftFile.url(stateDirectory: state, source: "hubspot:https://api.hubapi.com")
        #expect(a != b)
        #expect(a.path.hasPrefix("/s/hubcalls/drafts/local-calls.sqlite-"))
        #expect(h.path.hasPrefix("/s/hubcalls/drafts/hubspot-api.hubapi.com-"))
        #expect(a == DraftFile.url(stateDirectory: state, source: "local:/home/a/calls.sqlite"))
    }

    @Test func aRestoredQuickLogNamesItsRecord() async throws {
        let folder = try Folder()
        defer { folder.remove() }
        // Written by a quick-log opened on a call whose contact is Eva Novak.
        var first = TestDriver(service: FakeCRMService(callCount: 5), draftURL: folder.draft)
        await first.start()
        await first.press("c")
        let record = try #require(first.state.openForm?.fields.first { $0.name == FormBuilder.recordField })
        #expect(record.displayValue.hasPrefix("Contact: "))
        await first.press("<Tab>", "<Tab>")
        await first.type("x")
        #expect(DraftFile.load(folder.draft)?.kind == .quickLog)
        // The next start has no call selected when the draft comes back.
        var next = TestDriver(service: FakeCRMService(callCount: 0), draftURL: folder.draft)
        await next.start()
        let restored = try #require(next.state.openForm?.fields.first { $0.name == FormBuilder.recordField })
        #expect(restored.value == record.value)
        #expect(restored.displayValue == record.displayValue)
    }

    // MARK: - A draft whose call cannot be loaded, or was saved after all

    @Test func aDraftSurvivesAStartWhenItsCallCannotBeLoadedAndRIsRestoresIt() async throws {
        let folder = try Folder()
        defer { folder.remove() }
        let draft = FormDraft(kind: .edit(callID: "1002"), values: [CallProperty.title: "Call 3 Follow-up OFFLINE"], originals: [CallProperty.title: "Call 3 Follow-up"])
        try Self.write(draft, to: folder.draft)
        let service = FakeCRMService(callCount: 5)
        await service.fail("get", with: CRMError(kind: .offline, message: "Cannot reach 127.0.0.1:1 (connection refused)"))
        var d = TestDriver(service: service, draftURL: folder.draft)
        await d.start()
        #expect(d.state.modal == nil)
        #expect(d.state.status.message?.text.contains("The draft is kept") == true)
        #expect(DraftFile.load(folder.draft) == draft)

        await service.heal("get")
        await d.press("R")
        #expect(d.state.openForm?.fields.first { $0.name == CallProperty.title }?.value == "Call 3 Follow-up OFFLINE")
    }

    @Test func aDraftOfACallThatIsGoneIsSetAsideNotDeleted() async throws {
        let folder = try Folder()
        defer { folder.remove() }
        let draft = FormDraft(kind: .edit(callID: "7777"), values: [CallProperty.title: "Gone DRAFT"], originals: [CallProperty.title: "Gone"])
        try Self.write(draft, to: folder.draft)
        var d = TestDriver(service: FakeCRMService(callCount: 5), draftURL: folder.draft)
        await d.start()
        #expect(d.state.modal == nil)
        #expect(d.state.status.message?.text.contains("no longer exists") == true)
        let aside = try #require(folder.files().first { $0.hasPrefix("draft.conflict-") })
        #expect(DraftFile.load(folder.url.appendingPathComponent(aside)) == draft)
    }

    @Test func aDraftWhoseSaveWentThroughIsNotOfferedAgain() async throws {
        let folder = try Folder()
        defer { folder.remove() }
        // The save landed while the app was closing: the call has the draft's title.
        let service = FakeCRMService(callCount: 5)
        _ = try await service.update(.calls, id: "1002", properties: [CallProperty.title: "Call 3 Follow-up INFLIGHT"])
        try Self.write(FormDraft(kind: .edit(callID: "1002"), values: [CallProperty.title: "Call 3 Follow-up INFLIGHT"], originals: [CallProperty.title: "Call 3 Follow-up"]), to: folder.draft)
        var d = TestDriver(service: service, draftURL: folder.draft)
        await d.start()
        #expect(d.state.modal == nil)
        #expect(d.state.status.message?.text.contains("had been saved") == true)
        #expect(!FileManager.default.fileExists(atPath: folder.draft.path))
        #expect(folder.files().isEmpty)
    }
}
