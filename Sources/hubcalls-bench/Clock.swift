import Foundation

/// Monotonic time for measurements.
enum Stopwatch {
    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// Milliseconds since `start`.
    static func ms(since start: UInt64) -> Double { Double(now() - start) / 1_000_000 }

    /// Runs `body` and returns how long it took in milliseconds.
    static func measure(_ body: () throws -> Void) rethrows -> Double {
        let start = now()
        try body()
        return ms(since: start)
    }

    static func measure(_ body: () async throws -> Void) async rethrows -> Double {
        let start = now()
        try await body()
        return ms(since: start)
    }
}
