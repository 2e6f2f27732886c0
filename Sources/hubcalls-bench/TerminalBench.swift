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
        var bytes: [Double] = []
        var rssOpen: Double?, rssBottom: Double?
        for run in 0..<5 {
            let readyFile = "\(options.workdir)/ready-\(UUID().uuidString)"
            let start = Stopwatch.now()
            let pty = try PseudoTerminal(executable: options.binary, arguments: ["--db", options.databasePath(calls: calls)], environment: environment(readyFile: readyFile, options: options), columns: 120, rows: 40)
            while !FileManager.default.fileExists(atPath: readyFile) {
                pty.drain(quiet: 1, deadline: 5)
                if Stopwatch.ms(since: start) > 10_000 { throw BenchError("hubcalls did not signal readiness within 10 s") }
            }
            ready.append(Stopwatch.ms(since: start))
            pty.drain(quiet: 300, deadline: 3000)
            if run == 0 { rssOpen = ResidentMemory.megabytes(pid: pty.pid) }
            for _ in 0..<40 {
                pty.send("j")
                let (_, n) = pty.awaitOutput(quiet: 60, deadline: 2000)
                bytes.append(Double(n))
            }
            if run == 0 {
                pty.send("G")
                pty.drain(quiet: 500, deadline: 20_000)
                rssBottom = ResidentMemory.megabytes(pid: pty.pid)
            }
            pty.send("Q")
            pty.drain(quiet: 200, deadline: 2000)
            try? FileManager.default.removeItem(atPath: readyFile)
        }
        table.add("exec → ready, real binary on a pty 120×40", size: size, Summary(ready))
        table.add("bytes written per cursor move (ncurses, pty)", size: size, Summary(bytes), unit: "B", target: calls == 100_000 ? "≤ 200 B" : "")
        if let rssOpen { table.add("RSS after opening the list", size: size, value: String(format: "%.1f MB", rssOpen), target: calls == 100_000 ? "≤ 40 MB" : "") }
        if let rssBottom { table.add("RSS after scrolling to the bottom", size: size, value: String(format: "%.1f MB", rssBottom), target: calls == 100_000 ? "≤ 40 MB" : "") }
    }

    static func runTmux(_ options: BenchOptions, calls: Int, table: inout ResultTable) throws {
        var samples: [Double] = []
        let socket = "hubcalls-bench-\(getpid())"
        defer { _ = try? PythonClient.shell(["tmux", "-L", socket, "kill-server"], detaches: true) }
        for _ in 0..<5 {
            let readyFile = "\(options.workdir)/ready-\(UUID().uuidString)"
            let env = environment(readyFile: readyFile, options: options)
            let command = ["env"] + ["TERM", "LANG", "HUBCALLS_READY_FILE", "XDG_STATE_HOME", "XDG_CONFIG_HOME"].map { "\($0)=\(env[$0]!)" } + [options.binary, "--db", options.databasePath(calls: calls)]
            let session = "s\(UUID().uuidString.prefix(8))"
            let start = Stopwatch.now()
            try PythonClient.shell(["tmux", "-L", socket, "new-session", "-d", "-s", session, "-x", "120", "-y", "40"] + command, detaches: true)
            guard let _ = waitForFile(readyFile, deadline: 10_000) else { throw BenchError("hubcalls in tmux did not signal readiness") }
            samples.append(Stopwatch.ms(since: start))
            _ = try? PythonClient.shell(["tmux", "-L", socket, "kill-session", "-t", session], detaches: true)
            try? FileManager.default.removeItem(atPath: readyFile)
        }
        table.add("exec → ready, real binary in tmux 120×40", size: "\(calls)", Summary(samples))
    }
}
