/// A sliding-window request budget: at most ``limit`` request starts in any span of
/// ``interval`` seconds — the shape of HubSpot's `TEN_SECONDLY_ROLLING` and search
/// `SECONDLY` policies.
///
/// A pure value: callers ask for the earliest time a new request may start, then record it.
/// Starts are normally recorded at "now", but the window stays correct for starts recorded
/// out of order (``insert(_:)``), such as requests learned about from the server's headers.
struct SlidingWindow: Sendable, Equatable {
    var limit: Int
    var interval: Double
    /// Start times, ascending.
    private(set) var starts: [Double] = []

    init(limit: Int, interval: Double) {
        self.limit = max(1, limit)
        self.interval = interval
    }

    /// The earliest time ≥ `time` at which one more start keeps every window within the limit.
    func earliestStart(notBefore time: Double) -> Double {
        if count(since: time - interval, until: .infinity) < limit { return time }
        // The answer is `time`, an existing start, or an existing start plus the interval:
        // those are the only points where the set of windows containing the new start changes.
        var candidates = [time]
        for start in starts where start >= time { candidates.append(start) }
        for start in starts where start + interval >= time { candidates.append(start + interval) }
        candidates.sort()
        for candidate in candidates where fits(candidate) { return candidate }
        return max(time, (starts.last ?? time) + interval)
    }

    /// Whether a start at `t` keeps every run of `limit + 1` consecutive starts at least
    /// ``interval`` long (the windows are half-open, so exactly `interval` apart is fine).
    func fits(_ t: Double) -> Bool {
        let n = starts.count
        if n < limit { return true }
        // Insertion index: after every start ≤ t.
        var p = 0
        var high = n
        while p < high {
            let mid = (p + high) / 2
            if starts[mid] <= t { p = mid + 1 } else { high = mid }
        }
        func merged(_ index: Int) -> Double { index < p ? starts[index] : index == p ? t : starts[index - 1] }
        var j = max(0, p - limit)
        while j <= p, j + limit <= n {
            // `start + interval` computed as a candidate can come back a hair short of
            // `interval` when subtracted again; a nanosecond of slack keeps that candidate.
            if merged(j + limit) - merged(j) < interval - 1e-9 { return false }
            j += 1
        }
        return true
    }

    /// Records a start at `time` and forgets starts that can no longer matter at or after
    /// `now`. Starts are kept for two intervals: the pacing only looks one interval back, but
    /// comparing with a server's count (``RateLimiter/observe(_:sentAt:)``) looks back from
    /// when an earlier request was sent.
    mutating func record(_ time: Double, now: Double) {
        insert(time)
        let horizon = now - 2 * interval
        if let firstKept = starts.firstIndex(where: { $0 > horizon }) {
            if firstKept > 0 { starts.removeFirst(firstKept) }
        } else {
            starts.removeAll()
        }
    }

    /// Inserts a start at `time`, keeping the queue sorted.
    mutating func insert(_ time: Double) {
        let index = starts.lastIndex(where: { $0 <= time }).map { $0 + 1 } ?? 0
        starts.insert(time, at: index)
    }

    /// How many starts fall in `(time - interval, time]`.
    func count(at time: Double) -> Int {
        count(since: time - interval, until: time)
    }

    /// How many starts fall in `(start, end]`.
    func count(since start: Double, until end: Double) -> Int {
        starts.filter { $0 > start && $0 <= end }.count
    }
}
