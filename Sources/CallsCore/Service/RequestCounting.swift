import Foundation

/// A backend that can say what it has cost so far, for a debug status line ("3 req") or a
/// log: take ``requestCount`` before a screen loads and subtract it afterwards.
///
/// The HTTP backend conforms; the local store does not (its calls cost no requests). Check
/// with `(service as? any RequestCounting)`.
public protocol RequestCounting: Sendable {
    /// HTTP requests sent since the service was created, retries included.
    var requestCount: Int { get }
    /// A one-line summary for a status line (`12 req (1 retry, 0×429)`).
    var requestSummary: String { get }
}

/// The requests one piece of work (a screen load: a page, a detail, the lookups) cost,
/// counted by the backend as it sends them.
///
/// The browser runs each effect inside ``RequestTally/$current``; an HTTP backend calls
/// ``record(_:)`` for every request it puts on the wire (retries included) while a tally is
/// current, including from child tasks (`async let`). The local store records nothing.
public final class RequestTally: Sendable {
    /// The tally the current task's requests are counted in, if any.
    @TaskLocal public static var current: RequestTally?

    /// What is being counted (`page`, `detail`, …).
    public let label: String
    private let lock = NSLock()
    nonisolated(unsafe) private var recorded: [String] = []

    public init(_ label: String) { self.label = label }

    /// Counts one request, described by its endpoint template (`GET /crm/v3/objects/{type}`)
    /// — never a URL with ids or a query, never a header.
    public func record(_ endpoint: String) {
        lock.lock()
        defer { lock.unlock() }
        recorded.append(endpoint)
    }

    /// The endpoints counted so far, in the order they were sent.
    public var endpoints: [String] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }

    /// `page: 3 requests (POST /crm/v3/objects/{type}/search, 2× POST …/batch/read)`.
    public var summary: String {
        let sent = endpoints
        var order: [String] = []
        var counts: [String: Int] = [:]
        for endpoint in sent {
            if counts[endpoint] == nil { order.append(endpoint) }
            counts[endpoint, default: 0] += 1
        }
        let parts = order.map { counts[$0]! > 1 ? "\(counts[$0]!)× \($0)" : $0 }
        let noun = sent.count == 1 ? "request" : "requests"
        return "\(label): \(sent.count) \(noun)" + (parts.isEmpty ? "" : " (\(parts.joined(separator: ", ")))")
    }
}
