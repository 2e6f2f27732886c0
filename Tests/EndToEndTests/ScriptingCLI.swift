import Foundation

/// Runs the built `hubcalls` binary for the scripting-command tests.
struct ScriptingCLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// A temporary directory holding the database and the XDG data directory.
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("hubcalls-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    var database: String { directory.appendingPathComponent("calls.sqlite").path }

    func cleanUp() { try? FileManager.default.removeItem(at: directory) }

    /// The binary: `HUBCALLS_BIN`, else next to the test bundle, else `.build/debug`.
    static let binary: URL = {
        if let path = ProcessInfo.processInfo.environment["HUBCALLS_BIN"] { return URL(fileURLWithPath: path) }
        var candidates: [URL] = []
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(dir.appendingPathComponent("hubcalls"))
            dir = dir.deletingLastPathComponent()
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug/hubcalls"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }()

    /// Runs `hubcalls args…` with `--db` unless `useDefaultDatabase`, and a private
    /// `XDG_DATA_HOME`.
    func run(_ arguments: [String], useDefaultDatabase: Bool = false, environment extra: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = Self.binary
        var args = arguments
        if !useDefaultDatabase { args += ["--db", database] }
        process.arguments = args
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_DATA_HOME"] = directory.appendingPathComponent("xdg").path
        environment["TZ"] = "UTC"
        environment.merge(extra) { $1 }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read before waiting so a large output cannot fill the pipe and block the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try run(arguments)
        guard result.status == 0 else { throw CLIFailure(result: result) }
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
    }

    struct CLIFailure: Error, CustomStringConvertible {
        var result: Result
        var description: String { "exit \(result.status): \(result.stderr)" }
    }
}
