import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `hubcalls serve` as a user runs it: the built binary on a random port, the token from the
/// environment, the request log in a file.
@Suite struct ServeCommandTests {
    /// The `hubcalls` binary next to the test bundle (SwiftPM builds it for this target).
    static func binary() throws -> URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("hubcalls"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("hubcalls"),
            Bundle.main.bundleURL.appendingPathComponent("hubcalls"),
        ]
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw ServeTestError("hubcalls binary not found near \(CommandLine.arguments[0])")
        }
        return found
    }

    @Test func theBinaryPrintsItsPortFirstAndServesWithTheEnvironmentToken() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hubcalls-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let token = "e2e-" + UUID().uuidString
        let logFile = directory.appendingPathComponent("requests.log")

        let server = try ServerProcess(binary: try Self.binary(), arguments: [
            "serve", "--port", "0", "--db", directory.appendingPathComponent("db.sqlite").path, "--log", logFile.path,
        ], environment: ["HUBCALLS_SERVE_TOKEN": token, "HOME": directory.path, "XDG_DATA_HOME": directory.path])
        defer { server.stop() }

        let firstLine = try await server.firstLine(timeout: 60)
        let prefix = "listening on http://127.0.0.1:"
        #expect(firstLine.hasPrefix(prefix), "first stdout line: \(firstLine)")
        let port = try #require(Int(firstLine.dropFirst(prefix.count)))

        let url = try #require(URL(string: "http://127.0.0.1:\(port)/crm/v3/objects/calls?limit=3"))
        var authorized = URLRequest(url: url)
        authorized.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        let (body, response) = try await URLSession.shared.data(for: authorized)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        let json = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
        #expect((json["results"] as? [Any])?.count == 3)

        let (_, anonymous) = try await URLSession.shared.data(from: url)
        #expect((anonymous as? HTTPURLResponse)?.statusCode == 401)

        server.stop()
        let log = try String(contentsOf: logFile, encoding: .utf8)
        #expect(log.split(separator: "\n").count == 2)
        #expect(log.contains("GET /crm/v3/objects/calls 200"))
        #expect(log.contains("GET /crm/v3/objects/calls 401"))
        #expect(!log.contains(token))
        #expect(!server.output.contains(token))
    }
}

extension ServeCommandTests {
    /// Starts the binary with extra arguments and environment; returns it and its port.
    static func launch(_ arguments: [String], environment: [String: String], in directory: URL) async throws -> (ServerProcess, Int) {
        let server = try ServerProcess(binary: try binary(), arguments: ["serve", "--port", "0", "--quiet", "--db", directory.appendingPathComponent("db.sqlite").path] + arguments,
                                       environment: environment.merging(["HOME": directory.path, "XDG_DATA_HOME": directory.path]) { a, _ in a })
        let line = try await server.firstLine(timeout: 60)
        guard let port = line.split(separator: ":").last.flatMap({ Int($0) }) else {
            server.stop()
            throw ServeTestError("unexpected first line: \(line)")
        }
        return (server, port)
    }

    static func status(_ port: Int, token: String, path: String = "/crm/v3/owners") async throws -> Int {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        let (_, response) = try await URLSession.shared.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }

    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hubcalls-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test func rateLimitFlagsSetTheBudget() async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let token = "e2e-" + UUID().uuidString
        // A window far longer than the test, its only dependence on time: it failed once
        // under heavy load (parallel builds, load 13), where three requests can spread
        // over a 10 s window.
        let (server, port) = try await Self.launch(["--rate-limit", "2/600s"], environment: ["HUBCALLS_SERVE_TOKEN": token], in: directory)
        defer { server.stop() }
        var statuses: [Int] = []
        for _ in 0..<3 { statuses.append(try await Self.status(port, token: token)) }
        #expect(statuses == [200, 200, 429])
    }

    @Test("A CLI error from the HubSpot backend quotes HubSpot's category and correlation id")
    func cliErrorsKeepTheCorrelationId() async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let token = "e2e-" + UUID().uuidString
        let (server, port) = try await Self.launch(["--no-rate-limit"], environment: ["HUBCALLS_SERVE_TOKEN": token], in: directory)
        defer { server.stop() }
        let cli = try ScriptingCLI()
        defer { cli.cleanUp() }
        let result = try cli.run(["show", "999999999", "--backend", "hubspot", "--base-url", "http://127.0.0.1:\(port)"], useDefaultDatabase: true,
                                 environment: ["HUBSPOT_ACCESS_TOKEN": token, "XDG_CONFIG_HOME": directory.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("OBJECT_NOT_FOUND"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("correlation id "), "stderr: \(result.stderr)")
        #expect(!result.stderr.contains(token))
    }

    @Test func faultInjectionComesFromTheEnvironment() async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let token = "e2e-" + UUID().uuidString
        let (server, port) = try await Self.launch(["--no-rate-limit"], environment: [
            "HUBCALLS_SERVE_TOKEN": token, "HUBCALLS_FAULT_ERROR_RATE": "1", "HUBCALLS_FAULT_SEED": "5",
        ], in: directory)
        defer { server.stop() }
        let status = try await Self.status(port, token: token)
        #expect([500, 502, 503].contains(status))
    }
}

struct ServeTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A child `hubcalls serve` whose stdout/stderr are collected as they arrive.
final class ServerProcess: @unchecked Sendable {
    // @unchecked: `buffer` is only touched under `lock`; `process` is only started and
    // terminated.
    private let process = Process()
    private let lock = NSLock()
    private var buffer = ""

    init(binary: URL, arguments: [String], environment: [String: String]) throws {
        process.executableURL = binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "HUBCALLS_SERVE_TOKEN")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        stdout.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.lock()
            self.buffer += String(decoding: data, as: UTF8.self)
            self.lock.unlock()
        }
        try process.run()
    }

    var output: String {
        lock.lock()
        defer { lock.unlock() }
        return buffer
    }

    /// Waits (polling, without blocking a thread) for the first full line of stdout.
    func firstLine(timeout: Double) async throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let text = output
            if let newline = text.firstIndex(of: "\n") { return String(text[..<newline]) }
            guard process.isRunning else { throw ServeTestError("hubcalls serve exited early: \(text)") }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw ServeTestError("no output from hubcalls serve within \(timeout) s")
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }
}
