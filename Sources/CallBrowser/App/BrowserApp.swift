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

    private var readyRendered = false
    private var readySignalled = false

    public init(terminal: any Terminal, runner: EffectRunner) {
        self.terminal = terminal
        self.runner = runner
    }

    /// Runs until the reducer asks to quit; returns the last state.
    @discardableResult
    public func run(_ initial: AppState) async -> AppState {
        var state = initial
        let size = terminal.size
        state.columns = size.width
        state.rows = size.height
        let loop = TerminalRunLoop<Msg>(terminal: terminal, tickInterval: .milliseconds(100))
        var pendingStart = true
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
            }
            for msg in messages {
                for effect in reduce(&state, msg) {
                    if case .quit = effect { return .quit }
                    if case .copyToClipboard(let text) = effect {
                        terminal.copyToClipboard(text)
                        loop.post(.copied(text))
                        continue
                    }
                    let runner = self.runner
                    let task = Task.detached {
                        if let result = await runner.run(effect) { loop.send(result) }
                    }
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
        }, render: { [self] state, buffer in
            BrowserView.render(state, into: &buffer)
            if BrowserApp.isReady(state) { readyRendered = true }
        })
    }

    /// Loaded enough to be useful: the first page arrived (or the quick-log form is up).
    static func isReady(_ state: AppState) -> Bool {
        state.quickLogOnly ? state.modal != nil : state.list.loadedOnce
    }
}
