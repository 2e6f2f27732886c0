import CallBrowser
import CallsCore
import Foundation
import LocalStore
import TerminalKit

/// The browser in process: the real reducer, effect runner (on the SQLite store) and views,
/// presenting into a `MemoryTerminal` at 120×40.
///
/// Two numbers per key: **key → frame** is what the user waits for before the screen answers
/// (reduce + render + diff; effects run in the background in the real app), and **key →
/// settled** also awaits every effect the key started (a page load, the detail pane) and the
/// frame that shows its result.
@MainActor
enum BrowserBench {
    static let columns = 120, rows = 40

    static func run(_ options: BenchOptions, calls: Int, table: inout ResultTable) async throws {
        let store = try LocalCRMService(path: options.databasePath(calls: calls), options: .localBrowser)
        let runner = EffectRunner(service: store)
        let size = "\(calls)"

        var firstFrame: [Double] = []
        for _ in 0..<max(5, options.runs / 10) {
            let start = Stopwatch.now()
            let terminal = makeTerminal()
            let renderer = FrameRenderer()
            var state = AppState(columns: columns, rows: rows, now: Date(), timeZone: .current, bindings: .defaults)
            await settle(&state, .started(Date()), runner: runner)
            present(state, on: terminal, with: renderer)
            firstFrame.append(Stopwatch.ms(since: start))
        }
        table.add("first frame with data (MemoryTerminal)", size: size, Summary(firstFrame), target: calls == 100_000 ? "≤ 80 ms" : "")

        let terminal = makeTerminal()
        let renderer = FrameRenderer()
        var state = AppState(columns: columns, rows: rows, now: Date(), timeZone: .current, bindings: .defaults)
        await settle(&state, .started(Date()), runner: runner)
        present(state, on: terminal, with: renderer)

        let scenarios: [(String, [String])] = [
            ("cursor down (j)", ["j"]),
            ("cursor up (k)", ["k"]),
            ("page down", ["<PgDn>"]),
            ("jump to bottom (G) and back (gg)", ["G", "g", "g"]),
            ("open detail (Enter) and back (q)", ["<Enter>", "q"]),
        ]
        for (name, keys) in scenarios {
            var frame: [Double] = [], settled: [Double] = []
            for _ in 0..<options.runs {
                for key in keys {
                    var start = Stopwatch.now()
                    let effects = reduce(&state, .key(key))
                    present(state, on: terminal, with: renderer)
                    frame.append(Stopwatch.ms(since: start))
                    start = Stopwatch.now()
                    await runAll(effects, &state, runner: runner)
                    present(state, on: terminal, with: renderer)
                    settled.append(frame.last! + Stopwatch.ms(since: start))
                }
            }
            table.add("key → frame: \(name)", size: size, Summary(frame), target: calls == 100_000 ? "p99 ≤ 1 ms" : "")
            table.add("key → settled: \(name)", size: size, Summary(settled))
        }

        // Filter keystrokes: open the filter bar, type a word, one frame per keystroke.
        var typing: [Double] = [], filtered: [Double] = []
        for _ in 0..<max(5, options.runs / 10) {
            for key in ["/", "r", "e", "n", "e", "w", "<Enter>"] {
                let start = Stopwatch.now()
                let effects = reduce(&state, .key(key))
                present(state, on: terminal, with: renderer)
                typing.append(Stopwatch.ms(since: start))
                await runAll(effects, &state, runner: runner)
                present(state, on: terminal, with: renderer)
                if key == "<Enter>" { filtered.append(Stopwatch.ms(since: start)) }
            }
            for key in ["/", "<C-u>", "<Enter>"] { await settle(&state, .key(key), runner: runner) }
        }
        table.add("key → frame: filter keystroke", size: size, Summary(typing), target: calls == 100_000 ? "p99 ≤ 1 ms" : "")
        table.add("filter applied (Enter → results shown)", size: size, Summary(filtered))
        let cells = terminal.changeCounts.suffix(50)
        table.add("cells repainted per frame (last 50)", size: size, value: "\(cells.min() ?? 0)–\(cells.max() ?? 0)")
    }

    /// Reduces `msg` and every message its effects answer with, until nothing is left.
    static func settle(_ state: inout AppState, _ msg: Msg, runner: EffectRunner) async {
        await runAll(reduce(&state, msg), &state, runner: runner)
    }

    static func runAll(_ effects: [Effect], _ state: inout AppState, runner: EffectRunner) async {
        var queue = effects
        while !queue.isEmpty {
            let effect = queue.removeFirst()
            if case .quit = effect { continue }
            if let answer = await runner.run(effect) { queue += reduce(&state, answer) }
        }
    }

    /// Renders as the app does: one renderer per terminal, keeping its last frame.
    static func present(_ state: AppState, on terminal: MemoryTerminal, with renderer: FrameRenderer) {
        terminal.present(renderer.frame(state))
    }

    /// A terminal that keeps only its last frame, as a real one does.
    static func makeTerminal() -> MemoryTerminal {
        let terminal = MemoryTerminal(width: columns, height: rows)
        terminal.recordsFrames = false
        return terminal
    }
}
