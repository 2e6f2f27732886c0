import Foundation

/// A program in a detached tmux session of its own server (`-L`), for the browser's
/// end-to-end tests: send keys, read the screen, wait for text or files without fixed sleeps.
final class BrowserTmux {
    let socket = "hubcalls-browser-e2e-\(UUID().uuidString.prefix(12))"
    private var killed = false

    /// Starts `command` (run by `/bin/sh -c`) in a `width`×`height` window with `LANG=C.UTF-8`.
    init(command: String, width: Int, height: Int) throws {
        // Through system(3): Foundation's Process waits forever for a client whose server
        // daemon it forked (seen on Linux with swift-corelibs-foundation).
        let script = command + "; echo EXIT-$?; sleep 600"
        let line = "tmux -L \(socket) -f /dev/null new-session -d -s main -x \(width) -y \(height) -e LANG=C.UTF-8 -e LC_ALL=C.UTF-8 -e TERM=xterm-256color /bin/sh -c \(Self.quote(script)) </dev/null >/dev/null 2>&1"
        let status = system(line)
        guard status == 0 else { throw E2EError.failed("tmux new-session", status: status, output: "") }
    }

    deinit { kill() }

    /// Single-quotes a string for /bin/sh.
    static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    func kill() {
        guard !killed else { return }
        killed = true
        _ = try? tmux(["kill-server"])
    }

    /// Sends keys by tmux name (`j`, `Enter`, `C-s`); `-l` first sends the rest literally.
    func send(_ keys: String...) throws {
        try tmux(["send-keys", "-t", "main"] + keys)
    }

    func capture() throws -> String {
        try tmux(["capture-pane", "-p", "-t", "main"])
    }

    /// Polls the screen until `predicate` holds; throws with the last screen at the deadline.
    @discardableResult
    func waitUntil(_ description: String, timeout: TimeInterval = 15, _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let screen = try capture()
            if predicate(screen) { return screen }
            guard Date() < deadline else { throw E2EError.timedOut(description, screen: screen) }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    /// The screen once two captures 50 ms apart agree (tmux can be captured while the app's
    /// frame is still arriving, e.g. a picker's title drawn and its items not yet).
    func settled(after screen: String, timeout: TimeInterval = 5) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = screen
        while Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
            let now = try capture()
            if now == last { return now }
            last = now
        }
        return last
    }

    @discardableResult
    func waitFor(text: String, timeout: TimeInterval = 15) throws -> String {
        try waitUntil("'\(text)'", timeout: timeout) { $0.contains(text) }
    }

    func waitForFile(_ path: String, timeout: TimeInterval = 20) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while !FileManager.default.fileExists(atPath: path) {
            guard Date() < deadline else { throw E2EError.timedOut("file \(path)", screen: (try? capture()) ?? "") }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        try runProcess("/usr/bin/env", ["tmux", "-L", socket] + arguments)
    }
}

enum E2EError: Error, CustomStringConvertible {
    case timedOut(String, screen: String)
    case failed(String, status: Int32, output: String)
    case noBinary

    var description: String {
        switch self {
        case .timedOut(let what, let screen): "timed out waiting for \(what); screen:\n\(screen)"
        case .failed(let command, let status, let output): "\(command) failed (\(status)): \(output)"
        case .noBinary: "hubcalls binary not found; run swift build"
        }
    }
}

/// Runs a program to completion with output in a temp file (a pipe would stay open in a
/// forked tmux server); throws on a non-zero exit.
@discardableResult
func runProcess(_ path: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("hubcalls-e2e-out-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: out.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: out) }
    let handle = try FileHandle(forWritingTo: out)
    process.standardOutput = handle
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try? handle.close()
    let text = (try? String(contentsOf: out, encoding: .utf8)) ?? ""
    guard process.terminationStatus == 0 else { throw E2EError.failed(([path] + arguments).joined(separator: " "), status: process.terminationStatus, output: text) }
    return text
}

/// The built `hubcalls` next to the test bundle, or in this package's `.build/debug`.
func browserBinary(filePath: String = #filePath) throws -> String {
    let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var directory = testBinary.deletingLastPathComponent()
    var candidates: [String] = []
    for _ in 0..<4 {
        candidates.append(directory.appendingPathComponent("hubcalls").path)
        directory = directory.deletingLastPathComponent()
    }
    let root = URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    candidates.append(root.appendingPathComponent(".build/debug/hubcalls").path)
    for candidate in candidates {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue, FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
    }
    throw E2EError.noBinary
}
