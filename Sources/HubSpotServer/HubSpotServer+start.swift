public import CallsCore
public import Foundation
import Hummingbird

/// A server started in-process with ``HubSpotServer/start(service:configuration:)``: where it
/// listens, and how to stop it. For tests that need real HTTP over loopback (the HTTP client's
/// conformance tests, contract tests).
public final class RunningHubSpotServer: Sendable {
    /// The bound port (the configuration may have asked for port 0).
    public let port: Int
    /// `http://HOST:PORT`, ready to use as a client's base URL.
    public let baseURL: URL
    private let task: Task<Void, any Error>

    init(port: Int, baseURL: URL, task: Task<Void, any Error>) {
        self.port = port
        self.baseURL = baseURL
        self.task = task
    }

    /// Shuts the server down and waits until it has stopped listening.
    public func stop() async {
        task.cancel()
        _ = try? await task.value
    }
}

extension HubSpotServer {
    /// Starts a server in this process and returns once it is listening.
    ///
    /// For example:
    ///
    /// ```swift
    /// let server = try await HubSpotServer.start(service: store, configuration: .init(port: 0, token: token))
    /// defer { Task { await server.stop() } }
    /// let client = HubSpotCRMService(baseURL: server.baseURL, …)
    /// ```
    ///
    /// - Throws: the bind error when the address cannot be used.
    public static func start(service: any CRMService, configuration: HubSpotServerConfiguration) async throws -> RunningHubSpotServer {
        let resumed = Locked(false)
        var configuration = configuration
        let user = configuration.onListening
        let host = configuration.host
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<RunningHubSpotServer, any Error>) in
            let taskBox = Locked<Task<Void, any Error>?>(nil)
            configuration.onListening = { port in
                user?(port)
                let shown = host.contains(":") ? "[\(host)]" : host
                guard !resumed.withLock({ let was = $0; $0 = true; return was }),
                      let task = taskBox.withLock({ $0 }), let url = URL(string: "http://\(shown):\(port)") else { return }
                continuation.resume(returning: RunningHubSpotServer(port: port, baseURL: url, task: task))
            }
            let app = buildApplication(service: service, configuration: configuration)
            // The task is stored before the server can report it is listening: onListening
            // runs only after `run()` has bound the socket.
            taskBox.withLock { box in
                box = Task {
                    do {
                        try await app.run()
                    } catch {
                        if !resumed.withLock({ let was = $0; $0 = true; return was }) { continuation.resume(throwing: error) }
                        throw error
                    }
                    if !resumed.withLock({ let was = $0; $0 = true; return was }) {
                        continuation.resume(throwing: CRMError(kind: .other, message: "the server stopped before it was listening"))
                    }
                }
            }
        }
    }
}
