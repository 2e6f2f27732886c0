import Foundation
import Testing
@testable import HubSpotAPI

@Suite struct RetryPolicyTests {
    let policy = RetryPolicy(maxAttempts: 4, maxConnectAttempts: 2, baseDelay: 0.5, maxDelay: 4, maxRetryAfter: 60, random: { 0 })

    @Test func tenSecondlyRateLimitsAreRetriedHonouringRetryAfter() {
        #expect(policy.decide(.status(429, policyName: "TEN_SECONDLY_ROLLING", retryAfter: 3), attempt: 1, idempotent: true) == .retry(after: 3))
        #expect(policy.decide(.status(429, policyName: "TEN_SECONDLY_ROLLING", retryAfter: 3), attempt: 1, idempotent: false) == .retry(after: 3))
    }

    @Test func rateLimitsWithoutRetryAfterWaitAtLeastASecond() {
        #expect(policy.decide(.status(429, policyName: "SECONDLY", retryAfter: nil), attempt: 1, idempotent: true) == .retry(after: 1))
    }

    @Test func theDailyLimitIsNeverRetried() {
        #expect(policy.decide(.status(429, policyName: "DAILY", retryAfter: 5), attempt: 1, idempotent: true) == .fail)
    }

    @Test func clientErrorsAreNeverRetried() {
        for status in [400, 401, 403, 404, 409, 414, 422] {
            #expect(policy.decide(.status(status, policyName: nil, retryAfter: nil), attempt: 1, idempotent: true) == .fail)
        }
    }

    @Test func serverErrorsAreRetriedForIdempotentRequestsAndVerifiedForCreates() {
        for status in [500, 502, 503, 504] {
            #expect(policy.decide(.status(status, policyName: nil, retryAfter: nil), attempt: 1, idempotent: true) == .retry(after: 0.25))
            #expect(policy.decide(.status(status, policyName: nil, retryAfter: nil), attempt: 1, idempotent: false) == .verifyThenRetry(after: 0.25))
        }
    }

    @Test func backoffDoublesUpToTheCapWithEqualJitter() {
        #expect((1...5).map { policy.backoff($0) } == [0.25, 0.5, 1, 2, 2])
        let high = RetryPolicy(baseDelay: 0.5, maxDelay: 4, random: { 0.999 })
        #expect(high.backoff(1) < 0.5 && high.backoff(1) > 0.49)
    }

    @Test func attemptsAreBounded() {
        #expect(policy.decide(.status(503, policyName: nil, retryAfter: nil), attempt: 3, idempotent: true) != .fail)
        #expect(policy.decide(.status(503, policyName: nil, retryAfter: nil), attempt: 4, idempotent: true) == .fail)
        #expect(policy.decide(.lost, attempt: 4, idempotent: true) == .fail)
    }

    @Test func aRetryAfterBeyondOurPatienceGoesToTheUser() {
        #expect(policy.decide(.status(429, policyName: "TEN_SECONDLY_ROLLING", retryAfter: 3600), attempt: 1, idempotent: true) == .fail)
    }

    @Test func lostRequestsAreRetriedOnlyWhenIdempotent() {
        #expect(policy.decide(.lost, attempt: 1, idempotent: true) == .retry(after: 0.25))
        #expect(policy.decide(.lost, attempt: 1, idempotent: false) == .verifyThenRetry(after: 0.25))
    }

    @Test func unreachableServersAreTriedAgainOnlyBriefly() {
        #expect(policy.decide(.notSent, attempt: 1, idempotent: false) == .retry(after: 0.25))
        #expect(policy.decide(.notSent, attempt: 2, idempotent: true) == .fail)
    }

    @Test func lockedWaitsAtLeastTwoSeconds() {
        #expect(policy.decide(.status(423, policyName: nil, retryAfter: nil), attempt: 1, idempotent: true) == .retry(after: 2))
    }
}

@Suite struct RetryAfterTests {
    @Test func deltaSecondsAreRead() {
        #expect(RetryAfter.parse("3") == 3)
        #expect(RetryAfter.parse(" 1.5 ") == 1.5)
        #expect(RetryAfter.parse("-2") == nil)
        #expect(RetryAfter.parse("soon") == nil)
    }

    @Test func httpDatesAreReadRelativeToNow() {
        let now = Date(timeIntervalSince1970: 1_445_412_470) // 2015-10-21T07:27:50Z
        #expect(RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT", now: now) == 10)
        #expect(RetryAfter.parse("Wednesday, 21-Oct-15 07:28:00 GMT", now: now) == 10)
        #expect(RetryAfter.parse("Wed, 21 Oct 2015 07:00:00 GMT", now: now) == 0)
    }

    @Test func retryAfterMillisecondsWinsOverRetryAfter() {
        let response = TransportResponse(status: 429, headers: ["Retry-After": "9", "retry-after-ms": "1500"])
        #expect(RetryAfter.seconds(in: response) == 1.5)
    }
}
