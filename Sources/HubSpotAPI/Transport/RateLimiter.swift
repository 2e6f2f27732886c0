/// Client-side pacing for HubSpot's rate limits (FINDINGS.md §9).
///
/// Two sliding windows: the burst budget (default 100 requests per 10 s, the private-app
/// Free/Starter limit) and the search budget (5 per second). Every attempt — retries included —
/// takes a slot just before it is sent and returns it when answered (see ``acquire(_:)``), so a
/// burst of concurrent callers is spread out instead of tripping a 429. (The executor also
/// caps requests in flight, so a request that took a slot is not left queueing inside
/// URLSession.)
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
        /// Added to each window's length, for timer rounding and clock-rate differences only.
        ///
        /// Arrival jitter needs no margin: a finished request counts at the time its answer
        /// arrived, which is after the server counted it, and the next request reaches the
        /// server after it was sent. So `request k+limit` is counted at least `interval` after
        /// `request k` at the server whatever the network does. (A quarter of a second here
        /// used to cost a sequential fetch 0.25 s per window: 2.5 % of the whole budget.)
        public var margin: Double

        public init(requests: Int = 100, interval: Double = 10, searches: Int = 5, searchInterval: Double = 1, margin: Double = 0.02) {
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
    /// Requests that took a slot and have not completed, by slot id.
    private var inFlight: [Int: Bucket] = [:]
    private var nextSlot = 0

    public init(budget: Budget = .hubSpotDefault, clock: any PacingClock = SystemPacingClock()) {
        self.budget = budget
        self.clock = clock
        standard = SlidingWindow(limit: budget.requests, interval: budget.interval + budget.margin)
        search = SlidingWindow(limit: budget.searches, interval: budget.searchInterval + budget.margin)
    }

    // MARK: - Acquiring

    /// A request that took a slot; hand it back with ``complete(_:)`` when it is done.
    public struct Slot: Sendable, Hashable {
        let id: Int
        let bucket: Bucket
    }

    /// Waits until a request in `bucket` may start and takes a slot for it *now*.
    ///
    /// Slots are never reserved ahead: a task that wakes late from its sleep re-checks the
    /// window. While the request is in flight its slot counts as "now" (it may not have
    /// reached the server yet); once complete it counts at its completion time — when it had
    /// certainly arrived — so a server that is slow to receive requests (a loaded machine)
    /// still never sees more than the budget in one window.
    public func acquire(_ bucket: Bucket) async throws -> Slot {
        while true {
            let (slot, wait) = tryAcquire(bucket)
            if let slot { return slot }
            try await clock.sleep(seconds: wait)
        }
    }

    /// Marks a request as finished (answered or failed).
    public func complete(_ slot: Slot) {
        guard inFlight.removeValue(forKey: slot.id) != nil else { return }
        let now = clock.now()
        switch slot.bucket {
        case .unmetered: break
        case .standard: standard.record(now, now: now)
        case .search:
            standard.record(now, now: now)
            search.record(now, now: now)
        }
    }

    /// Takes a slot when the budget allows it now; otherwise says how long to wait.
    func tryAcquire(_ bucket: Bucket) -> (Slot?, Double) {
        let now = clock.now()
        let start = earliestStart(bucket, now: now)
        guard start <= now else { return (nil, start - now) }
        nextSlot += 1
        let slot = Slot(id: nextSlot, bucket: bucket)
        if bucket != .unmetered { inFlight[slot.id] = bucket }
        return (slot, 0)
    }

    /// The earliest time at or after `now` a request in `bucket` could start, counting the
    /// requests in flight as starting now.
    func earliestStart(_ bucket: Bucket, now: Double) -> Double {
        guard bucket != .unmetered else { return now }
        var standard = self.standard
        var search = self.search
        for pending in inFlight.values {
            standard.insert(now)
            if pending == .search { search.insert(now) }
        }
        guard bucket == .search else {
            return standard.earliestStart(notBefore: max(now, standardPausedUntil))
        }
        var start = max(now, standardPausedUntil, searchPausedUntil)
        // The two windows constrain each other; move forward until both accept the same time
        // (it only increases over finitely many candidates, so this ends).
        while true {
            let next = max(standard.earliestStart(notBefore: start), search.earliestStart(notBefore: start))
            if next == start { return start }
            start = next
        }
    }

    // MARK: - Adapting

    /// Reads `X-HubSpot-RateLimit-*` headers of a response (search responses carry none).
    ///
    /// - Parameter sentAt: when the request was sent, if known.
    public func observe(_ headers: RateLimitHeaders, sentAt: Double? = nil) {
        if let interval = headers.intervalMilliseconds, interval > 0 {
            standard.interval = Double(interval) / 1000 + budget.margin
        }
        if let max = headers.max, max > 0 {
            standard.limit = min(budget.requests, max)
        }
        if let remaining = headers.remaining {
            let now = clock.now()
            let usedAtServer = (headers.max ?? standard.limit) - remaining
            // The server counted its window when the request arrived, some time after
            // `sentAt`; every request of ours it counted was answered after `sentAt - interval`.
            // Counting from `now - interval` instead would miss those answered in between —
            // on a slow or jittery way back — and take them for another process's requests,
            // holding the next requests back for a whole window.
            let ours = standard.count(since: (sentAt ?? now) - standard.interval, until: now)
            let missing = usedAtServer - ours - inFlight.count
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
