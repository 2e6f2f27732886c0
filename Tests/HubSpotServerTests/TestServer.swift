import CallsCore
import Foundation
import HubSpotAPI
@testable import HubSpotServer
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import LocalStore

/// A manual clock for rate-limit windows: tests move time instead of sleeping.
final class ManualClock: Sendable {
    private let now = Locked(1000.0)
    var read: @Sendable () -> Double { { [now] in now.withLock { $0 } } }
    func advance(_ seconds: Double) { now.withLock { $0 += seconds } }
}

/// Builds the real router over an in-memory LocalStore for `test(.router)`.
struct TestServer {
    let store: LocalCRMService
    let token: String
    let clock = ManualClock()
    var configuration: HubSpotServerConfiguration

    /// A fresh store with `calls` demo calls (and the seed's contacts, companies, owners…).
    static func make(calls: Int = 0, rateLimits: RateLimitConfiguration? = nil, faults: FaultConfiguration = FaultConfiguration(),
                     requestLog: (@Sendable (String) -> Void)? = nil) async throws -> TestServer {
        let store = try LocalCRMService.inMemory()
        if calls > 0 { _ = try await DemoSeed.seed(into: store, calls: calls, reset: true) }
        // A random token per run: tests never carry anything that looks like a real token.
        let token = "test-" + UUID().uuidString
        let configuration = HubSpotServerConfiguration(port: 0, token: token, rateLimits: rateLimits, faults: faults, requestLog: requestLog)
        return TestServer(store: store, token: token, configuration: configuration)
    }

    var app: some ApplicationProtocol {
        Application(router: HubSpotServer.buildRouter(service: store, configuration: configuration, clock: clock.read))
    }

    var auth: HTTPFields { [.authorization: "Bearer \(token)", .contentType: "application/json"] }

    /// Runs `body` against the router (no socket).
    func run(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await app.test(.router) { client in try await body(client) }
    }
}

extension TestResponse {
    /// The body as JSON (objects only).
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [String: Any] ?? [:]
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder().decode(type, from: Data(body.readableBytesView))
    }

    var text: String { String(buffer: body) }

    subscript(header name: String) -> String? { headers[HTTPField.Name(name)!] }
}

extension ByteBuffer {
    static func json(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }
}

extension TestClientProtocol {
    /// A request with the test token and a JSON body, returning the response.
    func call(_ method: HTTPRequest.Method, _ uri: String, _ server: TestServer, body: String? = nil, headers: HTTPFields? = nil) async throws -> TestResponse {
        try await execute(uri: uri, method: method, headers: headers ?? server.auth, body: body.map(ByteBuffer.json)) { $0 }
    }
}
