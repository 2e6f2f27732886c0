@testable import CallBrowser
import CallsCore
import Testing

/// The status line's spinner turns while service effects are in flight, so every one the
/// reducer counts must be answered, even one the app cancels (seen in tmux: after `G`, `gg`
/// and a few quick moves the spinner turned for good).
@Suite struct SpinnerTests {
    @Test func aPausedDetailLoadTheAppCancelledStillEndsTheSpinner() async throws {
        var d = TestDriver()
        await d.start()
        #expect(d.state.status.busy == 0)
        // A move starts a paused load; the next move, before the pause ends, starts another,
        // and the app cancels the first, whose run answers nothing.
        var effects = reduce(&d.state, .key("j"))
        effects += reduce(&d.state, .key("j"))
        let paused = effects.filter { if case .loadDetailAfterPause = $0 { true } else { false } }
        #expect(paused.count == 2)
        let runner = d.runner
        let cancelled = Task { await runner.run(paused[0]) }
        cancelled.cancel()
        let first = try #require(BrowserApp.answer(to: paused[0], result: await cancelled.value))
        let second = try #require(BrowserApp.answer(to: paused[1], result: await runner.run(paused[1])))
        _ = reduce(&d.state, first)
        _ = reduce(&d.state, second)
        #expect(d.state.status.busy == 0, "the spinner would turn forever")
    }

    @Test func effectsOutsideTheServiceAreNotAnswered() {
        #expect(BrowserApp.answer(to: .loadDraft, result: nil) == nil)
    }
}

/// The spinner waits before it shows: work that ends within a tick or two (a local load, a
/// save) does not flash it on and off, work that takes longer (HTTP) shows it turning.
@Suite struct SpinnerDelayTests {
    @Test func workThatEndsBeforeTheDelayNeverShowsTheSpinner() async {
        var d = TestDriver()
        await d.start()
        let effects = reduce(&d.state, .action(.refresh))
        #expect(d.state.status.busy > 0)
        #expect(d.state.status.spinnerPhase == nil)
        _ = reduce(&d.state, .tick(d.state.now))
        #expect(d.state.status.spinnerPhase == nil)
        for effect in effects {
            if let result = await d.runner.run(effect) { _ = reduce(&d.state, result) }
        }
        #expect(d.state.status.busy == 0)
        // The next piece of work starts its delay over.
        _ = reduce(&d.state, .action(.refresh))
        _ = reduce(&d.state, .tick(d.state.now))
        #expect(d.state.status.spinnerPhase == nil)
    }

    @Test func workThatTakesLongerShowsTheSpinnerTurning() async {
        var d = TestDriver()
        await d.start()
        _ = reduce(&d.state, .action(.refresh))
        var phases: [Int?] = []
        for _ in 0..<4 {
            _ = reduce(&d.state, .tick(d.state.now))
            phases.append(d.state.status.spinnerPhase)
        }
        #expect(phases == [nil, 0, 1, 2])
        let status = d.screen.last ?? ""
        #expect(status.contains(Theme.spinner[2]), "\(status)")
    }
}
