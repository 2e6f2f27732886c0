import CallsCore
import Foundation
@testable import HubSpotAPI
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// When the `hubcalls-https` helper itself fails (cannot start, stops, hangs), the client says
/// so in the helper's words, restarts it once, and never waits or retries in vain.
@Suite struct TransportHelperFailureTests {
    static let secret = "pat-na1-helper-test-0000"

    static func request(_ index: Int = 1, timeout: Double = 30, bodyBytes: Int = 0) -> TransportRequest {
        TransportRequest(
            url: URL(string: "https://api.hubapi.com/crm/v3/objects/calls/\(index)")!, method: bodyBytes > 0 ? "POST" : "GET",
            headers: ["Authorization": "Bearer \(secret)"], body: bodyBytes > 0 ? Data(count: bodyBytes) : nil, timeout: timeout
        )
    }

    // MARK: - Cannot start

    /// It used to be classified `.notSent` and retried once after a back-off: a helper that is
    /// missing will not appear in 0.25 s.
    @Test func aHelperThatCannotStartFailsTheRequestAtOnceWithoutARetry() async throws {
        let clock = VirtualPacingClock()
        let configuration = HubSpotConfiguration(
            baseURL: URL(string: "https://api.test")!, token: AccessToken(Self.secret, source: "from test"), retry: fixedRetryPolicy()
        )
        let missing = URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)/hubcalls-https")
        let service = HubSpotCRMService(configuration: configuration, transport: TransportHelperClient(executable: missing), clock: clock)
        let error = await #expect(throws: CRMError.self) { try await service.get(.calls, id: "1", properties: ["a"], associations: []) }
        #expect(service.requestStats.requests == 1)
        #expect(service.requestStats.retries == 0)
        #expect(clock.sleeps.allSatisfy { $0 == 0 })
        #expect(error?.message.contains("hubcalls-https helper is missing") == true)
        #expect(error?.message.contains("Nothing was changed") == true)
        #expect(error?.message.contains(Self.secret) == false)
    }

    @Test func aHelperThatCannotRunIsTheOnlyFailureNeverRetried() {
        let policy = fixedRetryPolicy()
        #expect(policy.decide(.cannotSend, attempt: 1, idempotent: true) == .fail)
        #expect(policy.decide(.cannotSend, attempt: 1, idempotent: false) == .fail)
        #expect(policy.decide(.notSent, attempt: 1, idempotent: true) != .fail)
    }

    // MARK: - Stops

    /// It used to read "The connection to api.hubapi.com dropped": the network was fine.
    @Test(arguments: [("exit 3", "exited with status 3"), ("kill -9 $$", "was killed by signal 9 (SIGKILL)")])
    func aHelperThatStopsMidRequestIsReportedAsTheHelperWithHowItEnded(ending: String, described: String) async throws {
        // Reads the start of the request, then ends without answering.
        let script = try HelperScript("head -c 4 >/dev/null\n\(ending)\n")
        defer { script.directory.remove() }
        let error = await #expect(throws: TransportHelperStopped.self) { try await script.client().send(Self.request()) }
        #expect(error?.exit == described)
        #expect(error?.handedOver == true)
        let failure = TransportFailure(try #require(error), host: "api.hubapi.com")
        #expect(failure.failure == .lost)
        #expect(failure.error.message.contains("The HTTPS helper (hubcalls-https) stopped (\(described)) before api.hubapi.com answered"))
        #expect(failure.error.message.contains("reinstall hubcalls"))
        #expect(!failure.error.message.contains("connection"))
        #expect(!failure.error.message.contains(Self.secret))
    }

    /// Restart once, then fail: a helper that stopped is started again for the next request,
    /// but one that stops again without having answered anything cannot run here.
    @Test func aStoppedHelperIsStartedAgainUntilItStopsTwiceWithoutAnswering() async throws {
        let launcher = FakeHelperLauncher([[.answer(200), .die], [.answer(201), .die], [.die]])
        let client = TransportHelperClient(launch: { try launcher.launch() })
        #expect(try await client.send(Self.request(1)).status == 200)
        await #expect(throws: TransportHelperStopped.self) { try await client.send(Self.request(2)) }
        // It had answered before it stopped: restarted.
        #expect(try await client.send(Self.request(3)).status == 201)
        await #expect(throws: TransportHelperStopped.self) { try await client.send(Self.request(4)) }
        // Restarted again, but this one stops before answering anything…
        await #expect(throws: TransportHelperStopped.self) { try await client.send(Self.request(5)) }
        #expect(launcher.launches == 3)
        // … so it is not started a fourth time, and the request fails at once.
        let error = await #expect(throws: TransportHelperUnavailable.self) { try await client.send(Self.request(6)) }
        #expect(launcher.launches == 3)
        #expect(error?.reason.contains("stopped again right after it was restarted") == true)
        #expect(TransportFailure(try #require(error), host: "api.hubapi.com").failure == .cannotSend)
    }

    // MARK: - Hangs

    /// A helper that is alive but never answers: before the client had a deadline of its own,
    /// the request waited for ever (the time limit turns that into a failure). With a body
    /// larger than the pipe holds, the write itself blocks until the helper is killed.
    @Test(.timeLimit(.minutes(1)), arguments: [0, 1 << 20])
    func aHelperThatNeverAnswersIsKilledAndTheRequestTimesOutNamingTheHost(bodyBytes: Int) async throws {
        // Records its pid, then holds the request without answering.
        let script = try HelperScript("echo $$ >> \"$(dirname \"$0\")/pids\"\nexec sleep 300\n")
        defer {
            // Only if the client failed to: the pids are the script's own.
            for pid in script.pids where kill(pid, 0) == 0 { kill(pid, SIGKILL) }
            script.directory.remove()
        }
        let client = script.client(deadline: 1)
        let error = await #expect(throws: TransportHelperUnresponsive.self) { try await client.send(Self.request(bodyBytes: bodyBytes)) }
        let failure = TransportFailure(try #require(error), host: "api.hubapi.com")
        #expect(failure.error.kind == .timeout)
        #expect(failure.failure == .lost)
        #expect(failure.error.message.contains("No answer from api.hubapi.com"))
        #expect(failure.error.message.contains("hubcalls-https"))
        #expect(!failure.error.message.contains(Self.secret))
        // Restarted once; the second hangs too, so there is no third.
        await #expect(throws: TransportHelperUnresponsive.self) { try await client.send(Self.request(2, bodyBytes: bodyBytes)) }
        await #expect(throws: TransportHelperUnavailable.self) { try await client.send(Self.request(3)) }
        // Both were killed (reaped by Foundation once they end). A helper killed before its
        // shell wrote its pid (a loaded machine) has none to check.
        #expect(script.pids.count <= 2)
        for pid in script.pids { #expect(await Self.ends(pid)) }
    }

    /// Whether process `pid` is gone within a generous bound (a loaded machine reaps slowly).
    static func ends(_ pid: Int32) async -> Bool {
        for _ in 0..<500 {
            if kill(pid, 0) != 0 { return true }
            try? await Task.sleep(nanoseconds: 20_000_000)
        }
        return false
    }

    // MARK: - Token

    @Test func theHelperDoesNotInheritTheTokenFromTheEnvironment() {
        let environment = TransportHelperClient.helperEnvironment(["HUBSPOT_ACCESS_TOKEN": Self.secret, "PATH": "/usr/bin", "HOME": "/home/u"])
        #expect(environment == ["PATH": "/usr/bin", "HOME": "/home/u"])
    }

    @Test func theInstalledHelperIsFoundBesideTheRealExecutableAndGetsOnlyTheTimeout() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let real = try directory.write("real/hubcalls", "", mode: 0o700)
        try FileManager.default.createDirectory(atPath: directory.path + "/bin", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/bin/hubcalls", withDestinationPath: real)
        let client = TransportHelperClient.installed(timeout: 12.5, beside: URL(fileURLWithPath: directory.path + "/bin/hubcalls"))
        #expect(client.executable?.resolvingSymlinksInPath().path == URL(fileURLWithPath: directory.path + "/real/hubcalls-https").resolvingSymlinksInPath().path)
        #expect(client.arguments == ["12.5"])
    }
}
