import CallsCore
import Foundation
import HTTPTypes
import Hummingbird

/// HubSpot's rate limits over sliding windows (FINDINGS.md §9): a rolling budget for ordinary
/// requests (`TEN_SECONDLY_ROLLING`), a per-second budget for search (`SECONDLY`, search is
/// exempt from the rolling one) and a daily count. Rejected requests do not use budget, so a
/// client that backs off recovers as the window slides.
final class RateLimiter: Sendable {
    /// What the limiter decided for one request.
    struct Decision {
        /// `nil` when admitted; otherwise the policy that refused the request.
        var refusedBy: String?
        /// Headers for the response (none for search, as on HubSpot).
        var headers: HTTPFields
        /// Whole seconds until the refused request would be admitted (not for `DAILY`).
        var retryAfter: Int? = nil
    }

    private struct State {
        var window: [Double] = []
        var searches: [Double] = []
        var day: Int = -1
        var dailyCount = 0
    }

    let configuration: RateLimitConfiguration
    private let clock: @Sendable () -> Double
    private let state = Locked(State())

    /// `clock` returns seconds on a monotonic scale (injected by tests).
    init(configuration: RateLimitConfiguration, clock: @escaping @Sendable () -> Double) {
        self.configuration = configuration
        self.clock = clock
    }

    func admit(search: Bool) -> Decision {
        let now = clock()
        let config = configuration
        return state.withLock { state in
            let day = Int(Date().timeIntervalSince1970 / 86_400)
            if day != state.day { state.day = day; state.dailyCount = 0 }
            state.window.removeAll { $0 <= now - config.interval }
            state.searches.removeAll { $0 <= now - config.searchInterval }

            if search {
                if state.searches.count >= config.searchMax {
                    return Decision(refusedBy: "SECONDLY", headers: [:], retryAfter: Self.wait(state.searches, interval: config.searchInterval, now: now))
                }
                if state.dailyCount >= config.daily { return Decision(refusedBy: "DAILY", headers: [:]) }
                state.searches.append(now)
                state.dailyCount += 1
                return Decision(refusedBy: nil, headers: [:])
            }

            var refusal: String?
            if state.dailyCount >= config.daily { refusal = "DAILY" }
            else if state.window.count >= config.max { refusal = "TEN_SECONDLY_ROLLING" }
            if refusal == nil {
                state.window.append(now)
                state.dailyCount += 1
            }
            let retry = refusal == "TEN_SECONDLY_ROLLING" ? Self.wait(state.window, interval: config.interval, now: now) : nil
            return Decision(refusedBy: refusal, headers: headers(state, now: now), retryAfter: retry)
        }
    }

    private func headers(_ state: State, now: Double) -> HTTPFields {
        let config = configuration
        let secondly = max(1, Int((Double(config.max) / config.interval).rounded()))
        let lastSecond = state.window.reduce(0) { $1 > now - 1 ? $0 + 1 : $0 }
        var fields = HTTPFields()
        fields[Self.name("X-HubSpot-RateLimit-Daily")] = String(config.daily)
        fields[Self.name("X-HubSpot-RateLimit-Daily-Remaining")] = String(max(0, config.daily - state.dailyCount))
        fields[Self.name("X-HubSpot-RateLimit-Interval-Milliseconds")] = String(Int(config.interval * 1000))
        fields[Self.name("X-HubSpot-RateLimit-Max")] = String(config.max)
        fields[Self.name("X-HubSpot-RateLimit-Remaining")] = String(max(0, config.max - state.window.count))
        fields[Self.name("X-HubSpot-RateLimit-Secondly")] = String(secondly)
        fields[Self.name("X-HubSpot-RateLimit-Secondly-Remaining")] = String(max(0, secondly - lastSecond))
        return fields
    }

    /// Seconds until the oldest entry leaves the window, rounded up, at least 1.
    private static func wait(_ window: [Double], interval: Double, now: Double) -> Int {
        guard let oldest = window.first else { return 1 }
        return max(1, Int((oldest + interval - now).rounded(.up)))
    }

    private static func name(_ text: String) -> HTTPField.Name { HTTPField.Name(text)! }
}
