import Foundation
@testable import HubSpotAPI
import Testing

/// QA3 R3: a server that closes one of several concurrent requests' connections without an
/// answer. Through the real `hubcalls-https` helper (URLSession, libcurl on Linux), that
/// request must fail as a dropped connection, not sit until the request timeout.
@Suite struct DroppedConnectionTests {
    /// The helper built with the tests (`swift test` builds every product), beside the test
    /// bundle.
    static var helper: URL? {
        var directory = Bundle.main.bundleURL
        for _ in 0..<3 {
            let candidate = directory.appendingPathComponent("hubcalls-https")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }

    @Test(.enabled(if: helper != nil, "hubcalls-https is built with the tests"))
    func aConnectionClosedWithoutAnAnswerFailsAsDroppedNotAsATimeout() async throws {
        let server = try DroppingServer(dropEvery: 3)
        defer { server.stop() }
        // A timeout long enough that a missed close shows as a timeout, never as a drop.
        let timeout = 20.0
        let client = TransportHelperClient(executable: try #require(Self.helper), arguments: [String(timeout)])
        var codes: [Int] = []
        // Rounds of concurrent requests on kept-alive connections, as the browser's batch reads.
        for round in 0..<4 {
            let results = await withTaskGroup(of: Int?.self) { group in
                for index in 0..<HTTPConnections.perHost {
                    group.addTask {
                        let request = TransportRequest(
                            url: URL(string: "http://127.0.0.1:\(server.port)/crm/v3/objects/calls/batch/read?r=\(round)&i=\(index)")!,
                            method: "POST", headers: ["Content-Type": "application/json"], body: Data("{\"inputs\":[]}".utf8), timeout: timeout
                        )
                        do {
                            _ = try await client.send(request)
                            return nil
                        } catch {
                            return TransportError.urlErrorCode(of: error) ?? 0
                        }
                    }
                }
                return await group.reduce(into: [Int]()) { if let code = $1 { $0.append(code) } }
            }
            codes += results
        }
        client.stopHelper()
        #expect(server.dropped > 0)
        #expect(!codes.isEmpty)
        #expect(!codes.contains(TransportError.timedOut), "a dropped connection was noticed only at the timeout: \(codes)")
        for code in codes {
            let failure = TransportFailure(TransportError(code: code), host: "127.0.0.1")
            #expect(failure.failure == .lost)
            #expect(failure.error.message.contains("closed the connection") || failure.error.message.contains("dropped"))
        }
    }

    /// QA3 R10: it used to read "network error -1011".
    @Test(arguments: [true, false])
    func aConnectionClosedWithoutAnAnswerIsSaidInWordsNamingTheHost(changes: Bool) {
        let failure = TransportFailure(TransportError(code: TransportError.badServerResponse), host: "api.hubapi.com", changes: changes)
        #expect(failure.failure == .lost)
        #expect(failure.error.message.hasPrefix("api.hubapi.com closed the connection without answering."))
        #expect(!failure.error.message.contains("-1011"))
        #expect(failure.error.message.contains("may or may not have been applied") == changes)
    }
}
