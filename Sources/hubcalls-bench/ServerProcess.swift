import Foundation

/// `hubcalls serve` started as a child process on a free port, for the HTTP stage.
final class ServerProcess {
    let process = Process()
    let baseURL: URL
    let token: String

    /// Starts the server over `database` with its default rate limits on; `log` keeps its
    /// request log (one line per request with the server's own time) in a file.
    init(binary: String, database: String, extraArguments: [String] = [], log: String? = nil) throws {
        token = "bench-" + UUID().uuidString
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["serve", "--db", database, "--port", "0"] + (log.map { ["--log", $0] } ?? ["--quiet"]) + extraArguments
        var environment = ProcessInfo.processInfo.environment
        environment["HUBCALLS_SERVE_TOKEN"] = token
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The first line is "listening on http://HOST:PORT".
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { throw BenchError("hubcalls serve exited before listening") }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let range = text.range(of: "http://"), let url = URL(string: String(text[range.lowerBound...]).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw BenchError("unexpected first line from hubcalls serve: \(text)")
        }
        baseURL = url
    }

    deinit {
        process.terminate()
        process.waitUntilExit()
    }

    /// The server's counters (`GET /__hubcalls/stats`).
    func stats() async throws -> [String: Any] {
        let (data, _) = try await URLSession.shared.data(from: baseURL.appendingPathComponent("__hubcalls/stats"))
        return (try JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
    }

    func resetStats() async throws {
        var request = URLRequest(url: baseURL.appendingPathComponent("__hubcalls/stats"))
        request.httpMethod = "DELETE"
        _ = try await URLSession.shared.data(for: request)
    }
}

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
