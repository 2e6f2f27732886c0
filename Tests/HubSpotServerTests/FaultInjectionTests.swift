import CallsCore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HubSpotAPI
@testable import HubSpotServer
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct FaultInjectionTests {
    static func decisions(_ configuration: FaultConfiguration, count: Int = 200) -> [FaultInjector.Decision] {
        let injector = FaultInjector(configuration: configuration)
        return (0..<count).map { _ in injector.next() }
    }

    @Test func theSameSeedGivesTheSameFaults() {
        let configuration = FaultConfiguration(latencyMs: 5...50, errorRate: 0.3, dropRate: 0.1, seed: 42)
        #expect(Self.decisions(configuration) == Self.decisions(configuration))
    }

    @Test func anotherSeedGivesOtherFaults() {
        let a = FaultConfiguration(latencyMs: 5...50, errorRate: 0.3, dropRate: 0.1, seed: 42)
        var b = a
        b.seed = 43
        #expect(Self.decisions(a) != Self.decisions(b))
    }

    @Test func ratesAreRoughlyHonouredAndStatusesAre5xx() {
        let decisions = Self.decisions(FaultConfiguration(errorRate: 0.25, dropRate: 0.1, seed: 7), count: 4000)
        let drops = decisions.filter { $0.fault == .drop }.count
        let errors = decisions.compactMap { if case .error(let status) = $0.fault { status } else { nil } }
        #expect((250...550).contains(drops))
        #expect((700...1100).contains(errors.count))
        #expect(Set(errors) == [500, 502, 503])
    }

    @Test func latencyStaysInItsRange() {
        let latencies = Self.decisions(FaultConfiguration(latencyMs: 20...80, seed: 3)).map(\.latencyMs)
        #expect(latencies.allSatisfy { (20...80).contains($0) })
        #expect(Set(latencies).count > 10)
    }

    @Test func noFaultsByDefault() {
        #expect(!FaultConfiguration().isActive)
        #expect(Self.decisions(FaultConfiguration()).allSatisfy { $0 == FaultInjector.Decision(latencyMs: 0, fault: .none) })
    }

    @Test func anInjectedErrorIsA5xxWithAHubSpotBody() async throws {
        let server = try await TestServer.make(faults: FaultConfiguration(errorRate: 1, seed: 1))
        try await server.run { client in
            let response = try await client.call(.get, "/crm/v3/objects/calls", server)
            #expect([500, 502, 503].contains(Int(response.status.code)))
            let body = try response.decode(ErrorBody.self)
            #expect(body.status == "error")
            #expect(body.correlationId == response[header: "X-HubSpot-Correlation-Id"])
            // The test aid is never faulted.
            #expect(try await client.call(.get, "/__hubcalls/stats", server, headers: [:]).json["injectedErrors"] as? Int == 1)
        }
    }

    @Test func theServersFaultSequenceIsReproducible() async throws {
        func statuses(seed: UInt64) async throws -> [UInt] {
            let server = try await TestServer.make(faults: FaultConfiguration(errorRate: 0.5, seed: seed))
            let collected = Locked<[UInt]>([])
            try await server.run { client in
                for _ in 0..<30 {
                    let status = try await client.call(.get, "/crm/v3/owners", server).status.code
                    collected.withLock { $0.append(UInt(status)) }
                }
            }
            return collected.withLock { $0 }
        }
        let first = try await statuses(seed: 99)
        #expect(first == (try await statuses(seed: 99)))
        #expect(first.contains(200) && first.contains { $0 >= 500 })
    }

    @Test(arguments: [("50", 50...50), ("20-80", 20...80), ("0", 0...0)])
    func latencyParses(text: String, range: ClosedRange<Int>) {
        #expect(FaultConfiguration.parseLatency(text) == range)
    }

    @Test func aDroppedConnectionClosesWithoutAResponse() async throws {
        let store = try await TestServer.make().store
        let configuration = HubSpotServerConfiguration(port: 0, token: nil, rateLimits: nil, faults: FaultConfiguration(dropRate: 1, seed: 1))
        let app = Application(router: HubSpotServer.buildRouter(service: store, configuration: configuration), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let url = try #require(URL(string: "http://127.0.0.1:\(port)/crm/v3/owners"))
            await #expect(throws: (any Error).self) {
                _ = try await URLSession.shared.data(from: url)
            }
        }
    }
}
