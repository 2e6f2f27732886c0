import CallsCore
import Hummingbird

/// An error a handler throws to answer with HubSpot's error body: a ``CRMError`` plus the exact
/// status and any extra headers (rate limits, `Allow`).
struct APIError: Error {
    var error: CRMError
    var status: Int
    var headers: HTTPFields

    init(_ error: CRMError, status: Int? = nil, headers: HTTPFields = [:]) {
        self.error = error
        self.status = status ?? error.httpStatus
        self.headers = headers
    }

    static func badRequest(_ message: String, context: [String: [String]] = [:]) -> APIError {
        APIError(.invalid(message, context: context))
    }

    static func notFound(_ message: String) -> APIError {
        APIError(CRMError(kind: .notFound, status: 404, message: message, category: "OBJECT_NOT_FOUND"))
    }

    /// HubSpot's answer to a path it has no route for.
    static func noRoute(_ method: HTTPRequest.Method, _ path: String) -> APIError {
        APIError(CRMError(kind: .notFound, status: 404, message: "No route matches \(method.rawValue) \(path)", category: "NOT_FOUND"))
    }

    static func methodNotAllowed(_ method: HTTPRequest.Method, allowed: [HTTPRequest.Method]) -> APIError {
        var headers = HTTPFields()
        headers[.allow] = allowed.map(\.rawValue).joined(separator: ", ")
        return APIError(
            CRMError(kind: .invalidRequest, status: 405, message: "HTTP method \(method.rawValue) is not supported by this route", category: "METHOD_NOT_ALLOWED"),
            headers: headers
        )
    }

    static func unauthorized(_ message: String) -> APIError {
        APIError(CRMError(kind: .unauthorized, status: 401, message: message, category: "INVALID_AUTHENTICATION"))
    }
}
