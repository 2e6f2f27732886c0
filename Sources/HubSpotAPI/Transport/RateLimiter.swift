/// Client-side pacing for HubSpot's rate limits (FINDINGS.md §9).
///
/// Two sliding windows: the burst budget (default 100 requests per 10 s, the private-app
/// Free/Starter limit) and the search budget (5 per second). Every attempt — retries included —
/// takes a slot just before it is sent, so a burst of concurrent callers is spread out
/// instead of tripping a 429. (The executor also caps requests in flight, so a request that
/// took a slot is not then left queueing inside URLSession while its slot ages.)
///
/// Searches count against both windows. HubSpot exempts search from the ten-secondly limit,
/// but a server that counts every request (like `hubcalls serve` in its strict mode) would
/// not, and one more slot per search costs little: the list screen searches at most once per
/// page.
///
/// The limiter adapts to what the server says:
/// * `X-HubSpot-RateLimit-Max` / `-Interval-Milliseconds` lower the budget (never raise it
///   above the configured one).
/// * `X-HubSpot-RateLimit-Remaining` lower than the local view (another process shares the
///   token) fills the local window with the requests it did not see, so the client sends at
///   most `Remaining` more before the window moves on.
/// * A 429 pauses the affected window until the retry time, for every caller.
public actor RateLimiter {
    /// Which budget a request draws on.
    public enum Bucket: Sendable, Equatable {
        /// Ordinary CRM requests: the ten-secondly budget.
        case standard
        /// `POST …/search`: the per-second search budget (and the standard one).
        case search
        /// Not paced (nothing HubSpot counts).
        case unmetered
    }

    /// The budgets the limiter keeps under.
    public struct Budget: Sendable, Equatable {
        public var requests: Int
        public var interval: Double
        public var searches: Int
        public var searchInterval: Double
        /// Added to each window's length so that jitter between our clock and the server's
        /// arrival times cannot squeeze `requests + 1` into one server-side window.
        public var margin: Double

        public init(requests: Int = 100, interval: Double = 10, searches: Int = 5, searchInterval: Double = 1, margin: Double = 0.25) {
            self.requests = requests
            self.interval = interval
            self.searches = searches
            self.searchInterval = searchInterval
            self.margin = margin
        }

        /// HubSpot's private-app Free/Starter limits.
        public static let hubSpotDefault = Budget()
    }

    public let budget: Budget
    private let clock: any PacingClock
    private var standard: SlidingWindow
    private var search: SlidingWindow
    private var standardPausedUntil: Double = 0
    private var searchPausedUntil: Double = 0

    public init(budget: Budget = .hubSpotDefault, clock: any PacingClock = SystemPacingClock()) {
        self.budget = budget
        self.clock = clock
        standard = SlidingWindow(limit: budget.requests, interval: budget.interval + budget.margin)
        search = SlidingWindow(limit: budget.searches, interval: budget.searchInterval + budget.margin)
    }

    // MARK: - Acquiring

    /// Waits until a request in `bucket` may start and counts it as started *now*.
    ///
    /// Slots are recorded when the request really goes out, never reserved ahead: a task
    /// that wakes late from its sleep cannot then land in a window that others already
    /// filled on the assumption it had gone earlier.
    public func acquire(_ bucket: Bucket) async throws {
        while true {
            let wait = tryAcquire(bucket)
            if wait <= 0 { return }
            try await clock.sleep(seconds: wait)
        }
    }

    /// Records a start now and returns 0 when the budget allows it; otherwise the seconds
    /// until it might.
    func tryAcquire(_ bucket: Bucket) -> Double {
        let now = clock.now()
        let start = earliestStart(bucket, now: now)
        guard start <= now else { return start - now }
        switch bucket {
        case .unmetered: break
        case .standard: standard.record(now, now: now)
        case .search:
            standard.record(now, now: now)
            search.record(now, now: now)
        }
        return 0
    }

    /// The earliest time at or after `now` a request in `bucket` could start.
    func earliestStart(_ bucket: Bucket, now: Double) -> Double {
        switch bucket {
        case .unmetered:
            return now
        case .standard:
            return standard.earliestStart(notBefore: max(now, standardPausedUntil))
        case .search:
            var start = max(now, standardPausedUntil, searchPausedUntil)
            // The two windows constrain each other; move forward until both accept the same
            // time (it only increases over finitely many candidates, so this ends).
            while true {
                let next = max(standard.earliestStart(notBefore: start), search.earliestStart(notBefore: start))
                if next == start { return start }
                start = next
            }
        }
    }

    // MARK: - Adapting

    /// Reads `X-HubSpot-RateLimit-*` headers of a response (search responses carry none).
    public func observe(_ headers: RateLimitHeaders) {
        if let interval = headers.intervalMilliseconds, interval > 0 {
            standard.interval = Double(interval) / 1000 + budget.margin
        }
        if let max = headers.max, max > 0 {
            standard.limit = min(budget.requests, max)
        }
        if let remaining = headers.remaining {
            let now = clock.now()
            let usedAtServer = (headers.max ?? standard.limit) - remaining
            let missing = usedAtServer - standard.count(at: now)
            if missing > 0 { standard.fill(missing, at: now) }
        }
    }

    /// Holds every request of `bucket` back until `time` (after a 429).
    public func pause(_ bucket: Bucket, until time: Double) {
        switch bucket {
        case .standard: standardPausedUntil = max(standardPausedUntil, time)
        case .search: searchPausedUntil = max(searchPausedUntil, time)
        case .unmetered: break
        }
    }

    /// The current standard limit (after adapting to headers), for diagnostics and tests.
    public var effectiveLimit: Int { standard.limit }
}

// MARK: - Filling the window

extension SlidingWindow {
    /// Counts `n` requests this client did not send as started at `time` (pessimistic: they
    /// leave the window as late as possible).
    mutating func fill(_ n: Int, at time: Double) {
        for _ in 0..<n { insert(time) }
    }
}
