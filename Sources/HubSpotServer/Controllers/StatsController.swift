import Hummingbird

/// The test aid `GET /__hubcalls/stats` (counters as JSON) and `DELETE /__hubcalls/stats`
/// (reset). No token needed, but only peers on this machine get an answer. Not a HubSpot API.
struct StatsController {
    let stats: ServerStats

    func register(on routes: RouteTable) {
        routes.on(.get, "/__hubcalls/stats") { _, context in
            try Self.requireLocal(context)
            return .json(stats.snapshot)
        }
        routes.on(.delete, "/__hubcalls/stats") { _, context in
            try Self.requireLocal(context)
            stats.reset()
            return .noContent
        }
    }

    private static func requireLocal(_ context: HubSpotRequestContext) throws {
        guard context.isLocalPeer else { throw APIError(.init(kind: .forbidden, status: 403, message: "stats are only served to local clients", category: "MISSING_SCOPES")) }
    }
}
