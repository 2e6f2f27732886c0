import CallsCore
import Hummingbird

/// Thrown after closing a connection on purpose: nothing must be written afterwards.
struct ConnectionDropped: Error {}

/// Injects the faults ``FaultInjector`` draws: sleeps the added latency, answers 500/502/503
/// with an error body, or closes the connection without any response.
struct FaultInjectionMiddleware: RouterMiddleware {
    typealias Context = HubSpotRequestContext

    let injector: FaultInjector
    let stats: ServerStats

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let decision = injector.next()
        if decision.latencyMs > 0 {
            try await Task.sleep(for: .milliseconds(decision.latencyMs))
        }
        switch decision.fault {
        case .none:
            return try await next(request, context)
        case .error(let status):
            stats.recordInjectedError()
            let message = status == 500 ? "internal error (injected fault)" : status == 502 ? "Bad Gateway (injected fault)" : "Service Unavailable (injected fault)"
            throw APIError(CRMError(kind: .server, status: status, message: message, category: "INTERNAL_ERROR"))
        case .drop:
            stats.recordDropped()
            context.closeConnection()
            throw ConnectionDropped()
        }
    }
}
