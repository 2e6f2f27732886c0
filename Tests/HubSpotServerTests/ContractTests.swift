import CallsCore
import Foundation
@testable import HubSpotServer
import Hummingbird
import HummingbirdTesting
import LocalStore
import Testing

/// `hubcalls serve` driven by HubSpot's official Python client (`hubspot-api-client` from
/// PyPI) over loopback: the server must satisfy the client's models and status handling
/// unchanged. The script is `Contract/official_python_client.py`.
///
/// The venv lives in the package's `.build/` and is created on first run (needs PyPI once);
/// a missing Python fails the test rather than skipping it.
@Suite(.serialized) struct ContractTests {
    /// Pinned client version (latest on PyPI when this was written).
    static let clientVersion = "12.0.0"

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Contract/official_python_client.py")

    @Test func theOfficialPythonClientWorksAgainstTheServer() async throws {
        let python = try await Self.venvPython()

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hubcalls-contract-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try LocalCRMService(path: directory.appendingPathComponent("contract.sqlite").path)
        _ = try await DemoSeed.seed(into: store, calls: 300, reset: true)

        let token = "contract-" + UUID().uuidString
        let configuration = HubSpotServerConfiguration(host: "127.0.0.1", port: 0, token: token)
        let app = Application(
            router: HubSpotServer.buildRouter(service: store, configuration: configuration),
            configuration: .init(address: .hostname("127.0.0.1", port: 0))
        )
        try await app.test(.live) { client in
            let port = try #require(client.port)
            var environment = ProcessInfo.processInfo.environment
            environment["HUBCALLS_CONTRACT_HOST"] = "http://127.0.0.1:\(port)"
            environment["HUBCALLS_CONTRACT_TOKEN"] = token
            environment["PYTHONDONTWRITEBYTECODE"] = "1"
            // Loopback only: never let a proxy setting route the test elsewhere.
            environment["NO_PROXY"] = "127.0.0.1,localhost"
            environment["no_proxy"] = "127.0.0.1,localhost"
            let result = try await ChildProcess.run(python, [Self.script.path], environment: environment, timeout: 300)
            #expect(!result.timedOut, "the contract script timed out:\n\(result.output)")
            #expect(result.status == 0, "the contract script failed:\n\(result.output)")
            #expect(result.output.contains("contract OK"), "no success line:\n\(result.output)")
        }
    }

    @Test func theOfficialPythonClientSeesHubSpotsRateLimits() async throws {
        let python = try await Self.venvPython()
        let store = try LocalCRMService.inMemory()
        _ = try await DemoSeed.seed(into: store, calls: 5, reset: true)
        let token = "contract-" + UUID().uuidString
        let configuration = HubSpotServerConfiguration(port: 0, token: token, rateLimits: RateLimitConfiguration(max: 3, interval: 10))
        let server = try await HubSpotServer.start(service: store, configuration: configuration)
        var environment = ProcessInfo.processInfo.environment
        environment["HUBCALLS_CONTRACT_HOST"] = server.baseURL.absoluteString
        environment["HUBCALLS_CONTRACT_TOKEN"] = token
        environment["PYTHONDONTWRITEBYTECODE"] = "1"
        environment["NO_PROXY"] = "127.0.0.1,localhost"
        environment["no_proxy"] = "127.0.0.1,localhost"
        let result = try await ChildProcess.run(python, [Self.script.path, "rate-limits"], environment: environment, timeout: 120)
        await server.stop()
        #expect(result.status == 0, "the rate-limit contract failed:\n\(result.output)")
        #expect(result.output.contains("contract OK"), "no success line:\n\(result.output)")
    }

    /// The venv's python, creating the venv and installing the pinned client when missing.
    static func venvPython() async throws -> String {
        let venv = packageRoot.appendingPathComponent(".build/contract-venv")
        let python = venv.appendingPathComponent("bin/python").path
        let marker = venv.appendingPathComponent("hubcalls-pin.txt")
        let pin = "hubspot-api-client==\(clientVersion)"
        if FileManager.default.isExecutableFile(atPath: python), (try? String(contentsOf: marker, encoding: .utf8)) == pin {
            return python
        }
        guard let system = ["/usr/bin/python3", "/usr/local/bin/python3", "/opt/homebrew/bin/python3"].first(where: FileManager.default.isExecutableFile(atPath:)) else {
            Issue.record("python3 is required for the contract tests (install Python 3 with venv and pip)")
            throw ContractSetupError(message: "python3 not found")
        }
        let created = try await ChildProcess.run(system, ["-m", "venv", "--clear", venv.path])
        guard created.status == 0 else {
            Issue.record("python3 -m venv failed (is python3-venv installed?):\n\(created.output)")
            throw ContractSetupError(message: "venv creation failed")
        }
        let installed = try await ChildProcess.run(python, ["-m", "pip", "install", "-q", "--disable-pip-version-check", pin])
        guard installed.status == 0 else {
            Issue.record("pip install \(pin) failed:\n\(installed.output)")
            throw ContractSetupError(message: "pip install failed")
        }
        try pin.write(to: marker, atomically: true, encoding: .utf8)
        return python
    }
}

struct ContractSetupError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
