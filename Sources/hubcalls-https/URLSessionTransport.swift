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
public final class URLSessionTransport: HTTPTransport, @unchecked Sendable {
    // `URLSession` is thread-safe; it is only not marked Sendable on every platform.
    private let session: URLSession

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
        session = URLSession(configuration: configuration)
    }

    deinit { session.finishTasksAndInvalidate() }

    public func send(_ request: TransportRequest) async throws -> TransportResponse {
        var urlRequest = URLRequest(url: request.url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: request.timeout)
        urlRequest.httpMethod = request.method
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        urlRequest.httpBody = request.body
        let (data, response) = try await session.data(for: urlRequest)
        guard let http = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields {
            if let key = key as? String, let value = value as? String { headers[key.lowercased()] = value }
        }
        return TransportResponse(status: http.statusCode, headers: headers, body: data)
    }
}
