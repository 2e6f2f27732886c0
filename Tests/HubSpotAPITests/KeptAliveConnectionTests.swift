import Foundation
@testable import HubSpotAPI
import Testing

/// The real `hubcalls-https` helper (URLSession, libcurl on Linux) against a loopback server
/// that counts connections and drops chosen requests: requests that are safe to repeat share
/// kept-alive connections, a kept-alive connection that dies under a request costs a resend
/// on a new connection (not the request timeout), and a create never rides one.
@Suite struct KeptAliveConnectionTests {
    /// Long enough that a request stuck until its timeout cannot pass for a quick one: the
    /// client's deadline (below) kills the helper long before.
    static let timeout = 30.0
    /// Seconds the client waits for any answer before it takes the helper to hang: a request
    /// that waits for its timeout fails with ``TransportHelperUnresponsive``.
    static let deadline = 10.0

    static func client(idleWindow: Double? = nil) throws -> TransportHelperClient {
        let helper = try #require(DroppedConnectionTests.helper)
        let arguments = [String(timeout)] + (idleWindow.map { [String($0)] } ?? [])
        return TransportHelperClient(executable: helper, arguments: arguments, deadline: deadline)
    }

    static func request(_ server: DroppingServer, _ method: String, _ path: String, body: String? = nil, idempotent: Bool = true) -> TransportRequest {
        TransportRequest(
            url: URL(string: "http://127.0.0.1:\(server.port)\(path)")!, method: method,
            headers: body == nil ? [:] : ["Content-Type": "application/json"], body: body.map { Data($0.utf8) },
            timeout: timeout, idempotent: idempotent
        )
    }

    /// What the server says it received: the target and the body's length.
    struct Echo: Decodable, Equatable {
        var target: String
        var bodyBytes: Int
    }

    static func echo(_ response: TransportResponse) throws -> Echo {
        try JSONDecoder().decode(Echo.self, from: response.body)
    }

    static let searchBody = #"{"filterGroups":[],"sorts":["-hs_timestamp"],"limit":100}"#

    @Test(.enabled(if: DroppedConnectionTests.helper != nil, "hubcalls-https is built with the tests"))
    func sequentialRequestsShareOneKeptAliveConnection() async throws {
        let server = try DroppingServer()
        defer { server.stop() }
        let client = try Self.client()
        defer { client.stopHelper() }
        let count = 12
        for index in 0..<count {
            let response = index.isMultiple(of: 2)
                ? try await client.send(Self.request(server, "GET", "/crm/v3/objects/calls?n=\(index)"))
                : try await client.send(Self.request(server, "POST", "/crm/v3/objects/calls/search?n=\(index)", body: Self.searchBody))
            #expect(response.status == 200)
        }
        #expect(server.answered == count)
        // One connection per request was the old cost (a TCP and TLS handshake each).
        #expect(server.connections <= 2, "\(server.connections) connections for \(count) requests")
    }

    @Test(.enabled(if: DroppedConnectionTests.helper != nil, "hubcalls-https is built with the tests"))
    func aKeptAliveConnectionDroppedUnderARequestWithABodyCostsAResendNotTheTimeout() async throws {
        // The third request arrives on the connection the first two used; the server reads it
        // whole and closes the connection without answering.
        let server = try DroppingServer(dropOnce: { $0.hasSuffix("n=2") })
        defer { server.stop() }
        let client = try Self.client()
        defer { client.stopHelper() }
        for index in 0..<6 {
            let path = "/crm/v3/objects/calls/search?n=\(index)"
            // A deadline far below the timeout: a request stuck until its timeout fails here.
            let response = try await client.send(Self.request(server, "POST", path, body: Self.searchBody))
            #expect(response.status == 200)
            // Sent again whole, not the headers alone.
            #expect(try Self.echo(response) == Echo(target: path, bodyBytes: Self.searchBody.utf8.count))
        }
        #expect(server.dropped == 1)
        #expect(server.answered == 6)
        #expect(server.connections < 6)
    }

    @Test(.enabled(if: DroppedConnectionTests.helper != nil, "hubcalls-https is built with the tests"))
    func concurrentReadsWhoseConnectionsTheServerDropsAreResentOrFailAtOnce() async throws {
        // QA3 R3's scenario: rounds of batch reads in flight together, as the browser sends
        // them; in the third round the server closes every connection under its request. A
        // request on a kept-alive connection is sent again on a new one and succeeds; one on
        // a connection opened for it (libcurl keeps only a few idle connections after a
        // burst) fails at once as lost, for the retry policy. None waits for its timeout.
        let server = try DroppingServer(dropOnce: { $0.contains("r=2&") })
        defer { server.stop() }
        let client = try Self.client()
        defer { client.stopHelper() }
        let body = #"{"inputs":[{"id":"1"}]}"#
        var failures: [Int] = []
        for round in 0..<4 {
            failures += try await withThrowingTaskGroup(of: Int?.self) { group in
                for index in 0..<HTTPConnections.perHost {
                    group.addTask {
                        let path = "/crm/v3/objects/calls/batch/read?r=\(round)&i=\(index)"
                        do {
                            let response = try await client.send(Self.request(server, "POST", path, body: body))
                            #expect(try Self.echo(response) == Echo(target: path, bodyBytes: body.utf8.count))
                            return nil
                        } catch {
                            // Not a URL error: the helper was killed at the deadline (a
                            // request waited for its timeout).
                            guard let code = TransportError.urlErrorCode(of: error) else {
                                Issue.record("\(error)")
                                return 0
                            }
                            return code
                        }
                    }
                }
                return try await group.reduce(into: [Int]()) { if let code = $1 { $0.append(code) } }
            }
        }
        #expect(server.dropped == HTTPConnections.perHost)
        #expect(failures.count < server.dropped, "no request was sent again: \(failures)")
        #expect(server.answered == 4 * HTTPConnections.perHost - failures.count)
        for code in failures {
            #expect(code != TransportError.timedOut)
            #expect(TransportFailure(TransportError(code: code), host: "127.0.0.1").failure == .lost)
        }
    }

    @Test(.enabled(if: DroppedConnectionTests.helper != nil, "hubcalls-https is built with the tests"))
    func aKeptAliveConnectionDroppedUnderAGetIsRetriedOnANewOne() async throws {
        let server = try DroppingServer(dropOnce: { $0.hasSuffix("n=2") })
        defer { server.stop() }
        let client = try Self.client()
        defer { client.stopHelper() }
        for index in 0..<5 {
            let path = "/crm/v3/objects/calls?n=\(index)"
            let response = try await client.send(Self.request(server, "GET", path))
            #expect(try Self.echo(response).target == path)
        }
        #expect(server.dropped == 1)
        #expect(server.answered == 5)
    }

    @Test(.enabled(if: DroppedConnectionTests.helper != nil, "hubcalls-https is built with the tests"))
    func aCreateGetsAConnectionOfItsOwnAndIsNeverSentAgainByTheTransport() async throws {
        let server = try DroppingServer(dropOnce: { $0.hasSuffix("n=1") })
        defer { server.stop() }
        let client = try Self.client()
        defer { client.stopHelper() }
        var codes: [Int?] = []
        for index in 0..<3 {
            let request = Self.request(server, "POST", "/crm/v3/objects/calls?n=\(index)", body: #"{"properties":{}}"#, idempotent: false)
            do {
                let response = try await client.send(request)
                #expect(response.status == 200)
                codes.append(nil)
            } catch {
                // Not a URL error: the helper was killed at the deadline (the create waited
                // for its timeout).
                guard let code = TransportError.urlErrorCode(of: error) else {
                    Issue.record("\(error)")
                    return
                }
                codes.append(code)
            }
        }
        // The dropped create fails at once as lost (the executor looks it up before any
        // resend); it reached the server once, and nothing was sent twice.
        #expect(codes.count == 3 && codes[0] == nil && codes[2] == nil)
        let code = try #require(codes[1])
        #expect(TransportFailure(TransportError(code: code), host: "127.0.0.1").failure == .lost)
        #expect(code != TransportError.timedOut)
        #expect(server.requestCount == 3)
        #expect(server.answered == 2)
        #expect(server.connections == 3)
    }

    @Test(.enabled(if: DroppedConnectionTests.helper != nil, "hubcalls-https is built with the tests"))
    func aConnectionIdleLongerThanTheWindowIsNotReused() async throws {
        let server = try DroppingServer()
        defer { server.stop() }
        let client = try Self.client(idleWindow: 0.2)
        defer { client.stopHelper() }
        for index in 0..<3 {
            if index > 0 { try await Task.sleep(for: .milliseconds(600)) }
            let response = try await client.send(Self.request(server, "GET", "/crm/v3/owners?n=\(index)"))
            #expect(response.status == 200)
        }
        #expect(server.connections == 3)
    }
}
