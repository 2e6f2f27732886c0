/// Counters of what the HTTP client has cost, for a debug status line or a log: the list
/// screen should cost one request per page plus one batch request for the names it shows.
///
/// Take a snapshot before a screen loads and subtract it afterwards (``since(_:)``).
public struct RequestStats: Sendable, Equatable {
    /// Requests put on the wire, retries included.
    public var requests = 0
    /// Of those, repeats of an earlier attempt.
    public var retries = 0
    /// 429 responses received.
    public var rateLimited = 0
    /// Requests that ended in an error for the caller.
    public var failures = 0
    /// Seconds spent waiting for the client-side limiter or a back-off.
    public var waitedSeconds = 0.0
    /// Creates whose outcome was unknown and that were looked up before retrying.
    public var createLookups = 0
    /// Requests per endpoint template (`GET /crm/v3/objects/{type}`).
    public var byEndpoint: [String: Int] = [:]

    public init() {}

    /// The difference between two snapshots.
    public func since(_ earlier: RequestStats) -> RequestStats {
        var delta = RequestStats()
        delta.requests = requests - earlier.requests
        delta.retries = retries - earlier.retries
        delta.rateLimited = rateLimited - earlier.rateLimited
        delta.failures = failures - earlier.failures
        delta.waitedSeconds = waitedSeconds - earlier.waitedSeconds
        delta.createLookups = createLookups - earlier.createLookups
        for (key, value) in byEndpoint {
            let change = value - (earlier.byEndpoint[key] ?? 0)
            if change != 0 { delta.byEndpoint[key] = change }
        }
        return delta
    }

    /// `12 req (1 retry, 0×429)` for a status line.
    public var summary: String {
        "\(requests) req (\(retries) \(retries == 1 ? "retry" : "retries"), \(rateLimited)×429)"
    }
}
