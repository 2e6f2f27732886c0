import Foundation

/// Every failure the UI and CLI can see, shaped like HubSpot's error body (FINDINGS.md §5.5)
/// plus the transport cases HubSpot cannot report itself (offline, timeout, undecodable).
///
/// The description never includes request headers or tokens; it quotes the correlation id so
/// a user can hand it to HubSpot support.
public struct CRMError: Error, Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, Codable {
        case validation, notFound, conflict, unauthorized, forbidden, rateLimited
        case offline, timeout, decoding, server, invalidRequest, other
    }

    /// One entry of the body's `errors` list.
    public struct Detail: Sendable, Equatable, Codable {
        public var message: String
        public var code: String?
        public var subCategory: String?
        public var context: [String: [String]]?

        public init(message: String, code: String? = nil, subCategory: String? = nil, context: [String: [String]]? = nil) {
            self.message = message
            self.code = code
            self.subCategory = subCategory
            self.context = context
        }
    }

    public var kind: Kind
    /// HTTP status when one was received.
    public var status: Int?
    public var message: String
    public var correlationId: String?
    public var category: String?
    public var subCategory: String?
    public var context: [String: [String]]
    public var errors: [Detail]
    /// Rate limiting: the policy hit (`TEN_SECONDLY_ROLLING`, `SECONDLY`, `DAILY`).
    public var policyName: String?
    /// Seconds to wait before retrying, when the server said so.
    public var retryAfter: Double?
    /// For a per-item batch error: the id of the item that failed, when known.
    public var id: String?

    public init(
        kind: Kind, status: Int? = nil, message: String, correlationId: String? = nil,
        category: String? = nil, subCategory: String? = nil, context: [String: [String]] = [:],
        errors: [Detail] = [], policyName: String? = nil, retryAfter: Double? = nil, id: String? = nil
    ) {
        self.kind = kind
        self.status = status
        self.message = message
        self.correlationId = correlationId
        self.category = category
        self.subCategory = subCategory
        self.context = context
        self.errors = errors
        self.policyName = policyName
        self.retryAfter = retryAfter
        self.id = id
    }

    /// The HubSpot category for a kind, used when a local backend raises the error.
    public var hubSpotCategory: String {
        if let category { return category }
        switch kind {
        case .validation, .invalidRequest: return "VALIDATION_ERROR"
        case .notFound: return "OBJECT_NOT_FOUND"
        case .conflict: return "CONFLICT"
        case .unauthorized: return "INVALID_AUTHENTICATION"
        case .forbidden: return "MISSING_SCOPES"
        case .rateLimited: return "RATE_LIMITS"
        default: return "INTERNAL_ERROR"
        }
    }

    /// The HTTP status a server should answer with for this error.
    public var httpStatus: Int {
        if let status { return status }
        switch kind {
        case .validation, .invalidRequest: return 400
        case .unauthorized: return 401
        case .forbidden: return 403
        case .notFound: return 404
        case .conflict: return 409
        case .rateLimited: return 429
        case .timeout: return 504
        case .offline, .server, .decoding, .other: return 500
        }
    }

    // MARK: - Convenience constructors

    public static func notFound(_ type: ObjectType, id: String) -> CRMError {
        CRMError(kind: .notFound, status: 404, message: "resource not found: no \(type.singular) with id \(id)", category: "OBJECT_NOT_FOUND", context: ["id": [id]], id: id)
    }

    public static func invalid(_ message: String, context: [String: [String]] = [:]) -> CRMError {
        CRMError(kind: .validation, status: 400, message: message, category: "VALIDATION_ERROR", context: context)
    }
}

// MARK: - Decoding HubSpot's body

extension CRMError {
    /// Builds an error from an HTTP status and HubSpot's error body, tolerating any shape:
    /// missing fields, `category` as a string or an object with `name`, `errorType` instead
    /// of `category` (429s), non-JSON bodies.
    public static func decode(status: Int, body: Data, correlationIdHeader: String? = nil, retryAfter: Double? = nil) -> CRMError {
        let json = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
        let category = lenientString(json?["category"]) ?? lenientString(json?["errorType"])
        var message = json?["message"] as? String
        if message == nil, json == nil, let text = String(data: body.prefix(300), encoding: .utf8), !text.isEmpty {
            message = text
        }
        let details = (json?["errors"] as? [[String: Any]] ?? []).map { item in
            Detail(message: item["message"] as? String ?? "", code: lenientString(item["code"]), subCategory: lenientString(item["subCategory"]), context: stringLists(item["context"]))
        }
        return CRMError(
            kind: kind(status: status, category: category),
            status: status,
            message: message ?? HTTPURLResponseStatusText.text(for: status),
            correlationId: json?["correlationId"] as? String ?? correlationIdHeader,
            category: category,
            subCategory: lenientString(json?["subCategory"]),
            context: stringLists(json?["context"]) ?? [:],
            errors: details,
            policyName: json?["policyName"] as? String,
            retryAfter: retryAfter,
            id: json?["id"] as? String
        )
    }

    /// Kind from HTTP status first, then category.
    public static func kind(status: Int, category: String?) -> Kind {
        switch status {
        case 400, 422: return .validation
        case 401: return .unauthorized
        case 403: return .forbidden
        case 404: return .notFound
        case 409: return .conflict
        case 429: return .rateLimited
        case 408, 504: return .timeout
        case 500...599: return .server
        default: break
        }
        switch category {
        case "VALIDATION_ERROR": return .validation
        case "OBJECT_NOT_FOUND": return .notFound
        case "CONFLICT": return .conflict
        case "RATE_LIMIT", "RATE_LIMITS": return .rateLimited
        default: return .other
        }
    }

    static func lenientString(_ value: Any?) -> String? {
        switch value {
        case let s as String: return s
        case let n as NSNumber: return n.stringValue
        case let d as [String: Any]: return lenientString(d["name"])
        default: return nil
        }
    }

    static func stringLists(_ value: Any?) -> [String: [String]]? {
        guard let dict = value as? [String: Any] else { return nil }
        var out: [String: [String]] = [:]
        for (key, v) in dict {
            if let list = v as? [Any] { out[key] = list.compactMap(lenientString) }
            else if let s = lenientString(v) { out[key] = [s] }
        }
        return out
    }
}

// MARK: - Description

extension CRMError: CustomStringConvertible, LocalizedError {
    /// `message (CATEGORY, correlation id …)` — what a user reads in the status line.
    public var description: String {
        var parts: [String] = []
        if let category { parts.append(category) }
        if let correlationId { parts.append("correlation id \(correlationId)") }
        return parts.isEmpty ? message : "\(message) (\(parts.joined(separator: ", ")))"
    }

    public var errorDescription: String? { description }
}

/// Reason phrases for statuses, so a body-less error still says something.
enum HTTPURLResponseStatusText {
    static func text(for status: Int) -> String {
        switch status {
        case 400: "Bad request"
        case 401: "Authentication failed"
        case 403: "Missing scopes"
        case 404: "Not found"
        case 405: "Method not allowed"
        case 409: "Conflict"
        case 414: "URI too long"
        case 429: "Rate limited"
        case 500: "Internal server error"
        case 502: "Bad gateway"
        case 503: "Service unavailable"
        case 504: "Gateway timeout"
        default: "HTTP \(status)"
        }
    }
}
