import Testing
@testable import HubSpotAPI

@Suite struct RateLimiterTests {
    /// The largest number of starts in any window of `interval` seconds (`starts` ascending).
    private func busiestWindow(_ starts: [Double], interval: Double) -> Int {
        var best = 0
        for (i, start) in starts.enumerated() {
            best = max(best, starts[i...].prefix { $0 < start + interval }.count)
        }
        return best
    }

    /// Acquires `count` slots one after another and returns when each went out.
    private func starts(_ limiter: RateLimiter, _ clock: VirtualPacingClock, _ buckets: [RateLimiter.Bucket]) async throws -> [Double] {
        var times: [Double] = []
        for bucket in buckets {
            let slot = try await limiter.acquire(bucket)
            times.append(clock.now())
            await limiter.complete(slot)
        }
        return times
    }

    @Test func aBurstOfRequestsNeverExceedsTheTenSecondBudget() async throws {
        let clock = VirtualPacingClock()
        let limiter = RateLimiter(budget: .init(requests: 100, interval: 10, margin: 0.25), clock: clock)
        let times = try await starts(limiter, clock, Array(repeating: .standard, count: 350))
        #expect(busiestWindow(times, interval: 10.25) == 100)
        #expect(times.prefix(100).allSatisfy { $0 == times[0] })
        #expect(times[100] >= times[0] + 10.25)
    }

    @Test func aSequentialFetchWaitsOnlyTheIntervalAfterTheAnswerOfTheRequestAWindowEarlier() async throws {
        let clock = VirtualPacingClock()
        let limiter = RateLimiter(budget: .hubSpotDefault, clock: clock)
        var sent: [Double] = []
        var answered: [Double] = []
        for _ in 0..<201 {
            let slot = try await limiter.acquire(.standard)
            sent.append(clock.now())
            clock.advance(by: 0.01)                // the round trip
            await limiter.complete(slot)
            answered.append(clock.now())
        }
        // Never early (the server counted request k no later than its answer arrived)…
        #expect(sent[100] >= answered[0] + 10)
        #expect(sent[200] >= answered[100] + 10)
        // …and not a quarter of a second late per window either.
        #expect(sent[100] <= answered[0] + 10.05)
        #expect(sent[200] <= answered[100] + 10.05)
    }

    @Test func searchesAreHeldToFivePerSecondAndCountAgainstTheGeneralBudget() async throws {
        let clock = VirtualPacingClock()
        let limiter = RateLimiter(budget: .init(requests: 20, interval: 10, searches: 5, searchInterval: 1, margin: 0), clock: clock)
        let buckets: [RateLimiter.Bucket] = (0..<60).map { $0 % 3 == 0 ? .standard : .search }
        let times = try await starts(limiter, clock, buckets)
        let searches = zip(buckets, times).filter { $0.0 == .search }.map(\.1)
        #expect(busiestWindow(searches, interval: 1) == 5)
        #expect(busiestWindow(times, interval: 10) == 20)
    }

    @Test func slotsFreeUpAsTimePasses() async throws {
        let clock = VirtualPacingClock()
        let limiter = RateLimiter(budget: .init(requests: 10, interval: 10, margin: 0), clock: clock)
        _ = try await starts(limiter, clock, Array(repeating: .standard, count: 10))
        clock.advance(by: 10.5)
        _ = try await limiter.acquire(.standard)
        #expect(clock.sleeps.isEmpty)
    }

    @Test func aLowerMaxHeaderLowersTheBudgetButAHigherOneDoesNotRaiseIt() async {
        let limiter = RateLimiter(budget: .init(requests: 100), clock: VirtualPacingClock())
        await limiter.observe(RateLimitHeaders(max: 40, intervalMilliseconds: 10_000))
        #expect(await limiter.effectiveLimit == 40)
        await limiter.observe(RateLimitHeaders(max: 190))
        #expect(await limiter.effectiveLimit == 100)
    }

    @Test func aServerReportingNothingRemainingHoldsTheNextRequestForAWindow() async throws {
        let clock = VirtualPacingClock()
        let limiter = RateLimiter(budget: .init(requests: 100, interval: 10, margin: 0), clock: clock)
        _ = try await starts(limiter, clock, Array(repeating: .standard, count: 3))
        // Another process using the same token has spent the rest.
        await limiter.observe(RateLimitHeaders(max: 100, remaining: 0, intervalMilliseconds: 10_000))
        let before = clock.now()
        _ = try await limiter.acquire(.standard)
        #expect(clock.now() >= before + 10)
    }

    @Test func remainingInLineWithTheLocalCountChangesNothing() async throws {
        let clock = VirtualPacingClock()
        let limiter = RateLimiter(budget: .init(requests: 100, interval: 10, margin: 0), clock: clock)
        _ = try await starts(limiter, clock, Array(repeating: .standard, count: 3))
        await limiter.observe(RateLimitHeaders(max: 100, remaining: 97, intervalMilliseconds: 10_000))
        _ = try await limiter.acquire(.standard)
        #expect(clock.sleeps.isEmpty)
    }

    @Test func slowAnswersDoNotMakeTheServersCountLookLikeAnotherProcess() async throws {
        // A sequential fetch against a server that counts arrivals over a sliding window and
        // reports `Remaining`. Every other answer is slow on its way back (loaded machine,
        // jittery network): when it arrives, the server's count (taken on arrival) still holds
        // requests that left our window since. That is not another process using the token.
        let clock = VirtualPacingClock()
        let limiter = RateLimiter(budget: .init(requests: 10, interval: 10), clock: clock)
        var arrivals: [Double] = []
        var sent: [Double] = []
        var answered: [Double] = []
        var random: UInt64 = 7
        func next(_ upper: Double) -> Double {
            random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(random >> 11) / Double(1 << 53) * upper
        }
        for index in 0..<60 {
            let slot = try await limiter.acquire(.standard)
            let start = clock.now()
            sent.append(start)
            clock.advance(by: 0.001 + next(0.2))            // to the server
            let arrival = clock.now()
            let used = arrivals.filter { $0 > arrival - 10 }.count + 1
            #expect(used <= 10, "the server would refuse request \(index)")
            arrivals.append(arrival)
            clock.advance(by: 0.001 + next(0.5))            // and back
            await limiter.observe(RateLimitHeaders(max: 10, remaining: 10 - used, intervalMilliseconds: 10_000), sentAt: start)
            await limiter.complete(slot)
            answered.append(clock.now())
        }
        // Each request went out as soon as the one before was answered, or the window let it.
        for index in 10..<60 {
            #expect(sent[index] <= max(answered[index - 1], answered[index - 10] + 10.05) + 1e-9, "request \(index) was held back")
        }
    }

    @Test func aPauseHoldsBackOnlyItsBucket() async throws {
        let clock = VirtualPacingClock()
        let limiter = RateLimiter(clock: clock)
        let start = clock.now()
        await limiter.pause(.search, until: start + 2)
        _ = try await limiter.acquire(.standard)
        #expect(clock.now() == start)
        _ = try await limiter.acquire(.search)
        #expect(clock.now() == start + 2)
        await limiter.pause(.standard, until: start + 7)
        _ = try await limiter.acquire(.search)
        #expect(clock.now() == start + 7)
    }

    @Test func aFullWindowSleepsUntilTheOldestSlotLeavesIt() async throws {
        let clock = VirtualPacingClock()
        let limiter = RateLimiter(budget: .init(requests: 2, interval: 10, margin: 0), clock: clock)
        _ = try await starts(limiter, clock, [.standard])
        clock.advance(by: 3)
        _ = try await starts(limiter, clock, [.standard])
        #expect(clock.sleeps.isEmpty)
        _ = try await limiter.acquire(.standard)
        #expect(clock.sleeps == [7])
    }

    @Test func aRequestStillInFlightCountsAsStartingNow() async throws {
        let clock = VirtualPacingClock()
        let limiter = RateLimiter(budget: .init(requests: 2, interval: 10, margin: 0), clock: clock)
        let slow = try await limiter.acquire(.standard)
        _ = try await starts(limiter, clock, [.standard])
        clock.advance(by: 30)
        // Sent 30 s ago but not answered: it may reach the server only now.
        await limiter.complete(slow)
        let before = clock.now()
        _ = try await limiter.acquire(.standard)
        #expect(clock.now() == before)
        _ = try await limiter.acquire(.standard)
        #expect(clock.now() == before + 10)
    }

    @Test func aWindowAcceptsOutOfOrderStartsWithoutOverflowing() {
        var window = SlidingWindow(limit: 3, interval: 10)
        window.insert(5)
        window.insert(1)
        window.insert(3)
        #expect(window.earliestStart(notBefore: 4) == 11)
        #expect(window.fits(11) && !window.fits(10.5))
    }
}
