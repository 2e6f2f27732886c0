import CallsCore
import Foundation
import HubSpotAPI
@testable import HubSpotServer
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct RateLimitTests {
    static let small = RateLimitConfiguration(max: 3, interval: 10, searchMax: 2, searchInterval: 1, daily: 1000)

    @Test func ordinaryResponsesCarryHubSpotsRateLimitHeaders() async throws {
        let server = try await TestServer.make(rateLimits: RateLimitConfiguration())
        try await server.run { client in
            let first = try await client.call(.get, "/crm/v3/objects/calls", server)
            #expect(first[header: "X-HubSpot-RateLimit-Max"] == "100")
            #expect(first[header: "X-HubSpot-RateLimit-Remaining"] == "99")
            #expect(first[header: "X-HubSpot-RateLimit-Interval-Milliseconds"] == "10000")
            #expect(first[header: "X-HubSpot-RateLimit-Daily"] == "250000")
            #expect(first[header: "X-HubSpot-RateLimit-Daily-Remaining"] == "249999")
            #expect(first[header: "X-HubSpot-RateLimit-Secondly"] == "10")
            #expect(first[header: "X-HubSpot-RateLimit-Secondly-Remaining"] == "9")
            let second = try await client.call(.get, "/crm/v3/owners", server)
            #expect(second[header: "X-HubSpot-RateLimit-Remaining"] == "98")
        }
    }

    @Test func errorAnswersCarryTheHeadersToo() async throws {
        let server = try await TestServer.make(rateLimits: RateLimitConfiguration())
        try await server.run { client in
            let missing = try await client.call(.get, "/crm/v3/objects/calls/12345", server)
            #expect(missing.status == .notFound)
            #expect(missing[header: "X-HubSpot-RateLimit-Remaining"] == "99")
            #expect(try missing.decode(ErrorBody.self).correlationId == missing[header: "X-HubSpot-Correlation-Id"])
        }
    }

    @Test func searchResponsesCarryNoRateLimitHeaders() async throws {
        let server = try await TestServer.make(rateLimits: RateLimitConfiguration())
        try await server.run { client in
            let response = try await client.call(.post, "/crm/v3/objects/calls/search", server, body: "{}")
            #expect(response.status == .ok)
            #expect(response[header: "X-HubSpot-RateLimit-Max"] == nil)
            #expect(response[header: "X-HubSpot-RateLimit-Remaining"] == nil)
        }
    }

    @Test func spendingTheRollingBudgetGives429TenSecondlyRolling() async throws {
        let server = try await TestServer.make(rateLimits: Self.small)
        try await server.run { client in
            for _ in 0..<3 {
                #expect(try await client.call(.get, "/crm/v3/objects/calls", server).status == .ok)
            }
            let refused = try await client.call(.get, "/crm/v3/objects/calls", server)
            #expect(refused.status == .tooManyRequests)
            let body = try refused.decode(ErrorBody.self)
            #expect(body.status == "error")
            #expect(body.message == "You have reached your ten_secondly_rolling limit.")
            #expect(body.errorType == "RATE_LIMIT")
            #expect(body.category == "RATE_LIMITS")
            #expect(body.policyName == "TEN_SECONDLY_ROLLING")
            #expect(body.correlationId == refused[header: "X-HubSpot-Correlation-Id"])
            #expect(refused[header: "X-HubSpot-RateLimit-Remaining"] == "0")
            // Like HubSpot, no Retry-After unless asked for.
            #expect(refused[header: "Retry-After"] == nil)
        }
    }

    @Test func retryAfterIsSentWhenConfigured() async throws {
        var limits = Self.small
        limits.sendRetryAfter = true
        let server = try await TestServer.make(rateLimits: limits)
        try await server.run { client in
            for _ in 0..<3 { _ = try await client.call(.get, "/crm/v3/objects/calls", server) }
            #expect(try await client.call(.get, "/crm/v3/objects/calls", server)[header: "Retry-After"] == "10")
            server.clock.advance(4)
            #expect(try await client.call(.get, "/crm/v3/objects/calls", server)[header: "Retry-After"] == "6")
            for _ in 0..<2 { _ = try await client.call(.post, "/crm/v3/objects/calls/search", server, body: "{}") }
            #expect(try await client.call(.post, "/crm/v3/objects/calls/search", server, body: "{}")[header: "Retry-After"] == "1")
        }
    }

    @Test func theWindowSlidesSoABackedOffClientRecovers() async throws {
        let server = try await TestServer.make(rateLimits: Self.small)
        try await server.run { client in
            for _ in 0..<3 { _ = try await client.call(.get, "/crm/v3/objects/calls", server) }
            #expect(try await client.call(.get, "/crm/v3/objects/calls", server).status == .tooManyRequests)
            server.clock.advance(9)
            #expect(try await client.call(.get, "/crm/v3/objects/calls", server).status == .tooManyRequests)
            server.clock.advance(1.5)
            #expect(try await client.call(.get, "/crm/v3/objects/calls", server).status == .ok)
        }
    }

    @Test func searchHasItsOwnSecondlyBudget() async throws {
        let server = try await TestServer.make(rateLimits: Self.small)
        try await server.run { client in
            for _ in 0..<2 {
                #expect(try await client.call(.post, "/crm/v3/objects/calls/search", server, body: "{}").status == .ok)
            }
            let refused = try await client.call(.post, "/crm/v3/objects/calls/search", server, body: "{}")
            #expect(refused.status == .tooManyRequests)
            let body = try refused.decode(ErrorBody.self)
            #expect(body.policyName == "SECONDLY")
            #expect(body.message == "You have reached your secondly limit.")
            // Searches do not use the rolling budget.
            #expect(try await client.call(.get, "/crm/v3/objects/calls", server).status == .ok)
            server.clock.advance(1.01)
            #expect(try await client.call(.post, "/crm/v3/objects/calls/search", server, body: "{}").status == .ok)
        }
    }

    @Test func withoutRateLimitsThereAreNoHeadersAndNo429() async throws {
        let server = try await TestServer.make(rateLimits: nil)
        try await server.run { client in
            for _ in 0..<120 {
                let response = try await client.call(.get, "/crm/v3/owners", server)
                #expect(response.status == .ok)
                #expect(response[header: "X-HubSpot-RateLimit-Max"] == nil)
            }
        }
    }

    @Test func theStatsEndpointCountsRequestsAnd429s() async throws {
        let server = try await TestServer.make(rateLimits: Self.small)
        try await server.run { client in
            for _ in 0..<5 { _ = try await client.call(.get, "/crm/v3/objects/calls", server) }
            let stats = try await client.call(.get, "/__hubcalls/stats", server, headers: [:])
            #expect(stats.status == .ok)
            let json = stats.json
            #expect(json["totalRequests"] as? Int == 5)
            #expect(json["rateLimited"] as? Int == 2)
            #expect(json["maxRequestsIn10Seconds"] as? Int == 5)
            #expect((json["byStatus"] as? [String: Int])?["429"] == 2)
            #expect(try await client.call(.delete, "/__hubcalls/stats", server, headers: [:]).status == .noContent)
            #expect(try await client.call(.get, "/__hubcalls/stats", server, headers: [:]).json["totalRequests"] as? Int == 0)
        }
    }

    @Test(arguments: [("100/10s", 100, 10.0), ("5/1s", 5, 1.0), ("190/10000ms", 190, 10.0), ("7/s", 7, 1.0)])
    func budgetsParse(text: String, count: Int, seconds: Double) throws {
        let (parsedCount, parsedSeconds) = try #require(RateLimitConfiguration.parseBudget(text))
        #expect(parsedCount == count)
        #expect(abs(parsedSeconds - seconds) < 1e-9)
    }

    @Test(arguments: ["", "100", "x/10s", "0/10s", "10/-1s"])
    func badBudgetsAreRefused(text: String) {
        #expect(RateLimitConfiguration.parseBudget(text) == nil)
    }
}
