import CallsCore
import Foundation
@testable import HubSpotAPI
import Testing

@Suite struct IdleSessionPoolTests {
    final class Session {
        let number: Int
        init(_ number: Int) { self.number = number }
    }

    /// A pool over numbered sessions with a clock the test moves, recording retired sessions.
    final class Harness: @unchecked Sendable {
        let clock = Locked(0.0)
        let retired = Locked<[Int]>([])
        private(set) var pool: IdleSessionPool<Session>!

        init(idleWindow: Double) {
            let made = Locked(0)
            pool = IdleSessionPool(
                idleWindow: idleWindow, now: { [clock] in clock.current },
                make: { Session(made.withLock { $0 += 1; return $0 }) },
                retire: { [retired] session in retired.withLock { $0.append(session.number) } }
            )
        }

        /// Checks a session out and back in at once; its number.
        func request() -> Int {
            let session = pool.checkOut()
            pool.checkIn()
            return session.number
        }
    }

    @Test func requestsWithinTheWindowShareOneSession() {
        let harness = Harness(idleWindow: 10)
        var used: [Int] = []
        for _ in 0..<5 {
            used.append(harness.request())
            harness.clock.withLock { $0 += 9 }
        }
        #expect(used == [1, 1, 1, 1, 1])
        #expect(harness.pool.sessionsMade == 1)
        #expect(harness.retired.current.isEmpty)
    }

    @Test func aSessionIdleLongerThanTheWindowIsRetiredAndReplaced() {
        let harness = Harness(idleWindow: 10)
        #expect(harness.request() == 1)
        harness.clock.withLock { $0 += 10.5 }
        #expect(harness.request() == 2)
        #expect(harness.retired.current == [1])
        #expect(harness.pool.sessionsMade == 2)
    }

    @Test func aSessionWithARequestInFlightIsNeverIdle() {
        let harness = Harness(idleWindow: 10)
        let long = harness.pool.checkOut()
        harness.clock.withLock { $0 += 60 }
        // Another request while the first is still out: same session.
        #expect(harness.request() == long.number)
        harness.pool.checkIn()
        // Idle counts from the last answer, not from the first request.
        harness.clock.withLock { $0 += 5 }
        #expect(harness.request() == 1)
        #expect(harness.retired.current.isEmpty)
    }
}

