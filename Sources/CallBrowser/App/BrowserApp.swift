import CallsCore
import Foundation
import TerminalKit

/// Runs the browser on a terminal: feeds keys, resizes and ticks to the reducer, renders each
/// state, and runs effects in the background, posting their results back as messages.
@MainActor
public final class BrowserApp {
    public let terminal: any Terminal
    public let runner: EffectRunner
    /// Called once, after the first frame that shows loaded data (end-to-end tests wait for it).
    public var onReady: (() -> Void)?
    /// The clock for ticks and the start message.
    public var now: @Sendable () -> Date = { Date() }

    /// How long quitting waits for writes that are still out (a save, a delete, the draft).
    public var writeGrace: Duration = .seconds(10)

    private var readyRendered = false
    private var readySignalled = false
    /// Effects that change data (the service or the draft file) and have not answered yet.
    private var writesInFlight = 0
    /// The last draft write: draft writes run one after another, so an older draft can never
    /// land after a newer one or after the draft was cleared.
    private var lastDraftWrite: Task<Void, Never>?

    public init(terminal: any Terminal, runner: EffectRunner) {
        self.terminal = terminal
        self.runner = runner
    }

    /// Runs until the reducer asks to quit, then waits (at most ``writeGrace``) for data
    /// writes still out; returns the last state.
    @discardableResult
    public func run(_ initial: AppState) async -> AppState {
        let final = await runLoop(initial)
        let deadline = ContinuousClock.now + writeGrace
        while writesInFlight > 0, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(5))
        }
        return final
    }

    private func runLoop(_ initial: AppState) async -> AppState {
        var state = initial
        let size = terminal.size
        state.columns = size.width
        state.rows = size.height
        let loop = TerminalRunLoop<Msg>(terminal: terminal, tickInterval: .milliseconds(100))
        var pendingStart = true
        // Keeps the last frame: each frame redraws only what changed.
        let renderer = FrameRenderer()
        // The side pane's load that waits for the cursor to rest: the next one replaces it.
        var pausedLoad: Task<Void, Never>?
        return await loop.run(initial: state, update: { [self] state, event, terminal in
            var messages: [Msg] = []
            if pendingStart {
                pendingStart = false
                messages.append(.started(now()))
            }
            switch event {
            case .key(let key):
                if key == Key.control("z") { return .suspend }
                messages.append(.key(key.notation))
            case .resize(let size): messages.append(.resized(columns: size.width, rows: size.height))
            case .tick: messages.append(.tick(now()))
            case .message(let msg): messages.append(msg)
            case .hangup: messages.append(.action(.quit))
            case .paste(let text): messages.append(.text(text))
            case .terminationRequested: messages.append(.terminationRequested)
            }
            for msg in messages {
                for effect in reduce(&state, msg) {
                    if case .quit = effect { return .quit }
                    if case .copyToClipboard(let text) = effect {
                        terminal.copyToClipboard(text)
                        loop.post(.copied(text))
                        continue
                    }
                    if case .redrawScreen = effect {
                        terminal.forceFullRedraw()
                        continue
                    }
                    let task = start(effect, loop: loop)
                    if case .loadDetailAfterPause = effect {
                        pausedLoad?.cancel()
                        pausedLoad = task
                    }
                }
            }
            if readyRendered, !readySignalled {
                readySignalled = true
                onReady?()
            }
            return .continue
        }, frame: { [self] state, size in
            if BrowserApp.isReady(state) { readyRendered = true }
            return renderer.frame(state, size: size)
        })
    }

    /// What the loop hears when `effect` ends with `result`. The reducer counts every service
    /// effect as in flight until a result comes back (the spinner), so one that ends without
    /// an answer — cancelled by the app — still reports that it ended.
    nonisolated static func answer(to effect: Effect, result: Msg?) -> Msg? {
        result ?? (effect.isIO ? .effectDropped : nil)
    }

    /// Runs an effect in the background; its result comes back through the loop. Writes are
    /// counted so quitting can wait for them; draft writes are chained in order.
    /// Starts an effect in the background; returns the task (cancelling it drops its answer).
    @discardableResult
    private func start(_ effect: Effect, loop: TerminalRunLoop<Msg>) -> Task<Void, Never> {
        let runner = self.runner
        guard effect.isWrite else {
            return Task.detached {
                if let answer = BrowserApp.answer(to: effect, result: await runner.run(effect)) { loop.send(answer) }
            }
        }
        writesInFlight += 1
        let previous = effect.isDraftWrite ? lastDraftWrite : nil
        let task = Task.detached {
            await previous?.value
            let result = await runner.run(effect)
            await MainActor.run { self.writesInFlight -= 1 }
            if let result { loop.send(result) }
        }
        if effect.isDraftWrite { lastDraftWrite = task }
        return task
    }

    /// Loaded enough to be useful: the first page arrived (or the quick-log form is up).
    static func isReady(_ state: AppState) -> Bool {
        state.quickLogOnly ? state.modal != nil : state.list.loadedOnce
    }
}

extension Effect {
    /// Effects that change data, which quitting waits for.
    var isWrite: Bool {
        switch self {
        case .saveCall, .batchUpdate, .associate, .removeAssociation, .pin, .archive, .batchArchive, .createCall, .saveDraft, .clearDraft, .setDraftAside: true
        case .loadLookups, .fetchPage, .loadDetail, .loadDetailAfterPause, .searchRecords, .locateCall, .loadDraft, .copyToClipboard, .redrawScreen, .quit: false
        }
    }

    var isDraftWrite: Bool {
        switch self {
        case .saveDraft, .clearDraft, .setDraftAside: true
        default: false
        }
    }
}
