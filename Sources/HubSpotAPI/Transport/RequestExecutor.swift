import CallsCore
import Foundation

/// Sends ``HubSpotRequest``s: paces them through the ``RateLimiter``, adds the bearer token,
/// retries by the ``RetryPolicy``, counts them in ``RequestStats`` and turns every failure
/// into a ``CRMError`` with HubSpot's message, category and correlation id.
///
/// The token goes into the `Authorization` header and nowhere else: not the URL, not a log
/// line, not an error (HubSpot's messages are scrubbed of it, in case one ever echoes it).
final class RequestExecutor: Sendable {
    let baseURL: URL
    let token: AccessToken?
    let transport: any HTTPTransport
    let limiter: RateLimiter
    let policy: RetryPolicy
    let clock: any PacingClock
    let timeout: Double
    let log: (@Sendable (String) -> Void)?
    /// Where to tell the user to put a token (`~/.config/hubcalls/config.toml`).
    let tokenHelp: String
    private let counters = Locked(RequestStats())
    /// Requests in flight, at most URLSession's connections per host.
    private let inFlight = AsyncSemaphore(HTTPConnections.perHost)

    init(
        baseURL: URL, token: AccessToken?, transport: any HTTPTransport, limiter: RateLimiter, policy: RetryPolicy,
        clock: any PacingClock, timeout: Double, tokenHelp: String, log: (@Sendable (String) -> Void)?
    ) {
        self.baseURL = baseURL
        self.token = token
        self.transport = transport
        self.limiter = limiter
        self.policy = policy
        self.clock = clock
        self.timeout = timeout
        self.tokenHelp = tokenHelp
        self.log = log
    }

    var stats: RequestStats { counters.current }

    func count(_ update: (inout RequestStats) -> Void) { counters.withLock(update) }

    private var host: String {
        guard var name = baseURL.host else { return "the server" }
        // An IPv6 literal keeps its brackets, or `::1:42325` reads as one address.
        if IPv6LoopbackURL.isLiteral(name), !name.hasPrefix("[") { name = "[\(name)]" }
        if let port = baseURL.port { return "\(name):\(port)" }
        return name
    }

    // MARK: - Sending

    /// Sends `request` until it succeeds (any 2xx, 207 included) or the policy gives up.
    ///
    /// - Parameter firstAttempt: the attempt number to start counting from (a create that is
    ///   retried after a look-up continues its count).
    /// - Throws: ``CRMError``; for a non-idempotent request whose outcome is unknown,
    ///   ``OutcomeUnknown`` so the caller can look the record up before retrying.
    func send(_ request: HubSpotRequest, firstAttempt: Int = 1) async throws -> TransportResponse {
        guard let url = request.url(base: baseURL) else {
            throw CRMError(kind: .invalidRequest, message: "Cannot build a URL from base URL \(baseURL.absoluteString)")
        }
        var headers = ["Accept": "application/json", "User-Agent": "hubcalls"]
        if request.body != nil { headers["Content-Type"] = "application/json" }
        if let token { headers["Authorization"] = token.authorizationHeader }
        let transportRequest = TransportRequest(url: url, method: request.method.rawValue, headers: headers, body: request.body, timeout: timeout, idempotent: request.idempotent)

        var attempt = firstAttempt
        var lostBefore = false
        while true {
            try Task.checkCancellation()
            let waitStart = clock.now()
            await inFlight.wait()
            let slot: RateLimiter.Slot
            do {
                slot = try await limiter.acquire(request.bucket)
            } catch {
                await inFlight.signal()
                throw error
            }
            let waited = clock.now() - waitStart
            count {
                $0.requests += 1
                if attempt > 1 { $0.retries += 1 }
                $0.waitedSeconds += waited
                $0.byEndpoint[request.endpoint, default: 0] += 1
            }
            RequestTally.current?.record(request.endpoint)
            let started = clock.now()
            let failure: RetryPolicy.Failure
            let crmError: CRMError
            do {
                let response: TransportResponse
                do {
                    response = try await transport.send(transportRequest)
                } catch {
                    await limiter.complete(slot)
                    await inFlight.signal()
                    throw error
                }
                let headers = RateLimitHeaders(response)
                if !headers.isEmpty { await limiter.observe(headers, sentAt: started) }
                await limiter.complete(slot)
                await inFlight.signal()
                logLine(request, status: String(response.status), started: started, attempt: attempt, correlationId: response.correlationId)
                if (200..<300).contains(response.status) { return response }
                if response.status == 404, lostBefore, request.notFoundAfterLostAttemptIsSuccess {
                    return TransportResponse(status: 204, headers: response.headers)
                }
                crmError = describe(status: response.status, response: response)
                failure = .status(response.status, policyName: crmError.policyName, retryAfter: crmError.retryAfter)
                if response.status == 429 { count { $0.rateLimited += 1 } }
                if RetryPolicy.outcomeUnknown(status: response.status) { lostBefore = true }
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                let classified = TransportFailure(error, host: host, changes: request.changes)
                logLine(request, status: classified.error.kind.rawValue, started: started, attempt: attempt, correlationId: nil)
                failure = classified.failure
                crmError = classified.error
                if failure == .lost { lostBefore = true }
            }

            switch policy.decide(failure, attempt: attempt, idempotent: request.idempotent) {
            case .fail:
                count { $0.failures += 1 }
                throw finalError(crmError, attempts: attempt)
            case .retry(let delay):
                await pauseIfRateLimited(failure, request: request, delay: delay)
                try await wait(delay)
            case .verifyThenRetry(let delay):
                throw OutcomeUnknown(error: crmError, attempt: attempt, delay: delay)
            }
            attempt += 1
        }
    }

    /// Sleeps a back-off, counting it as waiting time.
    func wait(_ seconds: Double) async throws {
        guard seconds > 0 else { return }
        count { $0.waitedSeconds += seconds }
        try await clock.sleep(seconds: seconds)
    }

    /// A 429 means every request in that bucket would get one too: hold them all back.
    private func pauseIfRateLimited(_ failure: RetryPolicy.Failure, request: HubSpotRequest, delay: Double) async {
        guard case .status(429, let policyName, _) = failure else { return }
        let until = clock.now() + delay
        if policyName?.uppercased() == "SECONDLY" || request.bucket == .search {
            await limiter.pause(.search, until: until)
        } else {
            await limiter.pause(.standard, until: until)
        }
    }

    private func logLine(_ request: HubSpotRequest, status: String, started: Double, attempt: Int, correlationId: String?) {
        guard let log else { return }
        let ms = Int(((clock.now() - started) * 1000).rounded())
        var line = "\(request.method.rawValue) \(request.path) → \(status) \(ms) ms"
        if attempt > 1 { line += " (attempt \(attempt))" }
        if let correlationId { line += " correlation \(correlationId)" }
        log(line)
    }
}

/// A non-idempotent request (a create) failed in a way that leaves its outcome unknown.
struct OutcomeUnknown: Error {
    var error: CRMError
    var attempt: Int
    var delay: Double
}

// MARK: - Errors

extension RequestExecutor {
    /// The ``CRMError`` for an error response, with HubSpot's message, category, correlation
    /// id (body, else header) and retry delay.
    func describe(status: Int, response: TransportResponse) -> CRMError {
        var error = CRMError.decode(status: status, body: response.body, correlationIdHeader: response.correlationId, retryAfter: RetryAfter.seconds(in: response))
        if error.correlationId == nil { error.correlationId = response.correlationId }
        error.message = scrub(error.message)
        switch status {
        case 401:
            let source = token.map { " (token \($0.source))" } ?? ""
            // The remedy first: a status line may show only the start of the message.
            let said = error.message.trimmingCharacters(in: .whitespaces)
            error.message = token == nil
                ? "No HubSpot access token. \(tokenHelp)"
                : "HubSpot rejected the access token\(source). \(tokenHelp)" + (said.isEmpty ? "" : " HubSpot said: \(said.hasSuffix(".") ? said : said + ".")")
        case 403:
            error.message += ". The private app needs the scopes listed in the README (crm.objects.contacts.read/write, …)."
        case 429 where error.policyName?.uppercased() == "DAILY":
            error.message += " The daily limit resets at midnight in the account's time zone."
        default:
            break
        }
        return error
    }

    /// The error the caller sees once retries are exhausted.
    func finalError(_ error: CRMError, attempts: Int) -> CRMError {
        var error = error
        if attempts > 1, error.kind == .rateLimited || error.kind == .server || error.kind == .timeout || error.kind == .offline {
            error.message += " (gave up after \(attempts) attempts)"
        }
        return error
    }

    /// Removes the token from text that came from the server.
    func scrub(_ text: String) -> String {
        guard let token, !token.value.isEmpty else { return text }
        return text.replacingOccurrences(of: token.value, with: "<redacted>")
    }

    /// A ``CRMError/Kind/decoding`` error for a body that is not what `what` should be.
    func decodingError(_ request: HubSpotRequest, response: TransportResponse, underlying: any Error) -> CRMError {
        let reason: String
        switch underlying {
        case DecodingError.dataCorrupted(let context): reason = context.debugDescription
        case DecodingError.keyNotFound(let key, _): reason = "missing \(key.stringValue)"
        case DecodingError.typeMismatch(_, let context): reason = "unexpected type at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case DecodingError.valueNotFound(_, let context): reason = "null at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        default: reason = "unreadable body"
        }
        return CRMError(
            kind: .decoding, status: response.status,
            message: "Could not read the response to \(request.endpoint): \(reason)",
            correlationId: response.correlationId
        )
    }
}
