/// Limits how many requests are in flight at once, first come first served.
///
/// URLSession opens at most a few connections per host and queues the rest internally; a
/// request waiting there has already taken its rate-limit slot, so it could reach the server
/// seconds later, inside a window the limiter believed closed. Capping requests in flight at
/// the connection limit keeps "slot taken" and "request sent" together.
actor AsyncSemaphore {
    private var available: Int
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(_ count: Int) { available = max(1, count) }

    func wait() async {
        if available > 0 {
            available -= 1
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func signal() {
        if waiters.isEmpty {
            available += 1
        } else {
            waiters.removeFirst().resume()
        }
    }
}
