import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The delegate of ``URLSessionTransport``'s kept-alive sessions: notices libcurl sending a
/// request again after its reused connection died, and stops that attempt.
///
/// libcurl sends a request again on a new connection when a reused connection closes before
/// any byte of the answer (`Connection died, retrying a fresh connect`). A request with a
/// body must be rewound first, and FoundationNetworking turns that rewind into
/// `urlSession(_:task:needNewBodyStream:)`. It can only rewind a body stream; for a `Data`
/// body (every request here) it would go on without one, sending the headers alone, and the
/// request would wait for its whole timeout for an answer the server cannot give. So the
/// watch gives no stream, marks the task and cancels it: the transport then sends the
/// request again itself, on a new connection. (A GET has no body to rewind: libcurl's own
/// retry works and never reaches here.)
final class DeadConnectionWatch: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    private let lock = NSLock()
    private var stopped: Set<ObjectIdentifier> = []
    private var resends = 0

    func urlSession(_ session: URLSession, task: URLSessionTask, needNewBodyStream completionHandler: @escaping @Sendable (InputStream?) -> Void) {
        lock.withLock { _ = stopped.insert(ObjectIdentifier(task)) }
        completionHandler(nil)
        // `cancel()` waits for the queue this callback runs on: cancel once it has returned.
        DispatchQueue.global().async { task.cancel() }
    }

    /// Whether the watch stopped `task` (and forgets it).
    func takeStopped(_ task: URLSessionTask) -> Bool {
        lock.withLock { stopped.remove(ObjectIdentifier(task)) != nil }
    }

    func countResend() { lock.withLock { resends += 1 } }

    /// Requests sent again on a new connection so far.
    var resent: Int { lock.withLock { resends } }
}
