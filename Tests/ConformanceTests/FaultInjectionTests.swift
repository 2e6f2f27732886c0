import CallsCore
import Foundation
import HubSpotAPI
import hubcalls_https
import HubSpotServer
import Testing

/// The HTTP client against `hubcalls serve` with its fault injection and rate limits on:
/// retried to success, never a duplicate create, never over budget (counted at the server).
@Suite struct FaultInjectionTests {
    @Test func aCreateWhoseResponseIsLostAfterTheServerMadeItExistsExactlyOnce() async throws {
        let losing = Locked<LoseResponsesTransport?>(nil)
        try await withBackend(.hubspot, wrap: { inner in
            let transport = LoseResponsesTransport(inner, count: 1, matches: LoseResponsesTransport.isCreate)
            losing.set(transport)
            return transport
        }) { backend in
            let call = try await backend.service.create(.calls, ObjectInput(properties: Fixture.call("Logged once", minute: 9)))
            #expect(call[property: CallProperty.title] == "Logged once")
            #expect(losing.value?.lost == 1)
            #expect(try await backend.store.count(.calls) == 1)
            #expect(backend.client?.requestStats.createLookups == 1)
            let counters = try await backend.server!.stats()
            #expect(counters.createRequests == 1)
        }
    }

    @Test func aBatchCreateWhoseResponseIsLostIsNotRepeated() async throws {
        try await withBackend(.hubspot, wrap: { LoseResponsesTransport($0, count: 1, error: .timedOut, matches: LoseResponsesTransport.isCreate) }) { backend in
            let inputs = (0..<5).map { ObjectInput(properties: Fixture.call("Batch \($0)", minute: $0)) }
            let result = try await backend.service.batchCreate(.calls, inputs)
            #expect(result.errors.isEmpty)
            #expect(Set(result.results.map { $0[property: CallProperty.title] ?? "" }) == Set((0..<5).map { "Batch \($0)" }))
            #expect(try await backend.store.count(.calls) == 5)
        }
    }

    @Test func serverErrorsAndDroppedConnectionsAreRetriedWithoutDuplicateCreates() async throws {
        let faults = FaultConfiguration(errorRate: 0.2, dropRate: 0.1, seed: 7)
        try await withBackend(.hubspot, faults: faults, retry: RetryPolicy(maxAttempts: 8, baseDelay: 0.05, maxDelay: 0.4)) { backend in
            let crm = backend.service
            var ids: [String] = []
            for index in 0..<20 {
                ids.append(try await crm.create(.calls, ObjectInput(properties: Fixture.call("Call \(index)", minute: index))).id)
            }
            #expect(Set(ids).count == 20)
            #expect(try await backend.store.count(.calls) == 20)
            let page = try await crm.list(.calls, ListRequest(limit: 100, properties: [CallProperty.title]))
            #expect(page.results.count == 20)
            let counters = try await backend.server!.stats()
            #expect(counters.injectedErrors + counters.droppedConnections > 0)
            #expect(backend.client!.requestStats.retries > 0)
        }
    }

    @Test func aStormOf429sIsRetriedToSuccessWithoutDuplicates() async throws {
        // The server allows 3 requests per second; the client starts out believing 100 / 10 s
        // and sends its first six at once.
        let limits = RateLimitConfiguration(max: 3, interval: 1, searchMax: 5, searchInterval: 1)
        try await withBackend(.hubspot, rateLimits: limits) { backend in
            let crm = backend.service
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<15 {
                    group.addTask { _ = try await crm.create(.calls, ObjectInput(properties: Fixture.call("Storm \(index)", minute: index))) }
                }
                try await group.waitForAll()
            }
            #expect(try await backend.store.count(.calls) == 15)
            let counters = try await backend.server!.stats()
            #expect(counters.rateLimited > 0)
            #expect(counters.createRequests - counters.rateLimited == 15)
            #expect(backend.client!.requestStats.rateLimited == counters.rateLimited)
            // Having seen X-HubSpot-RateLimit-Max, the client paces itself to the server's budget.
            #expect(await backend.client!.rateLimiter.effectiveLimit == 3)
        }
    }

    @Test func theClientNeverExceedsOneHundredRequestsInTenSeconds() async throws {
        try await withBackend(.hubspot, rateLimits: RateLimitConfiguration()) { backend in
            let crm = backend.service
            let call = try await backend.store.create(.calls, ObjectInput(properties: Fixture.call("Read me", minute: 1)))
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<140 {
                    group.addTask {
                        if index % 10 == 0 {
                            _ = try await crm.search(.calls, SearchRequest(query: "read", properties: [CallProperty.title], limit: 5))
                        } else {
                            _ = try await crm.get(.calls, id: call.id, properties: [CallProperty.title], associations: [])
                        }
                    }
                }
                try await group.waitForAll()
            }
            let counters = try await backend.server!.stats()
            #expect(counters.totalRequests >= 140)
            #expect(counters.maxRequestsIn10Seconds <= 100)
            #expect(counters.maxSearchesIn1Second <= 5)
            #expect(counters.rateLimited == 0)
        }
    }

    @Test func windowAfterWindowTheDefaultMarginNeverTripsTheServersLimit() async throws {
        // The server's budget over a short window so that many windows pass: 20 per second,
        // and the client paces to the same budget with its default margin. Sequential pages
        // (each waits for the one before) and then concurrent reads, 130 requests in all.
        let limits = RateLimitConfiguration(max: 20, interval: 1, searchMax: 5, searchInterval: 1)
        let budget = RateLimiter.Budget(requests: 20, interval: 1)
        try await withBackend(.hubspot, rateLimits: limits, budget: budget, retry: RetryPolicy(maxAttempts: 1)) { backend in
            let crm = backend.service
            for index in 0..<3 {
                _ = try await backend.store.create(.calls, ObjectInput(properties: Fixture.call("Call \(index)", minute: index)))
            }
            for _ in 0..<70 { _ = try await crm.list(.calls, ListRequest(limit: 2, properties: [CallProperty.title])) }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<60 {
                    group.addTask { _ = try await crm.list(.calls, ListRequest(limit: 1, properties: [CallProperty.title])) }
                }
                try await group.waitForAll()
            }
            let counters = try await backend.server!.stats()
            #expect(counters.totalRequests == 130)
            #expect(counters.rateLimited == 0)
        }
    }

    @Test func perItemErrorsSurviveTheTripThroughTheServer() async throws {
        try await withBackend(.hubspot) { backend in
            let crm = backend.service
            let a = try await crm.create(.calls, ObjectInput(properties: Fixture.call("A", minute: 1)))
            let result = try await crm.batchRead(.calls, ids: [a.id, "77777777"], properties: [CallProperty.title])
            #expect(result.results.map(\.id) == [a.id])
            #expect(result.errors.map(\.kind) == [.notFound])
            #expect(result.errors.first?.category == "OBJECT_NOT_FOUND")
        }
    }

    @Test func aWrongTokenExplainsHowToSetOne() async throws {
        let store = try LocalStoreFactory.empty()
        let server = try await InProcessServer.start(service: store)
        let client = HubSpotCRMService(configuration: HubSpotConfiguration(
            baseURL: server.baseURL, token: AccessToken("wrong-token-value", source: "from the test"), configPath: "/cfg/config.toml"
        ), transport: URLSessionTransport())
        let error = await #expect(throws: CRMError.self) { try await client.owners() }
        #expect(error?.kind == .unauthorized)
        #expect(error?.message.contains("HUBSPOT_ACCESS_TOKEN") == true)
        // The remedy comes first (a status line shows only the start), HubSpot's words last.
        #expect(error?.message.hasPrefix("HubSpot rejected the access token (token from the test). Set HUBSPOT_ACCESS_TOKEN to a private-app token") == true)
        #expect(error?.message.contains("HubSpot said: ") == true)
        #expect(error?.message.contains("..") == false)
        #expect(error?.correlationId != nil)
        #expect(error?.description.contains("wrong-token-value") == false)
        await server.stop()
    }

    @Test func aStoppedServerIsReportedAsOffline() async throws {
        let store = try LocalStoreFactory.empty()
        let server = try await InProcessServer.start(service: store)
        let url = server.baseURL
        await server.stop()
        let client = HubSpotCRMService(configuration: HubSpotConfiguration(baseURL: url, token: AccessToken("t", source: "test")), transport: URLSessionTransport())
        let error = await #expect(throws: CRMError.self) { try await client.outcomes() }
        #expect(error?.kind == .offline)
    }
}
