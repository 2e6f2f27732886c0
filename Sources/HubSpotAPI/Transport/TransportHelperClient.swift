import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// ``HTTPTransport`` through a helper process (`hubcalls-https`) that sends the requests with
/// URLSession, as git leaves HTTPS to `git-remote-https`.
///
/// The `hubcalls` executable does not link FoundationNetworking: linking it loads libcurl and
/// the TLS, Kerberos and LDAP libraries behind it at every start, about 6 MB of the browser's
/// resident memory, although only `--backend hubspot` sends a request. The helper is started
/// on the first request, serves requests concurrently (each answered by id, so several can be
/// in flight as over URLSession) and ends when this side closes the pipe (the process exits).
/// Errors cross as their `NSURLErrorDomain` code (``TransportError``), so retries and messages
/// are those of an in-process `URLSessionTransport`.
///
/// When the helper itself fails (see <doc:TransportHelper>):
/// - it cannot be started: ``TransportHelperUnavailable``, at once and for every later request;
/// - it stops while requests are in its hands: they fail with ``TransportHelperStopped``
///   (with its exit status or signal), and the next request starts a new helper. A helper
///   that stops again before answering anything is not started a third time: requests then
///   fail at once with ``TransportHelperUnavailable``;
/// - it does not answer a request within the deadline: it is killed, what it held fails with
///   ``TransportHelperUnresponsive``, and the next request starts a new helper (counted as a
///   stop, as above).
public final class TransportHelperClient: HTTPTransport, @unchecked Sendable {
    private enum State {
        /// Not started yet, or the last helper stopped and the next request starts another.
        case idle
        case running(TransportHelperChannel)
        case failed(TransportHelperUnavailable)
    }

    private struct Pending {
        var channel: TransportHelperChannel
        var continuation: CheckedContinuation<TransportResponse, any Error>
        /// Whether the frame was (or is being) written to the helper.
        var handedOver: Bool
    }

    /// The helper executable, when this client starts one.
    let executable: URL?
    /// Its arguments.
    let arguments: [String]
    private let launch: @Sendable () throws -> TransportHelperChannel
    private let deadline: Double?
    // State behind `lock`.
    private let lock = NSLock()
    private var state = State.idle
    /// Helpers that stopped since the last answer from any helper; at 2, no restart.
    private var stopsSinceAnswer = 0
    /// How the last helper ended, for the message when it is not restarted.
    private var lastStop: String?
    private var nextID = 1
    private var pending: [Int: Pending] = [:]

    /// Helpers that may stop in a row, without an answer in between, before the client gives
    /// up on them: the first stop is survived by a restart, a second one means the helper
    /// cannot run here.
    static let stopsBeforeGivingUp = 2

    /// A client of the helper executable at `executable`, started with `arguments`.
    ///
    /// - Parameter deadline: seconds to wait for the answer to one request before the helper
    ///   is taken to hang; nil: ``deadline(forTimeout:)`` of the request's timeout, which
    ///   leaves the helper's URLSession time to report its own timeout first.
    public convenience init(executable: URL, arguments: [String] = [], deadline: Double? = nil) {
        self.init(executable: executable, arguments: arguments, deadline: deadline) {
            try Self.start(executable: executable, arguments: arguments)
        }
    }

    /// A client speaking to a helper over the channels `launch` makes (tests: a helper in
    /// process).
    init(
        executable: URL? = nil, arguments: [String] = [], deadline: Double? = nil,
        launch: @escaping @Sendable () throws -> TransportHelperChannel
    ) {
        self.executable = executable
        self.arguments = arguments
        self.deadline = deadline
        self.launch = launch
    }

    /// A client speaking to a helper over two pipe ends (tests: a server in process). The
    /// client closes its read end when the helper closes the other.
    convenience init(deadline: Double? = nil, launch: @escaping @Sendable () throws -> (toHelper: FileHandle, fromHelper: FileHandle)) {
        self.init(deadline: deadline) {
            let (toHelper, fromHelper) = try launch()
            return TransportHelperChannel(toHelper: toHelper, fromHelper: fromHelper)
        }
    }

    /// Seconds to wait for the helper's answer to a request with `timeout`: its URLSession
    /// gives up on a request idle for `timeout` and on any request after twice that, so an
    /// answer later than that (plus a margin for a loaded machine) will not come.
    public static func deadline(forTimeout timeout: Double) -> Double {
        timeout * 2 + 5
    }

    public func send(_ request: TransportRequest) async throws -> TransportResponse {
        let (id, channel) = try connect()
        let frame = TransportHelperFrame(
            id: id, method: request.method, url: request.url.absoluteString, headers: request.headers, timeout: request.timeout,
            idempotent: request.idempotent
        )
        let seconds = deadline ?? Self.deadline(forTimeout: request.timeout)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let stoppedMeanwhile = lock.withLock { () -> TransportHelperStopped? in
                    guard case .running(let current) = state, current === channel else {
                        return TransportHelperStopped(exit: lastStop, handedOver: false)
                    }
                    // Counted as handed over from before the write: if the helper stops while
                    // the write returns, the request is then reported as possibly sent (safe),
                    // never as not sent when the helper may have read it.
                    pending[id] = Pending(channel: channel, continuation: continuation, handedOver: true)
                    return nil
                }
                // The helper stopped between `connect` and here: the request was not sent.
                if let stoppedMeanwhile {
                    continuation.resume(throwing: stoppedMeanwhile)
                    return
                }
                if Task.isCancelled {
                    resume(id, with: .failure(CancellationError()))
                    return
                }
                scheduleDeadline(id, after: seconds, on: channel)
                // When the write fails the helper no longer reads: it has exited, and its reader
                // thread fails this request as not handed over (or the deadline does).
                if !channel.write(frame, body: request.body ?? Data()) {
                    lock.withLock { pending[id]?.handedOver = false }
                }
            }
        } onCancel: {
            resume(id, with: .failure(CancellationError()))
            _ = channel.write(TransportHelperFrame(id: id, cancel: true), body: Data())
        }
    }

    /// Stops the running helper, if any: what it holds fails as ``TransportHelperStopped``
    /// and the next request starts a new one (tests: no helper outlives them).
    func stopHelper() {
        let channel = lock.withLock { () -> TransportHelperChannel? in
            guard case .running(let channel) = state else { return nil }
            return channel
        }
        channel?.stop()
    }

    // MARK: - Connection

    /// A request id and the helper to send it to, starting one if none runs.
    private func connect() throws -> (Int, TransportHelperChannel) {
        try lock.withLock {
            switch state {
            case .running(let channel):
                defer { nextID += 1 }
                return (nextID, channel)
            case .failed(let error):
                throw error
            case .idle:
                if stopsSinceAnswer >= Self.stopsBeforeGivingUp {
                    let how = lastStop.map { " (\($0))" } ?? ""
                    let error = TransportHelperUnavailable(
                        "the hubcalls-https helper stopped again right after it was restarted\(how). Reinstall hubcalls: hubcalls-https must sit next to hubcalls, from the same build"
                    )
                    state = .failed(error)
                    throw error
                }
                let channel: TransportHelperChannel
                do {
                    channel = try launch()
                } catch {
                    let unavailable = error as? TransportHelperUnavailable
                        ?? TransportHelperUnavailable("the hubcalls-https helper could not be started (\(error))")
                    state = .failed(unavailable)
                    throw unavailable
                }
                state = .running(channel)
                let reader = Thread { [self] in readResponses(from: channel) }
                reader.name = "hubcalls-https reader"
                reader.start()
                defer { nextID += 1 }
                return (nextID, channel)
            }
        }
    }

    /// Runs on the reader thread until the helper closes its output.
    private func readResponses(from channel: TransportHelperChannel) {
        channel.readFrames { frame, body in
            let result: Result<TransportResponse, any Error>
            if let status = frame.status {
                result = .success(TransportResponse(status: status, headers: frame.headers ?? [:], body: body))
            } else if let code = frame.errorCode {
                result = .failure(TransportError(code: code, detail: frame.errorMessage))
            } else {
                result = .failure(TransportHelperUnavailable(frame.errorMessage ?? "the hubcalls-https helper sent no answer"))
            }
            lock.withLock { stopsSinceAnswer = 0 }
            resume(frame.id, with: result, from: channel)
        }
        // The helper is gone. What it held may have been sent (a lost request); what it had
        // not read yet was not.
        let exit = channel.exitDescription()
        let stranded = ended(channel, how: exit)
        for entry in stranded {
            entry.continuation.resume(throwing: TransportHelperStopped(exit: exit, handedOver: entry.handedOver))
        }
    }

    /// Marks `channel` as ended (when it is still the current one) and takes the requests it
    /// held.
    private func ended(_ channel: TransportHelperChannel, how: String?) -> [Pending] {
        lock.withLock {
            if case .running(let current) = state, current === channel {
                state = .idle
                stopsSinceAnswer += 1
                lastStop = how
            }
            let ids = pending.filter { $0.value.channel === channel }.map(\.key)
            return ids.compactMap { pending.removeValue(forKey: $0) }
        }
    }

    // MARK: - Deadline

    private func scheduleDeadline(_ id: Int, after seconds: Double, on channel: TransportHelperChannel) {
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { [weak self] in
            self?.expire(id, after: seconds, on: channel)
        }
    }

    /// The helper has not answered request `id` in time: it hangs. Everything it holds fails,
    /// and it is killed so that the next request starts a fresh one.
    private func expire(_ id: Int, after seconds: Double, on channel: TransportHelperChannel) {
        let waiting = lock.withLock { pending[id]?.channel === channel }
        guard waiting else { return }
        let stranded = ended(channel, how: "it did not answer within \(TransportHelperUnresponsive.format(seconds)) s")
        channel.stop()
        for entry in stranded { entry.continuation.resume(throwing: TransportHelperUnresponsive(seconds: seconds)) }
    }

    private func resume(_ id: Int, with result: Result<TransportResponse, any Error>, from channel: TransportHelperChannel? = nil) {
        let entry = lock.withLock { () -> Pending? in
            // An answer from a helper that was given up on is not this request's.
            if let channel, pending[id]?.channel !== channel { return nil }
            return pending.removeValue(forKey: id)
        }
        entry?.continuation.resume(with: result)
    }

    // MARK: - Starting the helper

    /// The helper's environment: this process's, without the access token. The token reaches
    /// the helper only inside each request's `Authorization` header, over the pipe; it is never
    /// in the helper's argv or environment.
    static func helperEnvironment(_ environment: [String: String]) -> [String: String] {
        environment.filter { $0.key != "HUBSPOT_ACCESS_TOKEN" }
    }

    private static func start(executable: URL, arguments: [String]) throws -> TransportHelperChannel {
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw TransportHelperUnavailable("the hubcalls-https helper is missing: it must be installed next to hubcalls (\(executable.path))")
        }
        // A helper that dies must not kill this process when a request is written to it: the
        // write fails instead (EPIPE) and the request is reported as not sent.
        signal(SIGPIPE, SIG_IGN)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        // The browser owns the terminal: the helper reports failures as frames only.
        process.standardError = FileHandle.nullDevice
        process.environment = helperEnvironment(ProcessInfo.processInfo.environment)
        let exit = ProcessExit(watching: process)
        do {
            try process.run()
        } catch {
            throw TransportHelperUnavailable("the hubcalls-https helper could not be started (\(executable.path))")
        }
        // `run` closed the helper's ends of the pipes in this process.
        return TransportHelperChannel(
            toHelper: input.fileHandleForWriting, fromHelper: output.fileHandleForReading, process: process, exit: exit
        )
    }
}
