import CallsCore

/// Counters for the test-aid endpoint `GET /__hubcalls/stats`: how many requests reached the
/// server, how many were refused for rate limits, the busiest 10-second window, and so on.
/// Tests of clients use them to check behaviour *at the server* (e.g. that a client's limiter
/// kept it under 100 requests per 10 s).
final class ServerStats: Sendable {
    /// The JSON body of the stats endpoint.
    struct Snapshot: Codable, Sendable, Equatable {
        var totalRequests = 0
        var rateLimited = 0
        var injectedErrors = 0
        var droppedConnections = 0
        var createRequests = 0
        var searchRequests = 0
        var maxRequestsIn10Seconds = 0
        var maxSearchesIn1Second = 0
        var byStatus: [String: Int] = [:]
    }

    private struct State {
        var snapshot = Snapshot()
        var window: [Double] = []
        var searches: [Double] = []
    }

    private let clock: @Sendable () -> Double
    private let state = Locked(State())

    init(clock: @escaping @Sendable () -> Double) { self.clock = clock }

    var snapshot: Snapshot { state.withLock { $0.snapshot } }

    func reset() { state.withLock { $0 = State() } }

    /// Counts a request as it arrives (before any limit or fault applies).
    func recordArrival(search: Bool, create: Bool) {
        let now = clock()
        state.withLock { state in
            state.snapshot.totalRequests += 1
            state.window.removeAll { $0 <= now - 10 }
            state.window.append(now)
            state.snapshot.maxRequestsIn10Seconds = max(state.snapshot.maxRequestsIn10Seconds, state.window.count)
            if create { state.snapshot.createRequests += 1 }
            if search {
                state.snapshot.searchRequests += 1
                state.searches.removeAll { $0 <= now - 1 }
                state.searches.append(now)
                state.snapshot.maxSearchesIn1Second = max(state.snapshot.maxSearchesIn1Second, state.searches.count)
            }
        }
    }

    func recordStatus(_ status: Int) { state.withLock { $0.snapshot.byStatus[String(status), default: 0] += 1 } }
    func recordRateLimited() { state.withLock { $0.snapshot.rateLimited += 1 } }
    func recordInjectedError() { state.withLock { $0.snapshot.injectedErrors += 1 } }
    func recordDropped() { state.withLock { $0.snapshot.droppedConnections += 1 } }
}
