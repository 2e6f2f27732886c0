import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HubSpotAPI

/// ``HTTPTransport`` over Foundation's `URLSession` (FoundationNetworking on Linux).
///
/// Uses an ephemeral session: no cookies, no URL cache, no credential storage, so nothing
/// about the account is written to disk. Redirects are followed by URLSession
/// (`/calling/v1/dispositions` is served through one).
///
/// Every request gets a session, and so a connection, of its own: no keep-alive. On Linux,
/// when the server closed a reused keep-alive connection without answering (a restart, an
/// idle timeout, a load balancer), FoundationNetworking often did not report it until the
/// request timeout, 30 s later, instead of at once (libcurl reconnects on a dead reused
/// connection, and the new socket's events were lost; QA3 R3). A fresh connection that is
/// closed fails its request at once, and the retry policy sends it again. The price is a
/// TCP and TLS handshake per request.
public final class URLSessionTransport: HTTPTransport, @unchecked Sendable {
    // Read-only after init; `URLSessionConfiguration` is only not marked Sendable.
    private let configuration: URLSessionConfiguration

    /// Connections per host; the executor keeps at most this many requests in flight.
    public static let maxConnectionsPerHost = HTTPConnections.perHost

    /// - Parameter timeout: seconds for a whole request (also capped per request).
    public init(timeout: Double = 30) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout * 2
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        configuration.urlCredentialStorage = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpMaximumConnectionsPerHost = Self.maxConnectionsPerHost
        self.configuration = configuration
    }

    public func send(_ request: TransportRequest) async throws -> TransportResponse {
        var urlRequest = URLRequest(url: request.url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: request.timeout)
        urlRequest.httpMethod = request.method
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        urlRequest.httpBody = request.body
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let (data, response) = try await session.data(for: urlRequest)
        guard let http = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields {
            if let key = key as? String, let value = value as? String { headers[key.lowercased()] = value }
        }
        return TransportResponse(status: http.statusCode, headers: headers, body: data)
    }
}
