import Dispatch
import Foundation

/// Keeps one HTTP session (and with it the connections it keeps alive) while requests come
/// often, and starts a new one once it has been idle longer than ``idleWindow``.
///
/// A server, a load balancer or a NAT table drops a connection that stayed idle for its own
/// timeout, usually tens of seconds (60 s on the big cloud load balancers, 75 s nginx). A
/// connection that was closed with a FIN is seen as dead before it is reused; one that was
/// dropped silently (a NAT entry expired) is not, and a request sent on it waits for its whole
/// timeout. Reusing connections only within a window shorter than those timeouts avoids both,
/// while paging and browsing (requests a few seconds apart at most, even when the rate limit
/// holds them back) still reuse them. The rare connection that dies anyway while a request is
/// on it is the transport's business (it sends the request again on a new connection).
///
/// Generic over the session so that the policy is tested without FoundationNetworking; the
/// `hubcalls-https` helper pools `URLSession`s.
public final class IdleSessionPool<Session: AnyObject>: @unchecked Sendable {
    /// Seconds a session may stay without a request in flight and still be used.
    public let idleWindow: Double
    private let make: () -> Session
    private let retire: (Session) -> Void
    private let now: @Sendable () -> Double
    // State behind `lock`.
    private let lock = NSLock()
    private var current: Session?
    private var inFlight = 0
    private var idleSince = 0.0
    private var made = 0

    /// - Parameters:
    ///   - idleWindow: seconds without a request after which the session is replaced.
    ///   - now: a monotonic clock in seconds (tests pass their own).
    ///   - make: a new session.
    ///   - retire: ends a session that was replaced (URLSession: `finishTasksAndInvalidate`,
    ///     which closes its idle connections).
    public init(
        idleWindow: Double, now: @escaping @Sendable () -> Double = IdleSessionPool.monotonicSeconds,
        make: @escaping () -> Session, retire: @escaping (Session) -> Void
    ) {
        self.idleWindow = idleWindow
        self.now = now
        self.make = make
        self.retire = retire
    }

    /// Seconds since an arbitrary start, never going back (not the wall clock).
    @Sendable public static func monotonicSeconds() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1_000_000_000
    }

    /// The session to send a request on. Every call is paired with ``checkIn()`` when the
    /// request has its answer (or failed).
    public func checkOut() -> Session {
        var retired: Session?
        let session = lock.withLock { () -> Session in
            if let session = current, inFlight == 0, now() - idleSince > idleWindow {
                retired = session
                current = nil
            }
            let session = current ?? make()
            if current == nil {
                current = session
                made += 1
            }
            inFlight += 1
            return session
        }
        if let retired { retire(retired) }
        return session
    }

    /// A request sent on a checked-out session is done: the session is idle from now on if it
    /// was the last one.
    public func checkIn() {
        lock.withLock {
            inFlight = max(0, inFlight - 1)
            idleSince = now()
        }
    }

    /// Sessions made so far: each one opened its own connections.
    public var sessionsMade: Int { lock.withLock { made } }
}
