import CallsCore
import Foundation
import HubSpotAPI
import hubcalls_https
import HubSpotServer
import LocalStore
import Testing

/// The two backends every conformance scenario runs against.
enum BackendKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    /// `LocalCRMService` called directly.
    case local
    /// `HubSpotCRMService` over HTTP to `hubcalls serve` (in-process, loopback) over a
    /// `LocalCRMService`.
    case hubspot

    var testDescription: String { rawValue }
}

/// One backend under test, with the store underneath it and (for `hubspot`) the server.
struct Backend: Sendable {
    let kind: BackendKind
    let service: any CRMService
    /// The store the data lives in (for `hubspot`, the server's), for setup and for counting
    /// what really happened.
    let store: LocalCRMService
    let server: InProcessServer?

    var client: HubSpotCRMService? { service as? HubSpotCRMService }

    /// A fresh, empty backend plus the shared fixture records (same ids in both kinds: the
    /// store numbers records in creation order).
    static func make(
        _ kind: BackendKind, storeOptions: LocalStoreOptions = .hubSpot,
        rateLimits: RateLimitConfiguration? = nil, faults: FaultConfiguration = FaultConfiguration(),
        searchLimits: SearchLimitConfiguration = SearchLimitConfiguration(),
        budget: RateLimiter.Budget = .hubSpotDefault, retry: RetryPolicy = RetryPolicy(), searchResultCap: Int = 10_000,
        wrap: (@Sendable (any HTTPTransport) -> any HTTPTransport)? = nil
    ) async throws -> Backend {
        let store = try LocalCRMService.inMemory(options: storeOptions)
        switch kind {
        case .local:
            return Backend(kind: kind, service: store, store: store, server: nil)
        case .hubspot:
            let server = try await InProcessServer.start(service: store, rateLimits: rateLimits, faults: faults, searchLimits: searchLimits)
            let configuration = HubSpotConfiguration(
                baseURL: server.baseURL, token: AccessToken(server.token, source: "from the test"),
                budget: budget, retry: retry, timeout: 10, searchResultCap: searchResultCap, configPath: "/nonexistent/config.toml"
            )
            let transport = URLSessionTransport(timeout: 10)
            let client = HubSpotCRMService(
                configuration: configuration, transport: wrap?(transport) ?? transport, createLookupDelays: [0]
            )
            return Backend(kind: kind, service: client, store: store, server: server)
        }
    }

    func close() async { await server?.stop() }
}

/// Runs `body` against a fresh backend and always stops its server.
func withBackend(
    _ kind: BackendKind, storeOptions: LocalStoreOptions = .hubSpot, rateLimits: RateLimitConfiguration? = nil,
    faults: FaultConfiguration = FaultConfiguration(), searchLimits: SearchLimitConfiguration = SearchLimitConfiguration(),
    budget: RateLimiter.Budget = .hubSpotDefault, retry: RetryPolicy = RetryPolicy(), searchResultCap: Int = 10_000,
    wrap: (@Sendable (any HTTPTransport) -> any HTTPTransport)? = nil,
    _ body: (Backend) async throws -> Void
) async throws {
    let backend = try await Backend.make(
        kind, storeOptions: storeOptions, rateLimits: rateLimits, faults: faults, searchLimits: searchLimits,
        budget: budget, retry: retry, searchResultCap: searchResultCap, wrap: wrap
    )
    do {
        try await body(backend)
    } catch {
        await backend.close()
        throw error
    }
    await backend.close()
}
