import HTTPTypes
import Hummingbird

/// Gives every response HubSpot's `X-HubSpot-Correlation-Id` header, with the same value that
/// error bodies carry as `correlationId` (the context creates one id per request).
struct CorrelationIdMiddleware: RouterMiddleware {
    typealias Context = HubSpotRequestContext

    static let header = HTTPField.Name("X-HubSpot-Correlation-Id")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[Self.header] = context.correlationId
        return response
    }
}
