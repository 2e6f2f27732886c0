import CallsCore
import Foundation
import HubSpotServer
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `hubcalls serve` started inside the test process on 127.0.0.1 with a random port, over a
/// given store. ``stop()`` cancels it (tests call it in `defer`).
final class InProcessServer: Sendable {
    let port: Int
    let token: String
    private let task: Task<Void, any Error>

    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    private init(port: Int, token: String, task: Task<Void, any Error>) {
        self.port = port
        self.token = token
        self.task = task
    }

    /// Starts the server and waits until it listens.
    static func start(
        service: any CRMService, rateLimits: RateLimitConfiguration? = RateLimitConfiguration(),
        faults: FaultConfiguration = FaultConfiguration(), searchLimits: SearchLimitConfiguration = SearchLimitConfiguration()
    ) async throws -> InProcessServer {
        // A random token per run: fixtures never hold anything that looks like a real one.
        let token = "conformance-" + UUID().uuidString
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        var configuration = HubSpotServerConfiguration(host: "127.0.0.1", port: 0, token: token, rateLimits: rateLimits, faults: faults)
        configuration.searchLimits = searchLimits
        configuration.onListening = { port in
            continuation.yield(port)
            continuation.finish()
        }
        let app = HubSpotServer.buildApplication(service: service, configuration: configuration)
        let task = Task { try await app.runService() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            task.cancel()
            throw CRMError(kind: .other, message: "the in-process server did not start")
        }
        return InProcessServer(port: port, token: token, task: task)
    }

    func stop() async {
        task.cancel()
        _ = await task.result
    }

    /// Zeroes the server's counters (`DELETE /__hubcalls/stats`).
    func resetStats() async throws {
        var request = URLRequest(url: baseURL.appendingPathComponent("__hubcalls/stats"))
        request.httpMethod = "DELETE"
        _ = try await URLSession.shared.data(for: request)
    }

    /// The server's test-aid counters (`GET /__hubcalls/stats`).
    func stats() async throws -> ServerCounters {
        let (data, _) = try await URLSession.shared.data(from: baseURL.appendingPathComponent("__hubcalls/stats"))
        return try JSONDecoder().decode(ServerCounters.self, from: data)
    }
}

/// The JSON of `GET /__hubcalls/stats`.
struct ServerCounters: Decodable {
    var totalRequests: Int
    var rateLimited: Int
    var injectedErrors: Int
    var droppedConnections: Int
    var createRequests: Int
    var searchRequests: Int
    var maxRequestsIn10Seconds: Int
    var maxSearchesIn1Second: Int
    var byStatus: [String: Int]
}
