import CallsCore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@testable import HubSpotServer
import LocalStore
import Testing

@Suite struct StartTests {
    @Test func aStartedServerAnswersOverLoopbackAndStops() async throws {
        let store = try LocalCRMService.inMemory()
        let token = "start-" + UUID().uuidString
        let server = try await HubSpotServer.start(service: store, configuration: HubSpotServerConfiguration(port: 0, token: token))
        #expect(server.port > 0)
        var request = URLRequest(url: server.baseURL.appendingPathComponent("calling/v1/dispositions"))
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        let (data, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: data, as: UTF8.self).hasPrefix("[{"))
        await server.stop()
        await #expect(throws: (any Error).self) { _ = try await URLSession.shared.data(for: request) }
    }

    @Test func aTakenPortIsAnError() async throws {
        let store = try LocalCRMService.inMemory()
        let first = try await HubSpotServer.start(service: store, configuration: HubSpotServerConfiguration(port: 0))
        await #expect(throws: (any Error).self) {
            _ = try await HubSpotServer.start(service: store, configuration: HubSpotServerConfiguration(port: first.port))
        }
        await first.stop()
    }
}
