/// A sliding-window request budget: at most ``limit`` request starts in any span of
/// ``interval`` seconds — the shape of HubSpot's `TEN_SECONDLY_ROLLING` and search
/// `SECONDLY` policies.
///
/// A pure value: callers ask for the earliest time a new request may start and then record
/// it. Recorded times never decrease (reservations are handed out in order), so the window
/// is a sorted queue.
struct SlidingWindow: Sendable, Equatable {
    var limit: Int
    var interval: Double
    /// Start times (reserved, possibly in the future), ascending.
    private(set) var starts: [Double] = []

    init(limit: Int, interval: Double) {
        self.limit = max(1, limit)
        self.interval = interval
    }

    /// The earliest time ≥ `time` at which one more start keeps every window within the limit.
    func earliestStart(notBefore time: Double) -> Double {
        var t = max(time, starts.last ?? time)
        if starts.count >= limit {
            // The new start must be at least `interval` after the start `limit` places back.
            t = max(t, starts[starts.count - limit] + interval)
        }
        return t
    }

    /// Records a start at `time` (≥ every earlier start) and forgets starts that can no
    /// longer matter to anything at or after `now`.
    mutating func record(_ time: Double, now: Double) {
        starts.append(time)
        let horizon = now - interval
        if let firstKept = starts.firstIndex(where: { $0 > horizon }) {
            if firstKept > 0 { starts.removeFirst(firstKept) }
        } else {
            starts.removeAll()
        }
    }

    /// Inserts a start at `time` keeping the queue sorted (for starts learned from the
    /// server rather than reserved in order).
    mutating func insert(_ time: Double) {
        let index = starts.lastIndex(where: { $0 <= time }).map { $0 + 1 } ?? 0
        starts.insert(time, at: index)
    }

    /// How many starts fall in `(time - interval, time]`.
    func count(at time: Double) -> Int {
        starts.filter { $0 > time - interval && $0 <= time }.count
    }
}
