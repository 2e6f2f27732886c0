import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HubSpotAPI

/// ``HTTPTransport`` over Foundation's `URLSession` (FoundationNetworking on Linux).
///
/// Uses ephemeral sessions: no cookies, no URL cache, no credential storage, so nothing
/// about the account is written to disk. Redirects are followed by URLSession
/// (`/calling/v1/dispositions` is served through one).
///
/// **Connections.** Requests that are safe to repeat (``TransportRequest/idempotent``: reads,
/// search, batch reads, updates, deletes) share one session and so its kept-alive
/// connections, as long as they come within ``idleWindow`` of each other (an
/// ``IdleSessionPool``): no TCP and TLS handshake per request. A create gets a connection of
/// its own, used once.
///
/// **A kept-alive connection that dies before the answer.** When the server closes a reused
/// connection without answering (a restart, a dropped request, a load balancer), libcurl
/// opens a new connection and sends the request again by itself. For a request with a body
/// it first asks URLSession to rewind the body, and FoundationNetworking on Linux cannot
/// rewind a `Data` body: it reports success and sends the headers alone, so the server waits
/// for a body that never comes and the request hangs until its timeout (30 s; QA3 R3). The
/// rewind is the one sign of that retry a client can see: ``DeadConnectionWatch`` answers
/// it, cancels the doomed retry, and this transport sends the request again at once on a new
/// connection of its own. That is safe because only idempotent requests use kept-alive
/// connections; a create is never retried by libcurl (a fresh connection is not), so whether
/// it reached the server stays the executor's question (it looks the record up first).
public final class URLSessionTransport: HTTPTransport, @unchecked Sendable {
    // Read-only after init; `URLSessionConfiguration` is only not marked Sendable.
    private let configuration: URLSessionConfiguration
    private let watch = DeadConnectionWatch()
    private let pool: IdleSessionPool<URLSession>

    /// Connections per host; the executor keeps at most this many requests in flight.
    public static let maxConnectionsPerHost = HTTPConnections.perHost

    /// Seconds a kept-alive connection may stay idle and still be reused: below the idle
    /// timeouts of load balancers and NAT tables (tens of seconds), above the pauses of
    /// paging under HubSpot's rate limit (a burst of 100 requests, then up to 10 s).
    public static let defaultIdleWindow = 10.0

    /// Sessions (sets of kept-alive connections) opened so far, and requests sent again on a
    /// new connection after a kept-alive one died (tests and the bench).
    public var sessionsMade: Int { pool.sessionsMade }
    public var resentAfterDeadConnection: Int { watch.resent }

    /// - Parameters:
    ///   - timeout: seconds for a whole request (also capped per request).
    ///   - idleWindow: see ``defaultIdleWindow``; 0 reuses a connection only while requests
    ///     overlap.
    public init(timeout: Double = 30, idleWindow: Double = URLSessionTransport.defaultIdleWindow) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout * 2
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        configuration.urlCredentialStorage = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpMaximumConnectionsPerHost = Self.maxConnectionsPerHost
        self.configuration = configuration
        let watch = self.watch
        pool = IdleSessionPool(
            idleWindow: idleWindow,
            make: { URLSession(configuration: configuration, delegate: watch, delegateQueue: nil) },
            retire: { $0.finishTasksAndInvalidate() }
        )
    }

    public func send(_ request: TransportRequest) async throws -> TransportResponse {
        var urlRequest = URLRequest(url: IPv6LoopbackURL.reachable(request.url), cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: request.timeout)
        urlRequest.httpMethod = request.method
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        urlRequest.httpBody = request.body
        guard request.idempotent else { return try await sendOnNewConnection(urlRequest) }
        let session = pool.checkOut()
        defer { pool.checkIn() }
        do {
            return try await perform(urlRequest, on: session)
        } catch is ConnectionDiedBeforeAnswer {
            watch.countResend()
            return try await sendOnNewConnection(urlRequest)
        }
    }

    /// Sends on a session of its own, ended afterwards: a new connection, used once, which
    /// libcurl never retries by itself.
    private func sendOnNewConnection(_ urlRequest: URLRequest) async throws -> TransportResponse {
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        return try await perform(urlRequest, on: session)
    }
}
