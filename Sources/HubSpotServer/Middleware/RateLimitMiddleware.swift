import CallsCore
import HubSpotAPI
import Hummingbird

/// Applies ``RateLimiter`` budgets: adds HubSpot's rate-limit headers to non-search responses
/// and answers 429 with HubSpot's body (`errorType: RATE_LIMIT`, `policyName`) when a budget
/// is spent.
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = HubSpotRequestContext

    let limiter: RateLimiter
    let stats: ServerStats

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let decision = limiter.admit(search: Self.isSearch(request))
        if let policy = decision.refusedBy {
            stats.recordRateLimited()
            var headers = decision.headers
            if limiter.configuration.sendRetryAfter, let wait = decision.retryAfter { headers[.retryAfter] = String(wait) }
            let body = ErrorBody.rateLimit(policyName: policy, correlationId: context.correlationId)
            return .json(body, status: .tooManyRequests, headers: headers)
        }
        var response = try await next(request, context)
        for field in decision.headers { response.headers[field.name] = field.value }
        return response
    }

    static func isSearch(_ request: Request) -> Bool {
        request.method == .post && request.uri.path.hasSuffix("/search")
    }
}
