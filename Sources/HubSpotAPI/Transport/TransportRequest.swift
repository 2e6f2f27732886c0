import Foundation

/// One HTTP exchange as the transport sees it: absolute URL, method, headers, body.
///
/// Built by the request executor; the `Authorization` header is set here and nowhere else,
/// and ``description`` never shows it.
public struct TransportRequest: Sendable {
    public var url: URL
    public var method: String
    public var headers: [String: String]
    public var body: Data?
    /// Seconds before the request is abandoned with a timeout.
    public var timeout: Double
    /// Safe to send again when it is not known whether the server received it (reads, search,
    /// PATCH, PUT, DELETE; not a create). Only such requests may go over a kept-alive
    /// connection: when one of those dies before any answer, the transport sends the request
    /// again at once on a new connection (see `URLSessionTransport`).
    public var idempotent: Bool

    /// - Parameter idempotent: default: every method but POST (a POST may create).
    public init(url: URL, method: String, headers: [String: String] = [:], body: Data? = nil, timeout: Double = 30, idempotent: Bool? = nil) {
        self.url = url
        self.method = method
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.idempotent = idempotent ?? (method.uppercased() != "POST")
    }
}

/// A response with lower-cased header names.
public struct TransportResponse: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        self.body = body
    }

    /// A header by case-insensitive name.
    public func header(_ name: String) -> String? { headers[name.lowercased()] }

    /// `X-HubSpot-Correlation-Id`, which HubSpot support asks for.
    public var correlationId: String? { header("x-hubspot-correlation-id") }
}

/// Sends one HTTP request. The real one is `URLSessionTransport`, which lives in the
/// `hubcalls-https` helper executable (the only code that links FoundationNetworking);
/// `hubcalls` reaches it through ``TransportHelperClient``. Tests use it in process and wrap
/// it to inject faults (a dropped connection after the server has processed a create, for
/// example).
public protocol HTTPTransport: Sendable {
    /// Throws a `URLError` (or any error in `NSURLErrorDomain`, see ``TransportError``) when
    /// no HTTP response arrived.
    func send(_ request: TransportRequest) async throws -> TransportResponse
}

/// Limits shared by every transport.
public enum HTTPConnections {
    /// Connections per host; the executor keeps at most this many requests in flight.
    public static let perHost = 6
}

// MARK: - Redaction

extension TransportRequest: CustomStringConvertible {
    /// `GET https://api.hubapi.com/crm/v3/objects/calls` — method and URL without the query
    /// (it may hold search text or e-mail addresses) and never a header.
    public var description: String {
        var components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        components?.query = nil
        return "\(method) \(components?.string ?? url.path)"
    }
}
