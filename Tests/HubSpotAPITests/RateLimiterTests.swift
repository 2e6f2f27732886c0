import Testing
@testable import HubSpotAPI

@Suite struct RateLimiterTests {
    /// The largest number of starts in any window of `interval` seconds.
    private func busiestWindow(_ starts: [Double], interval: Double) -> Int {
        var best = 0
        for (i, start) in starts.enumerated() {
            let count = starts[i...].prefix { $0 < start + interval }.count
            best = max(best, count)
        }
        return best
    }

    @Test func aBurstOfRequestsNeverExceedsTheTenSecondBudget() async {
        let clock = VirtualPacingClock()
        let limiter = RateLimiter(budget: .init(requests: 100, interval: 10, margin: 0.25), clock: clock)
        var starts: [Double] = []
        for _ in 0..<350 { starts.append(await limiter.reserve(.standard)) }
        #expect(busiestWindow(starts, interval: 10.25) == 100)
        #expect(starts.prefix(100).allSatisfy { $0 == clock.now() })
        #expect(starts[100] >= starts[0] + 10)
    }

    @Test func searchesAreHeldToFivePerSecondAndCountAgainstTheGeneralBudget() async {
        let clock = VirtualPacingClock()
        let limiter = RateLimiter(budget: .init(requests: 100, interval: 10, searches: 5, searchInterval: 1, margin: 0), clock: clock)
        var searches: [Double] = []
        for _ in 0..<40 { searches.append(await limiter.reserve(.search)) }
        #expect(busiestWindow(searches, interval: 1) == 5)
        var all = searches
        for _ in 0..<100 { all.append(await limiter.reserve(.standard)) }
        #expect(busiestWindow(all.sorted(), interval: 10) <= 100)
    }

    @Test func reservationsSpreadAsTimePasses() async {
        let clock = VirtualPacingClock()
        let limiter = RateLimiter(budget: .init(requests: 10, interval: 10, margin: 0), clock: clock)
        for _ in 0..<10 { _ = await limiter.reserve(.standard) }
        clock.advance(by: 10.5)
        let next = await limiter.reserve(.standard)
        #expect(next == clock.now())
    }

    @Test func aLowerMaxHeaderLowersTheBudgetButAHigherOneDoesNotRaiseIt() async {
        let limiter = RateLimiter(budget: .init(requests: 100), clock: VirtualPacingClock())
        await limiter.observe(RateLimitHeaders(max: 40, intervalMilliseconds: 10_000))
        #expect(await limiter.effectiveLimit == 40)
        await limiter.observe(RateLimitHeaders(max: 190))
        #expect(await limiter.effectiveLimit == 100)
    }

    @Test func aServerReportingNothingRemainingHoldsTheNextRequestForAWindow() async {
        let clock = VirtualPacingClock()
        let limiter = RateLimiter(budget: .init(requests: 100, interval: 10, margin: 0), clock: clock)
        for _ in 0..<3 { _ = await limiter.reserve(.standard) }
        // Another process using the same token has spent the rest.
        await limiter.observe(RateLimitHeaders(max: 100, remaining: 0, intervalMilliseconds: 10_000))
        let next = await limiter.reserve(.standard)
        #expect(next >= clock.now() + 10)
    }

    @Test func remainingInLineWithTheLocalCountChangesNothing() async {
        let clock = VirtualPacingClock()
        let limiter = RateLimiter(budget: .init(requests: 100, interval: 10, margin: 0), clock: clock)
        for _ in 0..<3 { _ = await limiter.reserve(.standard) }
        await limiter.observe(RateLimitHeaders(max: 100, remaining: 97, intervalMilliseconds: 10_000))
        #expect(await limiter.reserve(.standard) == clock.now())
    }

    @Test func aPauseHoldsBackOnlyItsBucket() async {
        let clock = VirtualPacingClock()
        let limiter = RateLimiter(clock: clock)
        await limiter.pause(.search, until: clock.now() + 2)
        #expect(await limiter.reserve(.standard) == clock.now())
        #expect(await limiter.reserve(.search) == clock.now() + 2)
        await limiter.pause(.standard, until: clock.now() + 5)
        #expect(await limiter.reserve(.standard) == clock.now() + 5)
        #expect(await limiter.reserve(.search) == clock.now() + 5)
    }

    @Test func acquireSleepsUntilTheReservedStart() async throws {
        let clock = VirtualPacingClock()
        let limiter = RateLimiter(budget: .init(requests: 2, interval: 10, margin: 0), clock: clock)
        try await limiter.acquire(.standard)
        try await limiter.acquire(.standard)
        #expect(clock.sleeps.isEmpty)
        try await limiter.acquire(.standard)
        #expect(clock.sleeps == [10])
    }
}
