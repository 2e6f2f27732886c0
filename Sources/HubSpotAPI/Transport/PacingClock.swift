import CallsCore
import Foundation

/// Monotonic time for the rate limiter and retry back-off, injectable so tests can run a
/// thousand requests' worth of pacing without waiting for any of it.
public protocol PacingClock: Sendable {
    /// Seconds since an arbitrary fixed origin; never goes backwards.
    func now() -> Double
    /// Suspends for `seconds` (throws `CancellationError` when the task is cancelled).
    func sleep(seconds: Double) async throws
}

/// The real clock: `ContinuousClock`.
public struct SystemPacingClock: PacingClock {
    private let origin = ContinuousClock.now

    public init() {}

    public func now() -> Double {
        let elapsed = ContinuousClock.now - origin
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    public func sleep(seconds: Double) async throws {
        guard seconds > 0 else { return }
        try await Task.sleep(for: .milliseconds(Int64((seconds * 1000).rounded(.up))))
    }
}
