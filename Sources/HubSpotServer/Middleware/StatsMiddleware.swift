import Hummingbird

/// Feeds ``ServerStats``: every request that reaches the API (test-aid routes excluded) and
/// the status it got.
struct StatsMiddleware: RouterMiddleware {
    typealias Context = HubSpotRequestContext

    let stats: ServerStats

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        let create = request.method == .post && (path.hasSuffix("/batch/create") || Self.isObjectCollection(path))
        stats.recordArrival(search: RateLimitMiddleware.isSearch(request), create: create)
        let response = try await next(request, context)
        stats.recordStatus(Int(response.status.code))
        return response
    }

    /// `/crm/v3/objects/{type}` or `/crm/objects/2026-03/{type}` (a create when POSTed).
    static func isObjectCollection(_ path: String) -> Bool {
        let parts = path.split(separator: "/")
        return (parts.count == 4 && parts[0] == "crm" && parts[1] == "v3" && parts[2] == "objects")
            || (parts.count == 4 && parts[0] == "crm" && parts[1] == "objects")
    }
}
