import Hummingbird

/// Registers routes on the router and remembers which methods each path accepts, so that a
/// known path called with another method answers 405 (Hummingbird's router alone answers 404).
final class RouteTable {
    typealias Handler = @Sendable (Request, HubSpotRequestContext) async throws -> Response

    private let router: Router<HubSpotRequestContext>
    private var methods: [String: [HTTPRequest.Method]] = [:]
    private var order: [String] = []

    init(router: Router<HubSpotRequestContext>) { self.router = router }

    /// Adds a handler for a method and one or more paths (HubSpot serves the same operation
    /// under several prefixes).
    func on(_ method: HTTPRequest.Method, _ paths: [String], _ handler: @escaping Handler) {
        for path in paths {
            router.on(RouterPath(path), method: method, use: handler)
            if methods[path] == nil { order.append(path) }
            methods[path, default: []].append(method)
        }
    }

    func on(_ method: HTTPRequest.Method, _ path: String, _ handler: @escaping Handler) {
        on(method, [path], handler)
    }

    /// Adds 405 answers for every other common method on every registered path. Call last.
    func addMethodNotAllowed() {
        let all: [HTTPRequest.Method] = [.get, .post, .put, .patch, .delete]
        for path in order {
            let allowed = methods[path] ?? []
            for method in all where !allowed.contains(method) {
                router.on(RouterPath(path), method: method) { request, _ -> Response in
                    throw APIError.methodNotAllowed(request.method, allowed: allowed)
                }
            }
        }
    }
}
