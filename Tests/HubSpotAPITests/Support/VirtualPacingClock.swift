import Foundation
import HubSpotAPI

/// A clock that only moves when something sleeps on it: `sleep` returns at once and advances
/// time. Tests check scheduled times and requested delays, never wall time.
final class VirtualPacingClock: PacingClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Double
    private var slept: [Double] = []

    init(start: Double = 1000) { current = start }

    func now() -> Double { lock.withLock { current } }

    func sleep(seconds: Double) async throws {
        try Task.checkCancellation()
        lock.withLock {
            slept.append(seconds)
            if seconds > 0 { current += seconds }
        }
    }

    func advance(by seconds: Double) { lock.withLock { current += seconds } }

    /// Every sleep requested so far, in order.
    var sleeps: [Double] { lock.withLock { slept } }
}
