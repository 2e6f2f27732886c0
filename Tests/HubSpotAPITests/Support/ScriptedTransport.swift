import Foundation
import HubSpotAPI
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A transport that answers from a script, one step per request, and records what it got.
final class ScriptedTransport: HTTPTransport, @unchecked Sendable {
    enum Step {
        case respond(TransportResponse)
        case fail(URLError.Code)
    }

    private let lock = NSLock()
    private var steps: [Step]
    private var received: [TransportRequest] = []
    /// Answer once the script runs out.
    var fallback: Step

    init(_ steps: [Step], fallback: Step = .respond(TransportResponse(status: 200, body: Data("{}".utf8)))) {
        self.steps = steps
        self.fallback = fallback
    }

    func send(_ request: TransportRequest) async throws -> TransportResponse {
        let step: Step = lock.withLock {
            received.append(request)
            return steps.isEmpty ? fallback : steps.removeFirst()
        }
        switch step {
        case .respond(let response): return response
        case .fail(let code): throw URLError(code)
        }
    }

    var requests: [TransportRequest] { lock.withLock { received } }

    static func json(_ status: Int, _ text: String, headers: [String: String] = [:]) -> Step {
        .respond(TransportResponse(status: status, headers: headers, body: Data(text.utf8)))
    }

    static func rateLimited(_ policy: String, retryAfter: String? = nil) -> Step {
        var headers = ["X-HubSpot-Correlation-Id": "corr-429"]
        if let retryAfter { headers["Retry-After"] = retryAfter }
        return json(429, #"{"status":"error","message":"You have reached your limit.","errorType":"RATE_LIMIT","policyName":"\#(policy)","correlationId":"corr-429"}"#, headers: headers)
    }
}

/// A fixed-jitter retry policy so delays are predictable.
func fixedRetryPolicy(maxAttempts: Int = 5) -> RetryPolicy {
    RetryPolicy(maxAttempts: maxAttempts, random: { 0.5 })
}
