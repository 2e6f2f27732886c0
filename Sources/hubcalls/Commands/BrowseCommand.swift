import ArgumentParser
import CallBrowser
import CallsCore
import Foundation
import LocalStore
import TerminalKit

/// `hubcalls` with no subcommand: the full-screen browser when stdout is a terminal,
/// otherwise the list of the newest calls (so `hubcalls | head` does something useful).
struct BrowseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse",
        abstract: "Browse calls full-screen (the default command).",
        discussion: "Running hubcalls with no subcommand browses; 'hubcalls help browse' lists the options."
    )

    @OptionGroup var global: GlobalOptions

    @Flag(name: .customLong("read-only"), help: "Browse without changing anything: edits and dangerous actions are disabled.")
    var readOnly = false

    func run() async throws {
        guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
            let service = try await ServiceFactory.make(global)
            try await ListCommand.printCalls(service: service, query: nil, limit: ListCommand.defaultLimit, json: false)
            return
        }
        try await BrowserLauncher.run(global: global, quickLogOnly: false, readOnly: readOnly)
    }
}

/// Starts the browser (or only its quick-log form) on the real terminal.
enum BrowserLauncher {
    @MainActor
    @discardableResult
    static func run(global: GlobalOptions, quickLogOnly: Bool, readOnly: Bool = false) async throws -> AppState? {
        let service = try await ServiceFactory.make(global, localOptions: .localBrowser)
        let source = try ServiceFactory.dataSource(global, service)
        let environment = ProcessInfo.processInfo.environment
        let (bindings, diagnostics) = BrowserKeymap.loadEffective(path: try global.checkedKeymapPath())
        // Warnings go to stderr before the screen takes over, and once into the status line.
        for diagnostic in diagnostics {
            FileHandle.standardError.write(Data("hubcalls: \(diagnostic.description)\n".utf8))
        }
        var state = AppState(now: Date(), timeZone: LocalTimeZone.resolve(environment: environment), bindings: bindings)
        state.readOnly = readOnly
        state.quickLogOnly = quickLogOnly
        state.defaultOwner = try ConfigLoader.owner(global)
        state.listCursor = try ConfigLoader.cursor(global).flatMap(ListCursor.init(rawValue:)) ?? .bar
        if let first = diagnostics.first {
            let more = diagnostics.count > 1 ? " (+\(diagnostics.count - 1) more; see hubcalls keys)" : ""
            state.status.message = StatusState.Message(text: "keymap: \(first.description)\(more)", kind: .warning, expires: Date().addingTimeInterval(10))
        }
        let readyFile = environment["HUBCALLS_READY_FILE"]
        // A closed terminal (SIGHUP) or SIGTERM ends the browser like Q: pending deletes are
        // sent and the open form's draft kept before the process exits with that signal.
        let final = try await NCursesTerminal.withTerminal(deferringTermination: true) { terminal in
            var runner = EffectRunner(service: service, draftURL: try draftURL(environment, source: source), copy: { _ in })
            runner.draftSource = source
            // With the HTTP log on, each screen's cost follows its requests: `page: 3 requests (…)`.
            if service is any RequestCounting, let path = environment["HUBCALLS_HTTP_LOG"], !path.isEmpty {
                let log = HTTPLogFile(path: (path as NSString).expandingTildeInPath)
                runner.requestLog = { log.write("screen \($0)") }
            }
            let app = BrowserApp(terminal: terminal, runner: runner)
            app.onReady = {
                if let readyFile { _ = FileManager.default.createFile(atPath: readyFile, contents: Data("ready pid=\(getpid())\n".utf8)) }
            }
            let final = await app.run(state)
            // Report deletes that did not happen on the restored terminal, before a deferred
            // signal ends the process (with that signal's status, which is non-zero).
            terminal.close()
            for line in FailedDelete.exitReport(final.failedDeletesAtQuit) {
                FileHandle.standardError.write(Data("hubcalls: \(line)\n".utf8))
            }
            return final
        }
        if !final.failedDeletesAtQuit.isEmpty { throw ExitCode.failure }
        return final
    }

    /// The draft file of a data source: `$XDG_STATE_HOME/hubcalls/drafts/<source>.json`
    /// (else under `~/.local/state`). A draft of an older version (`hubcalls/draft.json`,
    /// one for every source) moves there on the first start; the browser restores it only
    /// if its call is as the draft's form found it.
    static func draftURL(_ environment: [String: String], source: String) throws -> URL? {
        let state: URL
        if let dir = environment["XDG_STATE_HOME"], !dir.isEmpty {
            state = URL(fileURLWithPath: dir)
        } else if let home = environment["HOME"], !home.isEmpty {
            state = URL(fileURLWithPath: home).appendingPathComponent(".local/state")
        } else {
            return nil
        }
        let url = DraftFile.url(stateDirectory: state, source: source)
        let legacy = state.appendingPathComponent("hubcalls/draft.json")
        if FileManager.default.fileExists(atPath: legacy.path), !FileManager.default.fileExists(atPath: url.path) {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try? FileManager.default.moveItem(at: legacy, to: url)
        }
        return url
    }
}
