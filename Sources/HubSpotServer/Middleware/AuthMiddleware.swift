import Hummingbird

/// Requires `Authorization: Bearer <token>` with the configured token and answers 401 with
/// HubSpot's `INVALID_AUTHENTICATION` body otherwise. The comparison takes the same time
/// wherever the first difference is; the token never appears in a response or log line.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = HubSpotRequestContext

    private let expected: [UInt8]

    init(token: String) { expected = Array(token.utf8) }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization] else {
            throw APIError.unauthorized("Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview")
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer", Self.constantTimeEqual(Array(parts[1].utf8), expected) else {
            throw APIError.unauthorized("Authentication credentials not found. The access token in the Authorization header is not valid.")
        }
        return try await next(request, context)
    }

    /// Compares every byte of the longer input so timing does not reveal a matching prefix.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference: UInt8 = a.count == b.count ? 0 : 1
        let length = max(a.count, b.count)
        for i in 0..<length {
            let x = i < a.count ? a[i] : 0
            let y = i < b.count ? b[i] : 0
            difference |= x ^ y
        }
        return difference == 0
    }
}
