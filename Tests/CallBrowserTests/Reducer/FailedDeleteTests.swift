@testable import CallBrowser
import CallsCore
import Foundation
import Testing

/// A delete the service does not carry out (offline, refused) must never look done: the row
/// comes back with the reason, and quitting keeps the calls for the exit report.
@Suite struct FailedDeleteTests {
    static let offline = CRMError(kind: .offline, message: "Cannot reach 127.0.0.1:9 (connection refused)")

    /// Everything fails, as on the HubSpot backend with the server gone.
    func offlineDriver() async -> TestDriver {
        var d = TestDriver(columns: 120, rows: 40)
        await d.start()
        for operation in ["archive", "batchArchive", "search", "get", "batchRead", "batchAssociations"] {
            await d.service.fail(operation, with: FailedDeleteTests.offline)
        }
        return d
    }

    @Test func anOfflineDeleteBringsTheRowBackWithTheReason() async {
        var d = await offlineDriver()
        await d.press("d", "y")
        #expect(!d.state.list.rows.loaded.contains { $0.id == "1000" })
        await d.advance(seconds: AppState.undoWindow + 1)
        #expect(d.state.list.rows.loaded.first?.id == "1000")
        #expect(d.state.list.total == 12)
        let status = d.state.status.message
        #expect(status?.kind == .error)
        #expect(status?.text.hasPrefix("Could not delete “") == true)
        #expect(status?.text.contains("connection refused") == true)
        #expect(await d.service.exists(.calls, "1000"))
    }

    @Test func quittingWithAPendingDeleteThatFailsKeepsTheCallForTheExitReport() async {
        var d = await offlineDriver()
        await d.press("d", "y")
        await d.press("Q")
        #expect(d.quit)
        #expect(d.state.failedDeletesAtQuit.map(\.id) == ["1000"])
        #expect(d.state.failedDeletesAtQuit.first?.reason.contains("connection refused") == true)
    }

    @Test func aTerminationRequestReportsFailedDeletesToo() async {
        var d = await offlineDriver()
        await d.press("d", "y")
        await d.send(.terminationRequested)
        #expect(d.quit)
        #expect(d.state.failedDeletesAtQuit.map(\.id) == ["1000"])
    }

    @Test func aSuccessfulDeleteAtQuitLeavesNothingToReport() async {
        var d = TestDriver()
        await d.start()
        await d.press("d", "y", "Q")
        #expect(d.quit)
        #expect(d.state.failedDeletesAtQuit.isEmpty)
    }

    /// Pure reducer: a delete sent when its undo window ended is still out when `Q` comes.
    @Test func quittingWaitsForADeleteAlreadyOutAndReportsItsFailure() async {
        var d = TestDriver()
        await d.start()
        await d.press("d", "y")
        var state = d.state
        let effects = reduce(&state, .tick(state.now.addingTimeInterval(AppState.undoWindow + 1)))
        guard case .archive(let token, "1000")? = effects.first else { Issue.record("no archive: \(effects)"); return }
        #expect(reduce(&state, .key("Q")).isEmpty, "quit before the delete was answered")
        var failure = FailedDeleteTests.offline
        failure.id = "1000"
        let after = reduce(&state, .callsArchived(token: token, archived: [], failures: [failure]))
        #expect(after == [.quit])
        #expect(state.failedDeletesAtQuit.map(\.id) == ["1000"])
    }

    @Test func quittingAgainWhileWaitingQuitsAndCountsTheDeleteAsUnconfirmed() async {
        var d = TestDriver()
        await d.start()
        await d.press("d", "y")
        var state = d.state
        _ = reduce(&state, .tick(state.now.addingTimeInterval(AppState.undoWindow + 1)))
        _ = reduce(&state, .key("Q"))
        #expect(reduce(&state, .key("Q")) == [.quit])
        #expect(state.failedDeletesAtQuit.map(\.id) == ["1000"])
    }

    @Test func aCallDeletedElsewhereMeanwhileIsNotAFailure() async {
        var d = TestDriver()
        await d.start()
        await d.press("d", "y")
        try? await d.service.archive(.calls, id: "1000")
        await d.advance(seconds: AppState.undoWindow + 1)
        #expect(!d.state.list.rows.loaded.contains { $0.id == "1000" })
        #expect(d.state.status.message?.kind != .error)
        await d.press("d", "y")
        try? await d.service.archive(.calls, id: "1001")
        await d.press("Q")
        #expect(d.quit)
        #expect(d.state.failedDeletesAtQuit.isEmpty)
    }

    @Test func theExitReportNamesTheCallsAndTheReasonOncePerReason() {
        let report = FailedDelete.exitReport([
            FailedDelete(id: "1", title: "Intro\u{1B}[2J call", reason: "offline"),
            FailedDelete(id: "2", title: nil, reason: "offline"),
            FailedDelete(id: "3", title: "Demo", reason: "not allowed"),
        ])
        #expect(report == [
            "2 calls were NOT deleted (1 “Intro call”, 2): offline",
            "1 call was NOT deleted (3 “Demo”): not allowed",
        ])
    }
}
