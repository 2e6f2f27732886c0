@testable import CallBrowser
import CallsCore
import Foundation
import TerminalKit

/// Drives the reducer with the effect runner against a fake service, synchronously from the
/// test's point of view: every effect is run and its result fed back until nothing is left.
struct TestDriver {
    var state: AppState
    let runner: EffectRunner
    let service: FakeCRMService
    /// Every effect the reducer asked for, in order.
    var effects: [Effect] = []
    var quit = false

    static let now = Date(timeIntervalSince1970: 1_764_158_400 + 3600) // 2025-11-26T13:00:00Z

    init(columns: Int = 120, rows: Int = 40, service: FakeCRMService = FakeCRMService(), draftURL: URL? = nil, draftSource: String? = nil) {
        state = AppState(columns: columns, rows: rows, now: TestDriver.now, timeZone: TimeZone(identifier: "UTC")!)
        self.service = service
        var runner = EffectRunner(service: service, draftURL: draftURL)
        runner.draftSource = draftSource
        // The search's wait for a new call: short, tests never wait on the clock.
        runner.locateRetryDelay = .milliseconds(1)
        self.runner = runner
    }

    /// Starts the app: lookups, first page, detail of the first call.
    mutating func start() async {
        await send(.started(TestDriver.now))
    }

    mutating func send(_ msg: Msg) async {
        var queue = reduce(&state, msg)
        while !queue.isEmpty {
            let effect = queue.removeFirst()
            effects.append(effect)
            if effect == .quit { quit = true; continue }
            if let result = await runner.run(effect) { queue += reduce(&state, result) }
        }
    }

    /// Runs effects the test already reduced, feeding their results back until none is left.
    mutating func sendAll(_ effects: [Effect]) async {
        var queue = effects
        while !queue.isEmpty {
            let effect = queue.removeFirst()
            self.effects.append(effect)
            if effect == .quit { quit = true; continue }
            if let result = await runner.run(effect) { queue += reduce(&state, result) }
        }
    }

    /// Presses keys given in notation, one message each (`"gg"` is two presses of g).
    mutating func press(_ keys: String...) async {
        for notation in keys {
            for key in KeySequence(notation: notation)!.keys { await send(.key(key.notation)) }
        }
    }

    mutating func type(_ text: String) async {
        for c in text { await send(.key(Key.character(c).notation)) }
    }

    /// Types `text` one Unicode scalar per key, as a keyboard or an IME delivers it through
    /// ncurses (`get_wch`) and `KeyDecoder`, and as `BrowserApp` turns each key into a message.
    /// Unlike ``type(_:)`` a combining mark or a joiner arrives as a key of its own.
    mutating func typeScalars(_ text: String) async {
        for scalar in text.unicodeScalars {
            guard case .key(let key) = KeyDecoder.decode(character: scalar.value) else { continue }
            await send(.key(key.notation))
        }
    }

    mutating func advance(seconds: TimeInterval) async {
        await send(.tick(state.now.addingTimeInterval(seconds)))
    }

    var screen: [String] { BrowserView.render(state).lines }
}
