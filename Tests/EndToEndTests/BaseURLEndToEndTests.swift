import Foundation
import Testing

/// `--base-url` forms that used to fail with bare network error codes (QA4 Q4-18), against
/// `hubcalls serve` on a random port.
@Suite struct BaseURLEndToEndTests {
    func client(_ cli: ScriptingCLI, baseURL: String, token: String) throws -> ScriptingCLI.Result {
        try cli.run(["list", "--backend", "hubspot", "--base-url", baseURL, "--limit", "1"], useDefaultDatabase: true,
                    environment: ["HUBSPOT_ACCESS_TOKEN": token, "XDG_CONFIG_HOME": cli.directory.path, "HUBSPOT_BASE_URL": ""])
    }

    @Test func anIPv6LoopbackBaseURLReachesTheServer() async throws {
        let cli = try ScriptingCLI()
        defer { cli.cleanUp() }
        let token = "e2e-" + UUID().uuidString
        let (server, port) = try await ServeCommandTests.launch(["--host", "::1"], environment: ["HUBCALLS_SERVE_TOKEN": token], in: cli.directory)
        defer { server.stop() }
        let result = try client(cli, baseURL: "http://[::1]:\(port)", token: token)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(!result.stdout.isEmpty)
    }

    @Test func httpsToAPlainHTTPServerIsExplainedAsATLSFailure() async throws {
        let cli = try ScriptingCLI()
        defer { cli.cleanUp() }
        let token = "e2e-" + UUID().uuidString
        let (server, port) = try await ServeCommandTests.launch([], environment: ["HUBCALLS_SERVE_TOKEN": token], in: cli.directory)
        defer { server.stop() }
        let result = try client(cli, baseURL: "https://127.0.0.1:\(port)", token: token)
        #expect(result.status != 0)
        #expect(result.stderr.contains("Could not open a secure connection to 127.0.0.1:\(port): the TLS handshake failed"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("Is it an https server"))
        #expect(!result.stderr.contains(token))
    }
}
