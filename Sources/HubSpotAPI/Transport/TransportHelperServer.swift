import Foundation

/// The helper's side of ``TransportHelperClient``: reads request frames, sends each with a
/// transport (concurrently), answers by id, and returns when the client closes the pipe.
public enum TransportHelperServer {
    /// Serves requests from `input` with `transport`, answering on `output`.
    public static func serve(input: Int32, output: Int32, transport: any HTTPTransport) async {
        let state = ServerState(output: output)
        await withCheckedContinuation { (finished: CheckedContinuation<Void, Never>) in
            let reader = Thread {
                while let (frame, body) = TransportHelperWire.read(from: input) {
                    if frame.cancel == true {
                        state.cancel(frame.id)
                        continue
                    }
                    state.start(frame.id) {
                        await answer(frame, body: body, transport: transport, state: state)
                    }
                }
                finished.resume()
            }
            reader.name = "hubcalls-https requests"
            reader.start()
        }
    }

    private static func answer(_ frame: TransportHelperFrame, body: Data, transport: any HTTPTransport, state: ServerState) async {
        var reply = TransportHelperFrame(id: frame.id)
        var replyBody = Data()
        guard let method = frame.method, let text = frame.url, let url = URL(string: text) else {
            reply.errorMessage = "malformed request"
            state.write(reply, body: replyBody)
            return
        }
        let request = TransportRequest(url: url, method: method, headers: frame.headers ?? [:], body: body.isEmpty ? nil : body, timeout: frame.timeout ?? 30, idempotent: frame.idempotent)
        do {
            let response = try await transport.send(request)
            reply.status = response.status
            reply.headers = response.headers
            replyBody = response.body
        } catch is CancellationError {
            return
        } catch {
            if let code = TransportError.urlErrorCode(of: error) {
                reply.errorCode = code
                // The words travel too: a TLS failure's code (-1) says nothing by itself.
                reply.errorMessage = TransportError.detail(of: error)
            } else {
                reply.errorMessage = "request failed (\(type(of: error)))"
            }
        }
        state.finish(frame.id)
        state.write(reply, body: replyBody)
    }

    /// Requests in flight (so a cancellation can reach them) and the serialized output.
    private final class ServerState: @unchecked Sendable {
        private let output: Int32
        private let lock = NSLock()
        private var tasks: [Int: Task<Void, Never>] = [:]

        init(output: Int32) { self.output = output }

        func start(_ id: Int, _ body: @escaping @Sendable () async -> Void) {
            lock.withLock { tasks[id] = Task { await body() } }
        }

        func cancel(_ id: Int) {
            lock.withLock { tasks.removeValue(forKey: id) }?.cancel()
        }

        func finish(_ id: Int) {
            _ = lock.withLock { tasks.removeValue(forKey: id) }
        }

        func write(_ frame: TransportHelperFrame, body: Data) {
            lock.withLock { _ = TransportHelperWire.write(frame, body: body, to: output) }
        }
    }
}
