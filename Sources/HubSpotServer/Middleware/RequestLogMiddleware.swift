import CallsCore
import Foundation
import Hummingbird

/// Writes one line per request: time, method, path (never the query string, which may carry
/// keys), status, duration in milliseconds and the correlation id. Headers (and so the token)
/// are never logged.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = HubSpotRequestContext

    let write: @Sendable (String) -> Void

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, status: String(response.status.code), since: start, context: context)
            return response
        } catch {
            log(request, status: error is ConnectionDropped ? "dropped" : "error", since: start, context: context)
            throw error
        }
    }

    private func log(_ request: Request, status: String, since start: ContinuousClock.Instant, context: Context) {
        let elapsed = ContinuousClock.now - start
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let path = Self.sanitize(request.uri.path)
        write("\(HubSpotTimestamp.format(Date())) \(request.method.rawValue) \(path) \(status) \(String(format: "%.1f", ms))ms \(context.correlationId)")
    }

    /// Paths come from the network: keep log lines single-line and free of control characters.
    static func sanitize(_ path: String) -> String {
        let cleaned = String(path.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value) ? "?" : Character($0) })
        return cleaned.count > 300 ? String(cleaned.prefix(300)) + "…" : cleaned
    }
}
