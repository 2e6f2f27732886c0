@testable import CallBrowser
import CallsCore
import Foundation
import Testing
import TerminalKit

/// Ending the process from outside (terminal closed, SIGTERM): pending deletes are sent, the
/// open form's changes are kept as a draft, and the app waits for its writes before returning.
@Suite struct ShutdownTests {
    @Test func aTerminationRequestSendsPendingDeletesThenQuits() async {
        var d = TestDriver()
        await d.start()
        await d.press("d", "y")
        #expect(await d.service.exists(.calls, "1000"))
        await d.send(.terminationRequested)
        #expect(d.quit)
        #expect(await !d.service.exists(.calls, "1000"))
        #expect(d.state.pendingDeletes.isEmpty)
    }

    @Test func aTerminationRequestKeepsTheOpenFormsChangesAsADraft() async {
        var d = TestDriver()
        await d.start()
        await d.press("e", "<C-u>")
        await d.type("Typed before the terminal closed")
        let before = d.effects.count
        await d.send(.terminationRequested)
        let after = Array(d.effects[before...])
        #expect(after.first.map { if case .saveDraft(let draft) = $0 { draft.values[CallProperty.title] == "Typed before the terminal closed" } else { false } } == true)
        #expect(after.last == .quit)
        #expect(!after.contains(.clearDraft))
    }

    @Test func aTerminationRequestWhileAskingToDiscardKeepsTheFormAsADraft() async {
        var d = TestDriver()
        await d.start()
        await d.press("e")
        await d.type("x")
        await d.press("<Esc>")
        guard case .confirm = d.state.modal else { Issue.record("no confirm"); return }
        let before = d.effects.count
        await d.send(.terminationRequested)
        #expect(d.effects[before...].contains { if case .saveDraft = $0 { true } else { false } })
    }

    @Test func anUnchangedFormWritesNoDraftOnTermination() async {
        var d = TestDriver()
        await d.start()
        await d.press("e")
        let before = d.effects.count
        await d.send(.terminationRequested)
        #expect(Array(d.effects[before...]) == [.quit])
    }
}

/// The app on a memory terminal: the termination event from the backend runs the shutdown,
/// and writes still out when the loop stops are awaited.
@MainActor
@Suite struct BrowserAppShutdownTests {
    @Test func theAppSendsAPendingDeleteBeforeReturningWhenTheTerminalCloses() async {
        var d = TestDriver()
        await d.start()
        await d.press("d", "y")
        let terminal = MemoryTerminal(width: 120, height: 40, hangsUpAfterScript: false)
        terminal.script([.terminationRequested(signal: 1)])
        let app = BrowserApp(terminal: terminal, runner: d.runner)
        app.now = { TestDriver.now }
        let final = await app.run(d.state)
        #expect(await !d.service.exists(.calls, "1000"))
        #expect(final.pendingDeletes.isEmpty)
    }

    @Test func theDraftIsOnDiskWhenTheAppReturns() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hubcalls-shutdown-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("draft.json")
        var d = TestDriver(draftURL: nil)
        await d.start()
        await d.press("e", "<C-u>")
        await d.type("Kept through SIGTERM")
        let terminal = MemoryTerminal(width: 120, height: 40, hangsUpAfterScript: false)
        terminal.script([.terminationRequested(signal: 15)])
        let app = BrowserApp(terminal: terminal, runner: EffectRunner(service: d.service, draftURL: url))
        app.now = { TestDriver.now }
        _ = await app.run(d.state)
        let data = try Data(contentsOf: url)
        let draft = try JSONDecoder().decode(FormDraft.self, from: data)
        #expect(draft.values[CallProperty.title] == "Kept through SIGTERM")
    }

    @Test func pastedTextReachesTheFocusedFieldAsText() async {
        var d = TestDriver()
        await d.start()
        await d.press("e", "<C-u>")
        let terminal = MemoryTerminal(width: 120, height: 40, hangsUpAfterScript: false)
        terminal.script([.paste("two\nlines"), .terminationRequested(signal: 15)])
        let app = BrowserApp(terminal: terminal, runner: d.runner)
        app.now = { TestDriver.now }
        let final = await app.run(d.state)
        #expect(final.openForm?.field(CallProperty.title)?.value == "two lines")
    }

    @Test func draftWritesLandInOrderSoADiscardedFormLeavesNoDraft() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hubcalls-draft-order-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("draft.json")
        var d = TestDriver()
        await d.start()
        let terminal = MemoryTerminal(width: 120, height: 40, hangsUpAfterScript: false)
        // Every key writes the draft; the discard clears it; all of it in quick succession.
        terminal.script(keys: "e" + String(repeating: "x", count: 40) + "<Esc>y")
        terminal.script([.terminationRequested(signal: 15)])
        let app = BrowserApp(terminal: terminal, runner: EffectRunner(service: d.service, draftURL: url))
        app.now = { TestDriver.now }
        let final = await app.run(d.state)
        #expect(final.modal == nil)
        #expect(!FileManager.default.fileExists(atPath: url.path), "a draft write landed after the clear")
    }
}
