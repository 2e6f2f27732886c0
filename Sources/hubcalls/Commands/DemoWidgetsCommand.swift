import ArgumentParser
import Foundation
import TerminalKit

/// `hubcalls demo-widgets` (hidden): a showcase of TerminalKit on the real terminal — a list,
/// a text view and a status line — used by the tmux end-to-end tests of the toolkit.
///
/// Keys: `j`/`k` and the arrows move, `<PgUp>`/`<PgDn>`/`<Home>`/`<End>` page, `<C-z>`
/// suspends, `q` or `<C-c>` quits. When `HUBCALLS_READY_FILE` is set, the file is created
/// once the first frame is on screen.
struct DemoWidgetsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo-widgets", abstract: "Show TerminalKit widgets (for testing).", shouldDisplay: false
    )
    @OptionGroup var global: GlobalOptions

    @Option(help: "Number of rows in the demo list.")
    var rows = 1000

    func run() async throws {
        let readyFile = ProcessInfo.processInfo.environment["HUBCALLS_READY_FILE"]
        try await DemoWidgets.run(rowCount: max(0, rows), readyFile: readyFile)
    }
}

/// The demo screen: state, update and render.
@MainActor
enum DemoWidgets {
    struct State {
        var list: ListState
        var detail = TextViewState()
        var status = StatusLine()
        var rowCount: Int
    }

    static func run(rowCount: Int, readyFile: String?) async throws {
        try await NCursesTerminal.withTerminal { terminal in
            var state = State(list: ListState(count: rowCount, viewportHeight: terminal.size.height), rowCount: rowCount)
            state.detail.setText(detailText(for: state.list.selection))
            state.status.post("Welcome to the TerminalKit demo", now: .now)
            let loop = TerminalRunLoop<Never>(terminal: terminal)
            _ = await loop.run(initial: state, onFirstFrame: {
                if let readyFile { _ = FileManager.default.createFile(atPath: readyFile, contents: Data("ready\n".utf8)) }
            }, update: update, render: render)
        }
    }

    static func update(_ state: inout State, _ event: TerminalRunLoop<Never>.Event, _ terminal: any Terminal) -> TerminalRunLoop<Never>.Flow {
        switch event {
        case .key(let key):
            switch key {
            case .character("q"), .control("c"): return .quit
            case .control("z"): return .suspend
            case .character("j"): state.list.moveDown()
            case .character("k"): state.list.moveUp()
            default:
                guard state.list.handle(key) else {
                    terminal.bell()
                    state.status.post("\(key.notation) is not bound", kind: .error, now: .now)
                    return .continue
                }
            }
            state.detail.setText(detailText(for: state.list.selection))
        case .resize(let size):
            state.status.post("Resized to \(size.width)×\(size.height)", now: .now)
        case .tick(let now):
            state.status.expire(now: now)
        case .terminationRequested:
            return .quit
        case .message, .hangup, .paste:
            break
        }
        return .continue
    }

    static func render(_ state: State, _ buffer: inout CellBuffer) {
        let (main, statusRow) = buffer.area.splitBottom(1)
        let (listArea, detailArea) = main.width >= 100
            ? { let split = main.splitLeft(main.width * 2 / 5); return (split.left, split.rest) }()
            : { let split = main.splitTop(main.height / 2); return (split.top, split.rest) }()
        var list = state.list
        list.viewportHeight = max(1, listArea.height)
        ListView.render(list, in: listArea, buffer: &buffer, emptyText: "no rows") { index in
            "Row \(index + 1) · 山田太郎 👍🏽 call about the renewal"
        }
        let detailInside = buffer.drawBox(detailArea, title: "Detail")
        state.detail.render(in: detailInside.inset(left: 1, right: 1), buffer: &buffer)
        let position = state.list.selection.map { "\($0 + 1)/\(state.rowCount)" } ?? "0/0"
        state.status.render(in: statusRow, buffer: &buffer, now: .now, left: "j/k move · q quit", right: position)
    }

    static func detailText(for selection: Int?) -> String {
        guard let selection else { return "Nothing selected." }
        return """
            Selected row \(selection + 1).
            Wide text: 日本語のテキスト, emoji 👨‍👩‍👧 and a combining é.
            Hostile text is sanitized: \u{1B}[31mno colour\u{1B}[0m, \u{202E}no bidi override.
            """
    }
}
