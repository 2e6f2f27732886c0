import Foundation
@testable import HubSpotAPI
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// hubcalls sends its requests through the `hubcalls-https` helper (so it does not link
/// FoundationNetworking): requests, answers and failures must cross the pipe unchanged.
/// Here the helper's server runs in process on two pipes.
@Suite struct TransportHelperTests {
    /// Answers each request with its own body and URL, after a delay that reorders answers.
    final class EchoTransport: HTTPTransport {
        func send(_ request: TransportRequest) async throws -> TransportResponse {
            let delay = UInt64(request.body?.count ?? 0) % 7
            try await Task.sleep(nanoseconds: delay * 3_000_000)
            return TransportResponse(status: 201, headers: ["X-Echo": request.url.absoluteString, "X-Method": request.method], body: request.body ?? Data())
        }
    }

    /// A client and an in-process helper server joined by two pipes.
    final class Link: @unchecked Sendable {
        let toHelper = Pipe(), fromHelper = Pipe()
        let client: TransportHelperClient
        let server: Task<Void, Never>

        init(_ transport: any HTTPTransport) {
            let write = toHelper.fileHandleForWriting, read = fromHelper.fileHandleForReading
            client = TransportHelperClient(launch: { (write, read) })
            let input = toHelper.fileHandleForReading.fileDescriptor, output = fromHelper.fileHandleForWriting.fileDescriptor
            server = Task { await TransportHelperServer.serve(input: input, output: output, transport: transport) }
        }

        /// Ends the conversation as hubcalls' exit does: the helper sees its input close.
        func close() async {
            try? toHelper.fileHandleForWriting.close()
            await server.value
            // The helper's exit, which ends the client's reader thread.
            try? fromHelper.fileHandleForWriting.close()
        }
    }

    /// The next frame the client wrote, read on a thread of its own: a blocking read on the
    /// concurrency pool (two threads on a two-core machine) would starve the client's task.
    static func nextFrame(_ descriptor: Int32) async -> (TransportHelperFrame, Data)? {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: TransportHelperWire.read(from: descriptor)) }.start()
        }
    }

    static func request(_ index: Int) -> TransportRequest {
        TransportRequest(
            url: URL(string: "http://127.0.0.1:9/crm/v3/objects/calls/\(index)?q=é")!, method: index.isMultiple(of: 2) ? "GET" : "POST",
            headers: ["Authorization": "Bearer secret-\(index)"], body: index == 0 ? nil : Data(String(repeating: "x", count: index).utf8)
        )
    }

    @Test func concurrentRequestsEachGetTheirOwnAnswer() async throws {
        let link = Link(EchoTransport())
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<24 {
                group.addTask {
                    let request = Self.request(index)
                    let response = try await link.client.send(request)
                    #expect(response.status == 201)
                    #expect(response.header("x-echo") == request.url.absoluteString)
                    #expect(response.header("X-Method") == request.method)
                    #expect(response.body == (request.body ?? Data()))
                }
            }
            try await group.waitForAll()
        }
        await link.close()
    }

    @Test(arguments: [URLError.Code.timedOut, .cannotConnectToHost, .networkConnectionLost, .secureConnectionFailed, .badServerResponse])
    func aURLErrorArrivesAsItsCodeAndMeansTheSame(code: URLError.Code) async throws {
        let link = Link(ScriptedTransport([.fail(code)]))
        let error = await #expect(throws: TransportError.self) { try await link.client.send(Self.request(1)) }
        #expect(error?.errorCode == code.rawValue)
        let viaHelper = TransportFailure(try #require(error), host: "api.hubapi.com")
        let inProcess = TransportFailure(URLError(code), host: "api.hubapi.com")
        #expect(viaHelper.failure == inProcess.failure)
        #expect(viaHelper.error.kind == inProcess.error.kind)
        #expect(viaHelper.error.message == inProcess.error.message)
        await link.close()
    }

    /// Nothing was sent, and waiting will not install the helper: no retry (it used to be
    /// `.notSent`, retried once after 0.25 s only to fail the same way).
    @Test func aMissingHelperMeansNothingWasSentAndNothingCanBe() async {
        let client = TransportHelperClient(executable: URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)/hubcalls-https"))
        let error = await #expect(throws: TransportHelperUnavailable.self) { try await client.send(Self.request(1)) }
        #expect(error?.reason.contains("next to hubcalls") == true)
        let failure = TransportFailure(error!, host: "api.hubapi.com")
        #expect(failure.failure == .cannotSend)
        #expect(failure.error.message.contains("Nothing was changed"))
    }

    @Test func aHelperThatExitsLosesWhatWasInFlight() async throws {
        let toHelper = Pipe(), fromHelper = Pipe()
        let write = toHelper.fileHandleForWriting, read = fromHelper.fileHandleForReading
        let client = TransportHelperClient(launch: { (write, read) })
        let inFlight = Task { try await client.send(Self.request(3)) }
        // The request reaches the helper, which then exits without answering.
        let frame = try #require(await Self.nextFrame(toHelper.fileHandleForReading.fileDescriptor))
        #expect(frame.0.method == "POST")
        #expect(frame.0.headers?["Authorization"] == "Bearer secret-3")
        #expect(frame.1 == Data("xxx".utf8))
        try fromHelper.fileHandleForWriting.close()
        let lost = await #expect(throws: TransportHelperStopped.self) { try await inFlight.value }
        #expect(lost?.handedOver == true)
        #expect(TransportFailure(try #require(lost), host: "api.hubapi.com").failure == .lost)
    }

    @Test func aCancelledRequestEndsAtOnceAndTellsTheHelper() async throws {
        let toHelper = Pipe(), fromHelper = Pipe()
        let write = toHelper.fileHandleForWriting, read = fromHelper.fileHandleForReading
        let client = TransportHelperClient(launch: { (write, read) })
        let waiting = Task { try await client.send(Self.request(2)) }
        let helperInput = toHelper.fileHandleForReading.fileDescriptor
        let sent = try #require(await Self.nextFrame(helperInput))
        waiting.cancel()
        await #expect(throws: CancellationError.self) { try await waiting.value }
        let cancel = try #require(await Self.nextFrame(helperInput))
        #expect(cancel.0.cancel == true)
        #expect(cancel.0.id == sent.0.id)
        try fromHelper.fileHandleForWriting.close()
    }
}
