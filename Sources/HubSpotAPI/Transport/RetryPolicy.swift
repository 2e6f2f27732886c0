/// When and how long to wait before trying a failed request again (FINDINGS.md §9.3–9.4).
///
/// | Failure | Idempotent request | Create (not idempotent) |
/// |---|---|---|
/// | 429 `TEN_SECONDLY_ROLLING` / `SECONDLY` | retry after `Retry-After`, else back-off (≥ 1 s) | same: HubSpot rejected it unprocessed |
/// | 429 `DAILY` | never | never |
/// | 423 Locked | retry after ≥ 2 s | same |
/// | 500, 502, 503, 504, 408, 521/523/524 | retry with back-off | look the record up first, then retry |
/// | other 4xx | never | never |
/// | connection refused, DNS failure (never reached the server) | retry once | retry once |
/// | timeout, connection dropped (may have been processed) | retry with back-off | look the record up first, then retry |
/// | the HTTPS helper cannot run (missing, or stopped again after a restart) | never | never |
///
/// 500 is retried: HubSpot's error guide treats 5xx as transient and its SDKs retry them;
/// a persistent 500 costs at most ``maxAttempts`` requests.
///
/// Back-off is exponential (`baseDelay × 2ⁿ⁻¹`, capped at ``maxDelay``) with "equal jitter"
/// (half fixed, half random) so that clients that failed together do not retry together.
/// A `Retry-After` longer than ``maxRetryAfter`` is not waited for: the error goes to the user.
public struct RetryPolicy: Sendable {
    /// Total attempts per request, the first included.
    public var maxAttempts: Int
    /// Attempts when the server could not be reached at all (offline should say so quickly).
    public var maxConnectAttempts: Int
    public var baseDelay: Double
    public var maxDelay: Double
    public var maxRetryAfter: Double
    /// A number in `0..<1`; injectable so tests get fixed delays.
    public var random: @Sendable () -> Double

    public init(
        maxAttempts: Int = 5, maxConnectAttempts: Int = 2, baseDelay: Double = 0.5, maxDelay: Double = 16,
        maxRetryAfter: Double = 60, random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.maxConnectAttempts = max(1, maxConnectAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter
        self.random = random
    }

    /// Why an attempt failed.
    public enum Failure: Sendable, Equatable {
        /// An HTTP error status, with the 429 policy name and the server's retry delay.
        case status(Int, policyName: String?, retryAfter: Double?)
        /// The request never reached the server (connection refused, unknown host).
        case notSent
        /// Sent, but no answer came back (timeout, dropped connection): it may have been processed.
        case lost
        /// Not sent, and nothing can be: the transport itself cannot run (the `hubcalls-https`
        /// helper is missing or stopped again after a restart). Waiting would not change that.
        case cannotSend
    }

    /// What to do next.
    public enum Decision: Sendable, Equatable {
        case retry(after: Double)
        /// The outcome of a non-idempotent request is unknown: check whether it took effect
        /// before retrying after the delay.
        case verifyThenRetry(after: Double)
        case fail
    }

    /// The decision after attempt number `attempt` (1-based) failed.
    public func decide(_ failure: Failure, attempt: Int, idempotent: Bool) -> Decision {
        switch failure {
        case .notSent:
            return attempt < maxConnectAttempts ? .retry(after: backoff(attempt)) : .fail
        case .cannotSend:
            return .fail
        case .lost:
            guard attempt < maxAttempts else { return .fail }
            return idempotent ? .retry(after: backoff(attempt)) : .verifyThenRetry(after: backoff(attempt))
        case .status(let status, let policyName, let retryAfter):
            guard attempt < maxAttempts, let delay = delay(status: status, policyName: policyName, retryAfter: retryAfter, attempt: attempt) else {
                return .fail
            }
            if Self.outcomeUnknown(status: status) && !idempotent { return .verifyThenRetry(after: delay) }
            return .retry(after: delay)
        }
    }

    /// Whether a status is worth retrying at all (before counting attempts).
    public static func isRetryable(status: Int, policyName: String?) -> Bool {
        switch status {
        case 429: return policyName?.uppercased() != "DAILY"
        case 423, 408, 500, 502, 503, 504, 521, 523, 524: return true
        default: return false
        }
    }

    /// Statuses after which a request may or may not have been carried out.
    static func outcomeUnknown(status: Int) -> Bool {
        status >= 500 || status == 408
    }

    // MARK: - Delays

    private func delay(status: Int, policyName: String?, retryAfter: Double?, attempt: Int) -> Double? {
        guard Self.isRetryable(status: status, policyName: policyName) else { return nil }
        if let retryAfter, retryAfter > 0 {
            // The server's own number wins; beyond our patience the user should decide.
            return retryAfter <= maxRetryAfter ? retryAfter : nil
        }
        switch status {
        case 429: return max(1, backoff(attempt))
        case 423: return max(2, backoff(attempt))
        default: return backoff(attempt)
        }
    }

    /// `baseDelay × 2^(attempt-1)` capped at ``maxDelay``, with equal jitter.
    public func backoff(_ attempt: Int) -> Double {
        let exponential = min(maxDelay, baseDelay * Double(1 << min(max(attempt - 1, 0), 20)))
        let r = min(max(random(), 0), 1)
        return exponential / 2 + exponential / 2 * r
    }
}
