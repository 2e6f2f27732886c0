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
public final class TransportHelperClient: HTTPTransport, @unchecked Sendable {
    private enum Connection {
        case notStarted
        case running(toHelper: Int32, fromHelper: Int32)
        case failed(TransportHelperUnavailable)
    }

    private let launch: @Sendable () throws -> (toHelper: Int32, fromHelper: Int32)
    // State behind `lock`; frames are written under `writeLock` so they never interleave.
    private let lock = NSLock()
    private let writeLock = NSLock()
    private var connection = Connection.notStarted
    private var nextID = 1
    private var pending: [Int: CheckedContinuation<TransportResponse, any Error>] = [:]

    /// A client of the helper executable at `executable`, started with `arguments`.
    public convenience init(executable: URL, arguments: [String] = []) {
        // Holds the helper's process and pipes as long as the client lives.
        let box = KeepAliveBox()
        self.init { try Self.start(executable: executable, arguments: arguments, keepingAlive: box) }
    }

    /// A client speaking to a helper over two descriptors (tests: a server in process).
    init(launch: @escaping @Sendable () throws -> (toHelper: Int32, fromHelper: Int32)) {
        self.launch = launch
    }

    public func send(_ request: TransportRequest) async throws -> TransportResponse {
        let (id, toHelper) = try connect()
        let frame = TransportHelperFrame(
            id: id, method: request.method, url: request.url.absoluteString, headers: request.headers, timeout: request.timeout
        )
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                lock.withLock { pending[id] = continuation }
                if Task.isCancelled {
                    resume(id, with: .failure(CancellationError()))
                    return
                }
                let sent = writeLock.withLock { TransportHelperWire.write(frame, body: request.body ?? Data(), to: toHelper) }
                if !sent { resume(id, with: .failure(TransportHelperUnavailable("the hubcalls-https helper has exited"))) }
            }
        } onCancel: {
            resume(id, with: .failure(CancellationError()))
            _ = writeLock.withLock { TransportHelperWire.write(TransportHelperFrame(id: id, cancel: true), body: Data(), to: toHelper) }
        }
    }

    // MARK: - Connection

    /// A request id and the descriptor to write it to, starting the helper on first use.
    private func connect() throws -> (Int, Int32) {
        try lock.withLock {
            if case .notStarted = connection {
                do {
                    let (toHelper, fromHelper) = try launch()
                    connection = .running(toHelper: toHelper, fromHelper: fromHelper)
                    let reader = Thread { [weak self] in self?.readResponses(from: fromHelper) }
                    reader.name = "hubcalls-https reader"
                    reader.start()
                } catch let error as TransportHelperUnavailable {
                    connection = .failed(error)
                } catch {
                    connection = .failed(TransportHelperUnavailable("the hubcalls-https helper could not be started (\(error))"))
                }
            }
            switch connection {
            case .running(let toHelper, _):
                defer { nextID += 1 }
                return (nextID, toHelper)
            case .failed(let error):
                throw error
            case .notStarted:
                throw TransportHelperUnavailable("the hubcalls-https helper was not started")
            }
        }
    }

    /// Runs on the reader thread until the helper closes its end.
    private func readResponses(from descriptor: Int32) {
        while let (frame, body) = TransportHelperWire.read(from: descriptor) {
            let result: Result<TransportResponse, any Error>
            if let status = frame.status {
                result = .success(TransportResponse(status: status, headers: frame.headers ?? [:], body: body))
            } else if let code = frame.errorCode {
                result = .failure(TransportError(code: code))
            } else {
                result = .failure(TransportHelperUnavailable(frame.errorMessage ?? "the hubcalls-https helper sent no answer"))
            }
            resume(frame.id, with: result)
        }
        // The helper is gone: what was in flight may have been sent (a lost connection), and
        // nothing more can be.
        let waiting = lock.withLock {
            connection = .failed(TransportHelperUnavailable("the hubcalls-https helper has exited"))
            defer { pending.removeAll() }
            return Array(pending.values)
        }
        for continuation in waiting { continuation.resume(throwing: TransportError(code: TransportError.networkConnectionLost)) }
    }

    private func resume(_ id: Int, with result: Result<TransportResponse, any Error>) {
        let continuation = lock.withLock { pending.removeValue(forKey: id) }
        continuation?.resume(with: result)
    }

    // MARK: - Starting the helper

    private final class KeepAliveBox: @unchecked Sendable {
        var objects: [AnyObject] = []
    }

    private static func start(executable: URL, arguments: [String], keepingAlive box: KeepAliveBox) throws -> (toHelper: Int32, fromHelper: Int32) {
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
        do {
            try process.run()
        } catch {
            throw TransportHelperUnavailable("the hubcalls-https helper could not be started (\(executable.path))")
        }
        box.objects = [process, input, output]
        return (input.fileHandleForWriting.fileDescriptor, output.fileHandleForReading.fileDescriptor)
    }
}
