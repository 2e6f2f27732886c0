import Foundation

/// Runs a child process without blocking a Swift concurrency thread (the server under test
/// answers on those threads): output goes to temp files, completion arrives through
/// `terminationHandler`, and a timeout kills the child.
struct ChildProcess {
    struct Result {
        var status: Int32
        var output: String
        var timedOut: Bool
    }

    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil, timeout: Double = 600) async throws -> Result {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hubcalls-child-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let outputURL = directory.appendingPathComponent("output.txt")
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        let output = try FileHandle(forWritingTo: outputURL)
        defer { try? output.close() }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice

        let box = ProcessBox(process)
        let watchdog = Task {
            try await Task.sleep(for: .seconds(timeout))
            box.timedOut = true
            box.process.terminate()
        }
        defer { watchdog.cancel() }
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        let text = (try? String(contentsOf: outputURL, encoding: .utf8)) ?? ""
        return Result(status: status, output: text, timedOut: box.timedOut)
    }
}

/// Lets the watchdog task reach the process (Process is not Sendable; it is only terminated
/// from there, which Foundation allows from any thread).
private final class ProcessBox: @unchecked Sendable {
    let process: Process
    var timedOut = false
    init(_ process: Process) { self.process = process }
}
