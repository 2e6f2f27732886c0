import Foundation

/// One API call as the service describes it, before the executor turns it into HTTP.
struct HubSpotRequest: Sendable {
    enum Method: String, Sendable {
        case get = "GET", post = "POST", patch = "PATCH", put = "PUT", delete = "DELETE"
    }

    var method: Method
    /// Path below the base URL, segments already percent-encoded (see ``segment(_:)``).
    var path: String
    var query: [(name: String, value: String)] = []
    var body: Data?
    var bucket: RateLimiter.Bucket = .standard
    /// Safe to repeat blindly (reads, PATCH, PUT, DELETE, search, batch read/update/archive).
    var idempotent: Bool
    /// A DELETE retried after a lost attempt may find the record already gone: that 404
    /// means the first attempt worked.
    var notFoundAfterLostAttemptIsSuccess = false
    /// Whether the request may change data (for error messages: a lost read changed nothing).
    var changes: Bool {
        method != .get && !path.hasSuffix("/batch/read") && !path.hasSuffix("/search")
    }
    /// Endpoint template for statistics and logs (`GET /crm/v3/objects/{type}`).
    var endpoint: String

    init(_ method: Method, _ path: String, endpoint: String, query: [(name: String, value: String)] = [], body: Data? = nil, bucket: RateLimiter.Bucket = .standard, idempotent: Bool? = nil) {
        self.method = method
        self.path = path
        self.endpoint = "\(method.rawValue) \(endpoint)"
        self.query = query
        self.body = body
        self.bucket = bucket
        self.idempotent = idempotent ?? (method != .post)
    }

    /// A path segment with everything but unreserved characters percent-encoded, so an id
    /// like `../owners` stays one segment.
    static func segment(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }

    /// The absolute URL under `base` (which may carry a path prefix).
    func url(base: URL) -> URL? {
        guard var components = URLComponents(url: base, resolvingAgainstBaseURL: false) else { return nil }
        let prefix = components.percentEncodedPath.hasSuffix("/") ? String(components.percentEncodedPath.dropLast()) : components.percentEncodedPath
        components.percentEncodedPath = prefix + path
        if !query.isEmpty {
            var allowed = CharacterSet.alphanumerics
            allowed.insert(charactersIn: "-._~,")
            components.percentEncodedQuery = query.map { item in
                "\(item.name.addingPercentEncoding(withAllowedCharacters: allowed) ?? item.name)=\(item.value.addingPercentEncoding(withAllowedCharacters: allowed) ?? item.value)"
            }.joined(separator: "&")
        }
        return components.url
    }
}
