import CallsCore
import Foundation

/// ``CRMService`` over HubSpot's REST API (or any server that speaks it, such as
/// `hubcalls serve`).
///
/// Every operation maps to one documented endpoint (FINDINGS.md §3); requests go through a
/// ``RateLimiter`` and a ``RetryPolicy``, responses are decoded leniently, and everything
/// that goes wrong arrives as a ``CRMError`` carrying HubSpot's message, category and
/// correlation id. Creates are never sent twice blindly: when a create's outcome is unknown
/// the service looks for the record before trying again (see `CreateMatcher`).
///
/// Owners, property definitions and outcomes are fetched once and cached (``invalidateCaches()``
/// drops them); ``requestStats`` counts what everything cost.
///
/// ```swift
/// let configuration = try HubSpotConfiguration.resolve(baseURLFlag: nil, file: nil)
/// // Requests through hubcalls-https, installed next to the running executable.
/// let service = HubSpotCRMService.throughInstalledHelper(configuration)
/// let page = try await service.list(.calls, ListRequest(limit: 50, properties: CallProperty.listSet))
/// ```
public final class HubSpotCRMService: CRMService {
    public let configuration: HubSpotConfiguration
    let executor: RequestExecutor
    let cache = MetadataCache()
    /// Seconds to wait before each look-up of a create whose outcome is unknown (search
    /// indexes lag a little behind writes on HubSpot).
    let createLookupDelays: [Double]

    /// - Parameters:
    ///   - transport: the HTTP layer: ``TransportHelperClient`` (URLSession in the
    ///     `hubcalls-https` helper), or `URLSessionTransport` in process (tests, which also
    ///     wrap it to inject faults).
    ///   - clock: time for pacing and back-off.
    ///   - createLookupDelays: delays before each look-up of a create with an unknown outcome.
    public init(
        configuration: HubSpotConfiguration, transport: any HTTPTransport,
        clock: any PacingClock = SystemPacingClock(), createLookupDelays: [Double] = [0, 1, 2]
    ) {
        self.configuration = configuration
        self.createLookupDelays = createLookupDelays.isEmpty ? [0] : createLookupDelays
        executor = RequestExecutor(
            baseURL: configuration.baseURL, token: configuration.token,
            transport: transport,
            limiter: RateLimiter(budget: configuration.budget, clock: clock), policy: configuration.retry, clock: clock,
            timeout: configuration.timeout, tokenHelp: configuration.tokenHelp, log: configuration.log
        )
    }

    /// What the service has cost so far (requests, retries, 429s, waiting).
    public var requestStats: RequestStats { executor.stats }

    /// Forgets cached owners, property definitions and outcomes (the next call refetches).
    public func invalidateCaches() async { await cache.clear() }

    /// The shared limiter, for diagnostics.
    public var rateLimiter: RateLimiter { executor.limiter }
}

// MARK: - Sending and decoding

extension HubSpotCRMService {
    /// Sends a request and decodes its JSON body as `T`.
    func fetch<T: Decodable>(_ type: T.Type, _ request: HubSpotRequest) async throws -> T {
        let response = try await executor.send(request)
        return try decode(type, response, for: request)
    }

    func decode<T: Decodable>(_ type: T.Type, _ response: TransportResponse, for request: HubSpotRequest) throws -> T {
        do {
            return try WireJSON.decoder().decode(T.self, from: response.body)
        } catch {
            executor.count { $0.failures += 1 }
            throw executor.decodingError(request, response: response, underlying: error)
        }
    }

    /// A JSON body for an encodable wire value.
    func body<T: Encodable>(_ value: T) -> Data { WireJSON.data(value) }

    static func objectsPath(_ type: ObjectType) -> String { "/crm/v3/objects/\(type.rawValue)" }

    static func objectPath(_ type: ObjectType, _ id: String) -> String {
        "/crm/v3/objects/\(type.rawValue)/\(HubSpotRequest.segment(id))"
    }

    /// `properties=a,b` (comma form; HubSpot accepts it and it keeps URLs short).
    static func listQuery(_ name: String, _ values: [String]) -> [(name: String, value: String)] {
        values.isEmpty ? [] : [(name, values.joined(separator: ","))]
    }
}

// MARK: - RequestCounting

extension HubSpotCRMService: RequestCounting {
    public var requestCount: Int { executor.stats.requests }
    public var requestSummary: String { executor.stats.summary }
}
