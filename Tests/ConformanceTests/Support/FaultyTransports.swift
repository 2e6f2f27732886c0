import Foundation
import HubSpotAPI
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Lets requests reach the server, then loses the response of the first `count` requests
/// matching `matches` — the worst case for a create: the server made the record, the client
/// cannot know.
final class LoseResponsesTransport: HTTPTransport, @unchecked Sendable {
    private let inner: any HTTPTransport
    private let matches: @Sendable (TransportRequest) -> Bool
    private let lock = NSLock()
    private var remaining: Int
    private(set) var lost = 0
    let error: URLError.Code

    init(_ inner: any HTTPTransport, count: Int, error: URLError.Code = .networkConnectionLost, matches: @escaping @Sendable (TransportRequest) -> Bool) {
        self.inner = inner
        self.remaining = count
        self.error = error
        self.matches = matches
    }

    func send(_ request: TransportRequest) async throws -> TransportResponse {
        let response = try await inner.send(request)
        let lose: Bool = lock.withLock {
            guard remaining > 0, matches(request) else { return false }
            remaining -= 1
            lost += 1
            return true
        }
        if lose { throw URLError(error) }
        return response
    }

    static func isCreate(_ request: TransportRequest) -> Bool {
        request.method == "POST" && (request.url.path == "/crm/v3/objects/calls" || request.url.path == "/crm/v3/objects/calls/batch/create")
    }
}
