import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HubSpotAPI

extension URLSessionTransport {
    /// Runs one data task on `session` and returns its response; a cancelled Swift task
    /// cancels the data task.
    ///
    /// A data task (not `session.data(for:)`) so that ``DeadConnectionWatch``, which sees the
    /// task object, can tell which request it stopped.
    func perform(_ urlRequest: URLRequest, on session: URLSession) async throws -> TransportResponse {
        let handle = DataTaskHandle()
        do {
            return try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<TransportResponse, any Error>) in
                    let watch = session.delegate as? DeadConnectionWatch
                    let task = session.dataTask(with: urlRequest) { data, response, error in
                        if let task = handle.task, watch?.takeStopped(task) == true {
                            continuation.resume(throwing: ConnectionDiedBeforeAnswer())
                        } else if let error {
                            continuation.resume(throwing: error)
                        } else if let http = response as? HTTPURLResponse {
                            continuation.resume(returning: Self.response(http, body: data ?? Data()))
                        } else {
                            continuation.resume(throwing: URLError(.badServerResponse))
                        }
                    }
                    handle.start(task)
                }
            } onCancel: {
                handle.cancel()
            }
        } catch {
            if Task.isCancelled { throw CancellationError() }
            throw error
        }
    }

    private static func response(_ http: HTTPURLResponse, body: Data) -> TransportResponse {
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields {
            if let key = key as? String, let value = value as? String { headers[key.lowercased()] = value }
        }
        return TransportResponse(status: http.statusCode, headers: headers, body: body)
    }
}

/// A kept-alive connection died before any answer and libcurl's own retry was stopped (see
/// ``DeadConnectionWatch``): the request is to be sent again on a new connection.
struct ConnectionDiedBeforeAnswer: Error {}

/// The data task of one request, for cancellation from another thread (a cancellation may
/// come before the task exists: it is then cancelled as it starts).
final class DataTaskHandle: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: URLSessionDataTask?
    private var cancelled = false

    var task: URLSessionDataTask? { lock.withLock { stored } }

    func start(_ task: URLSessionDataTask) {
        let cancelled = lock.withLock { () -> Bool in
            stored = task
            return self.cancelled
        }
        task.resume()
        if cancelled { task.cancel() }
    }

    func cancel() {
        let task = lock.withLock { () -> URLSessionDataTask? in
            cancelled = true
            return stored
        }
        task?.cancel()
    }
}
