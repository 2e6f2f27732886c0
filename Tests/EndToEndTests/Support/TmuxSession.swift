import Foundation

/// Drives a program in a detached tmux session for end-to-end tests.
///
/// Every session has its own tmux server (`tmux -L <unique socket>`), so tests run in
/// parallel without seeing each other, and the server is killed when the session is released
/// (call ``kill()`` in a `defer` to be explicit). The pane runs bash with `LANG=C.UTF-8`,
/// `TERM=xterm-256color` and the prompt ``prompt``; tests type commands into it, so after the
/// program exits the same shell can show that the terminal is back in cooked mode.
///
/// Waiting never sleeps for a fixed time: ``waitFor(text:timeout:)`` polls `capture-pane`
/// until the text appears or the deadline passes.
final class TmuxSession {
    /// The shell prompt in the pane (`PS1` is this plus a space, which `capture-pane` trims).
    static let prompt = "e2e$"

    let socket: String
    let width: Int
    let height: Int
    private var killed = false
    /// The server's socket file, removed after the server is gone (tmux leaves it behind).
    private var socketPath: String?

    /// Starts a shell in a new detached session of the given size.
    init(width: Int = 80, height: Int = 24, environment: [String: String] = [:]) throws {
        self.socket = "hubcalls-e2e-\(UUID().uuidString.prefix(12))"
        self.width = width
        self.height = height
        var arguments = ["-f", "/dev/null", "new-session", "-d", "-s", "main", "-x", "\(width)", "-y", "\(height)"]
        let variables = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "xterm-256color", "PS1": Self.prompt + " "]
            .merging(environment) { _, new in new }
        for (name, value) in variables.sorted(by: { $0.key < $1.key }) {
            arguments += ["-e", "\(name)=\(value)"]
        }
        // bash without startup files keeps the PS1 given here (dash ignores it for root).
        arguments += ["/bin/bash", "--norc", "--noprofile"]
        try tmux(arguments)
        socketPath = try? tmux(["display-message", "-p", "-t", "main", "#{socket_path}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try waitFor(text: Self.prompt)
    }

    deinit {
        kill()
    }

    /// Kills the session's tmux server (and with it the programs in the pane).
    func kill() {
        guard !killed else { return }
        killed = true
        _ = try? tmux(["kill-server"])
        // kill-server has the server SIGTERM itself; make sure it is gone before returning.
        let deadline = ContinuousClock.now + .seconds(5)
        while (try? tmux(["has-session"])) != nil, ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: 0.02)
        }
        if let socketPath, !socketPath.isEmpty, socketPath.contains(socket) {
            try? FileManager.default.removeItem(atPath: socketPath)
        }
    }

    // MARK: - Input

    /// Types a command line into the shell and presses Enter.
    func run(_ commandLine: String) throws {
        try tmux(["send-keys", "-t", "main", "-l", commandLine])
        try tmux(["send-keys", "-t", "main", "Enter"])
    }

    /// Sends keys by tmux name (`j`, `Enter`, `C-c`, `Escape`, `PageDown`).
    func send(_ keys: String...) throws {
        try tmux(["send-keys", "-t", "main"] + keys)
    }

    /// Types `bytes` into the pane exactly as given (escape sequences included), as a
    /// terminal that encodes a key that way would.
    func sendRaw(_ bytes: String) throws {
        try tmux(["send-keys", "-t", "main", "-l", bytes])
    }

    /// Pastes `text` as a terminal does when the program asked for bracketed paste (mode
    /// 2004): wrapped in `ESC [200~` … `ESC [201~` (tmux sends it unwrapped otherwise).
    func paste(_ text: String) throws {
        let buffer = "e2e-\(UUID().uuidString.prefix(8))"
        try tmux(["set-buffer", "-b", buffer, "--", text])
        try tmux(["paste-buffer", "-p", "-d", "-b", buffer, "-t", "main"])
    }

    /// Resizes the window (the program sees SIGWINCH).
    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "main", "-x", "\(width)", "-y", "\(height)"])
    }

    /// The pid of the shell in the pane.
    func shellPID() throws -> Int32 {
        let output = try tmux(["display-message", "-p", "-t", "main", "#{pane_pid}"])
        guard let pid = Int32(output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw TmuxError.unexpectedOutput(output)
        }
        return pid
    }

    // MARK: - Output

    /// The visible screen, one line per row; with `escapes`, including the SGR sequences of
    /// colours and attributes.
    func capture(escapes: Bool = false) throws -> String {
        try tmux(["capture-pane", "-p", "-t", "main"] + (escapes ? ["-e"] : []))
    }

    /// Polls the screen until `predicate` holds; returns that screen. Throws with the last
    /// screen at the deadline.
    @discardableResult
    func waitUntil(timeout: Duration = .seconds(30), _ description: String, _ predicate: (String) -> Bool) throws -> String {
        let deadline = ContinuousClock.now + timeout
        var screen = ""
        while true {
            screen = try capture()
            if predicate(screen) { return screen }
            guard ContinuousClock.now < deadline else {
                throw TmuxError.timedOut(waitingFor: description, screen: screen)
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    /// Polls the screen until it contains `text`.
    @discardableResult
    func waitFor(text: String, timeout: Duration = .seconds(30)) throws -> String {
        try waitUntil(timeout: timeout, "'\(text)'") { $0.contains(text) }
    }

    /// Polls until a file exists (for apps that signal readiness by creating one).
    func waitForFile(_ path: String, timeout: Duration = .seconds(30)) throws {
        let deadline = ContinuousClock.now + timeout
        while !FileManager.default.fileExists(atPath: path) {
            guard ContinuousClock.now < deadline else {
                throw TmuxError.timedOut(waitingFor: "file \(path)", screen: (try? capture()) ?? "")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    // MARK: - tmux

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        guard let tmux = Subprocess.find("tmux") else { throw SubprocessError.notFound("tmux") }
        // The tmux server passes its environment to the pane. `swift test` sets NO_COLOR=1
        // for tests (and we may run inside tmux): neither must reach the program under test.
        var environment = ProcessInfo.processInfo.environment
        for name in ["NO_COLOR", "TMUX", "TMUX_PANE"] { environment[name] = nil }
        let result = try Subprocess.run(tmux, ["-L", socket] + arguments, environment: environment)
        guard result.status == 0 else {
            throw TmuxError.commandFailed(arguments.first ?? "", status: result.status, output: result.output)
        }
        return result.output
    }
}

enum TmuxError: Error, CustomStringConvertible {
    case commandFailed(String, status: Int32, output: String)
    case timedOut(waitingFor: String, screen: String)
    case unexpectedOutput(String)
    case binaryNotFound(String)

    var description: String {
        switch self {
        case .commandFailed(let command, let status, let output): "tmux \(command) failed (\(status)): \(output)"
        case .timedOut(let what, let screen): "timed out waiting for \(what); screen:\n\(screen)"
        case .unexpectedOutput(let output): "unexpected tmux output: \(output)"
        case .binaryNotFound(let searched): "hubcalls binary not found (looked in \(searched)); build it with `swift build`"
        }
    }
}

/// The built `hubcalls` executable: next to the test bundle (SwiftPM builds it because the
/// test target depends on it), or under `.build/debug` of this package.
func hubcallsBinary(filePath: String = #filePath) throws -> String {
    var candidates: [String] = []
    let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var directory = testBinary.deletingLastPathComponent()
    for _ in 0..<4 {
        candidates.append(directory.appendingPathComponent("hubcalls").path)
        directory = directory.deletingLastPathComponent()
    }
    let packageRoot = URL(fileURLWithPath: filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    candidates.append(packageRoot.appendingPathComponent(".build/debug/hubcalls").path)
    for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue {
            return candidate
        }
    }
    throw TmuxError.binaryNotFound(candidates.joined(separator: ", "))
}

/// Whether `stty -a` output shows cooked mode: `icanon` and `echo` on (not `-icanon`/`-echo`).
func sttyShowsCookedMode(_ screen: String) -> Bool {
    let flags = Set(screen.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
    return flags.contains("icanon") && flags.contains("echo") && !flags.contains("-icanon") && !flags.contains("-echo")
}
