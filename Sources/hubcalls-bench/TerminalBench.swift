import Foundation

/// The real `hubcalls` binary on a pseudo-terminal (bytes on the wire, resident memory, exec
/// → ready) and in tmux at 120×40 (exec → ready signal), as a user runs it.
enum TerminalBench {
    static func environment(readyFile: String, options: BenchOptions) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["TERM"] = "xterm-256color"
        env["LANG"] = "C.UTF-8"
        env["HUBCALLS_READY_FILE"] = readyFile
        env["XDG_STATE_HOME"] = options.workdir + "/state"
        env["XDG_CONFIG_HOME"] = options.workdir + "/config"
        return env
    }

    static func waitForFile(_ path: String, deadline: Double) -> Double? {
        let start = Stopwatch.now()
        while Stopwatch.ms(since: start) < deadline {
            if FileManager.default.fileExists(atPath: path) { return Stopwatch.ms(since: start) }
            usleep(500)
        }
        return nil
    }

    static func runPTY(_ options: BenchOptions, calls: Int, table: inout ResultTable) throws {
        let size = "\(calls)"
        var ready: [Double] = []
        var single: [Double] = [], held: [Double] = [], listOnly: [Double] = [], listOnlyHeld: [Double] = []
        var rssOpen: Double?, rssBottom: Double?
        for run in 0..<5 {
            let (pty, readyMs) = try start(options, calls: calls, columns: 120, rows: 40)
            ready.append(readyMs)
            if run == 0 { rssOpen = ResidentMemory.megabytes(pid: pty.pid) }
            single += singleMoves(pty, count: 40)
            held.append(heldMoves(pty, count: 30))
            if run == 0 {
                pty.send("G")
                pty.drain(quiet: 500, deadline: 20_000)
                rssBottom = ResidentMemory.megabytes(pid: pty.pid)
            }
            quit(pty)
        }
        for _ in 0..<3 {
            // Below AppState.splitWidth the list has the screen to itself.
            let (pty, _) = try start(options, calls: calls, columns: 80, rows: 24)
            listOnly += singleMoves(pty, count: 40)
            listOnlyHeld.append(heldMoves(pty, count: 30))
            quit(pty)
        }
        // `cursor = "arrow"` (mutt's arrow_cursor): the setting for slow links.
        let arrowConfig = options.workdir + "/arrow-cursor.toml"
        try Data("cursor = \"arrow\"\n".utf8).write(to: URL(fileURLWithPath: arrowConfig))
        var arrowSingle: [Double] = [], arrowHeld: [Double] = [], arrowListOnly: [Double] = []
        for _ in 0..<3 {
            let (pty, _) = try start(options, calls: calls, columns: 120, rows: 40, config: arrowConfig)
            arrowSingle += singleMoves(pty, count: 40)
            arrowHeld.append(heldMoves(pty, count: 30))
            quit(pty)
            let (narrow, _) = try start(options, calls: calls, columns: 80, rows: 24, config: arrowConfig)
            arrowListOnly += singleMoves(narrow, count: 40)
            quit(narrow)
        }
        let target = calls == 100_000 ? "≤ 200 B" : ""
        table.add("exec → ready, real binary on a pty 120×40", size: size, Summary(ready))
        table.add("bytes per cursor move, one j (120×40, list + detail)", size: size, Summary(single), unit: "B", target: target)
        table.add("bytes per cursor move, j held (120×40, 30 keys at 30/s)", size: size, Summary(held), unit: "B", target: target)
        table.add("bytes per cursor move, one j (80×24, list only)", size: size, Summary(listOnly), unit: "B", target: target)
        table.add("bytes per cursor move, j held (80×24, list only)", size: size, Summary(listOnlyHeld), unit: "B", target: target)
        table.add("bytes per cursor move, one j (120×40, list + detail, cursor = arrow)", size: size, Summary(arrowSingle), unit: "B", target: target)
        table.add("bytes per cursor move, j held (120×40, cursor = arrow)", size: size, Summary(arrowHeld), unit: "B", target: target)
        table.add("bytes per cursor move, one j (80×24, list only, cursor = arrow)", size: size, Summary(arrowListOnly), unit: "B", target: target)
        if let rssOpen { table.add("RSS after opening the list", size: size, value: String(format: "%.1f MB", rssOpen), target: calls == 100_000 ? "≤ 40 MB" : "") }
        if let rssBottom { table.add("RSS after scrolling to the bottom", size: size, value: String(format: "%.1f MB", rssBottom), target: calls == 100_000 ? "≤ 40 MB" : "") }
    }

    /// Starts the binary on a pty, waits for its ready signal and for the screen to settle.
    static func start(_ options: BenchOptions, calls: Int, columns: UInt16, rows: UInt16, config: String? = nil) throws -> (PseudoTerminal, Double) {
        let readyFile = "\(options.workdir)/ready-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: readyFile) }
        let start = Stopwatch.now()
        let pty = try PseudoTerminal(executable: options.binary, arguments: ["--db", options.databasePath(calls: calls)] + (config.map { ["--config", $0] } ?? []), environment: environment(readyFile: readyFile, options: options), columns: columns, rows: rows)
        while !FileManager.default.fileExists(atPath: readyFile) {
            pty.drain(quiet: 1, deadline: 5)
            if Stopwatch.ms(since: start) > 10_000 { throw BenchError("hubcalls did not signal readiness within 10 s") }
        }
        let ready = Stopwatch.ms(since: start)
        pty.drain(quiet: 300, deadline: 3000)
        return (pty, ready)
    }

    /// One `j` at a time, each answered completely before the next: the list's rows at once,
    /// the side pane once the cursor has rested (60 ms) and the call has loaded, so the
    /// output counts as finished only after 200 ms of quiet.
    static func singleMoves(_ pty: PseudoTerminal, count: Int) -> [Double] {
        (0..<count).map { _ in
            pty.send("j")
            return Double(pty.awaitOutput(quiet: 200, deadline: 2000).bytes)
        }
    }

    /// `j` held down: a key every 33 ms (a typical autorepeat rate); bytes per key over the
    /// whole burst, including the frames after the last key until the screen is quiet.
    static func heldMoves(_ pty: PseudoTerminal, count: Int) -> Double {
        var total = 0
        for _ in 0..<count {
            let start = Stopwatch.now()
            pty.send("j")
            total += pty.drain(quiet: 33, deadline: 33)
            let left = 33 - Stopwatch.ms(since: start)
            if left > 0 { usleep(useconds_t(left * 1000)) }
        }
        total += pty.drain(quiet: 150, deadline: 2000)
        return Double(total) / Double(count)
    }

    static func quit(_ pty: PseudoTerminal) {
        pty.send("Q")
        pty.drain(quiet: 200, deadline: 2000)
    }

    nonisolated(unsafe) static var tmuxStarted = false
    static let tmuxSocket = "hubcalls-bench-\(getpid())"

    /// Ends the tmux server of the tmux stage, if it was started.
    static func stopTmux() {
        guard tmuxStarted else { return }
        _ = try? Subprocess.run(["tmux", "-L", tmuxSocket, "kill-server"])
        // tmux leaves its socket file behind.
        try? FileManager.default.removeItem(atPath: "/tmp/tmux-\(getuid())/\(tmuxSocket)")
    }

    static func runTmux(_ options: BenchOptions, calls: Int, table: inout ResultTable) throws {
        var samples: [Double] = []
        // One tmux server for the whole run, kept alive by an idle session: starting a second
        // server from this process after the first one exits fails ("server exited
        // unexpectedly"), so the stages share one. `stopTmux()` ends it.
        let socket = tmuxSocket
        if !tmuxStarted {
            guard try Subprocess.run(["tmux", "-L", socket, "new-session", "-d", "-s", "keepalive", "sleep", "86400"]) == 0 else {
                throw BenchError("cannot start a tmux server")
            }
            tmuxStarted = true
        }
        for _ in 0..<5 {
            let readyFile = "\(options.workdir)/ready-\(UUID().uuidString)"
            let env = environment(readyFile: readyFile, options: options)
            let command = ["env"] + ["TERM", "LANG", "HUBCALLS_READY_FILE", "XDG_STATE_HOME", "XDG_CONFIG_HOME"].map { "\($0)=\(env[$0]!)" } + [options.binary, "--db", options.databasePath(calls: calls)]
            let session = "s\(UUID().uuidString.prefix(8))"
            let start = Stopwatch.now()
            guard try Subprocess.run(["tmux", "-L", socket, "new-session", "-d", "-s", session, "-x", "120", "-y", "40"] + command) == 0 else {
                throw BenchError("tmux new-session failed")
            }
            guard let _ = waitForFile(readyFile, deadline: 10_000) else { throw BenchError("hubcalls in tmux did not signal readiness") }
            samples.append(Stopwatch.ms(since: start))
            _ = try? Subprocess.run(["tmux", "-L", socket, "kill-session", "-t", session])
            try? FileManager.default.removeItem(atPath: readyFile)
        }
        table.add("exec → ready, real binary in tmux 120×40", size: "\(calls)", Summary(samples))
    }
}
