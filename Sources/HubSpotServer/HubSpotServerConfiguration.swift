import CallsCore
import Foundation

/// Everything `hubcalls serve` can be told: where to listen, the accepted token, rate-limit
/// budgets, search limits, fault injection and where the request log goes.
public struct HubSpotServerConfiguration: Sendable {
    public var host: String
    /// `0` picks a free port (the bound port is reported through ``onListening``).
    public var port: Int
    /// The bearer token requests must carry; `nil` disables authentication (local use only).
    public var token: String?
    /// `nil` turns rate limiting off (`--no-rate-limit`).
    public var rateLimits: RateLimitConfiguration?
    public var searchLimits: SearchLimitConfiguration
    public var faults: FaultConfiguration
    /// Receives one line per request; `nil` logs nothing.
    public var requestLog: (@Sendable (String) -> Void)?
    /// Called once with the bound port when the server is listening.
    public var onListening: (@Sendable (Int) -> Void)?

    public init(
        host: String = "127.0.0.1", port: Int = 8080, token: String? = nil,
        rateLimits: RateLimitConfiguration? = RateLimitConfiguration(), searchLimits: SearchLimitConfiguration = SearchLimitConfiguration(),
        faults: FaultConfiguration = FaultConfiguration(), requestLog: (@Sendable (String) -> Void)? = nil,
        onListening: (@Sendable (Int) -> Void)? = nil
    ) {
        self.host = host
        self.port = port
        self.token = token
        self.rateLimits = rateLimits
        self.searchLimits = searchLimits
        self.faults = faults
        self.requestLog = requestLog
        self.onListening = onListening
    }
}

/// Rate-limit budgets (FINDINGS.md §9): a rolling window for ordinary requests, a per-second
/// budget for search, and a daily budget that only feeds the headers and the `DAILY` policy.
public struct RateLimitConfiguration: Sendable, Equatable {
    /// Requests allowed per ``interval`` (HubSpot's `TEN_SECONDLY_ROLLING`; default 100 / 10 s).
    public var max: Int
    public var interval: Double
    /// Searches allowed per ``searchInterval`` (HubSpot's `SECONDLY`; default 5 / 1 s).
    public var searchMax: Int
    public var searchInterval: Double
    public var daily: Int
    /// Adds `Retry-After` to 429s. Off by default: HubSpot is not known to send it, and
    /// clients behave differently when it is there (urllib3, under HubSpot's official Python
    /// client, silently waits and retries a 429 that carries it).
    public var sendRetryAfter: Bool

    public init(max: Int = 100, interval: Double = 10, searchMax: Int = 5, searchInterval: Double = 1, daily: Int = 250_000, sendRetryAfter: Bool = false) {
        self.max = max
        self.interval = interval
        self.searchMax = searchMax
        self.searchInterval = searchInterval
        self.daily = daily
        self.sendRetryAfter = sendRetryAfter
    }

    /// Parses a budget like `100/10s`, `5/1s`, `190/10000ms` into (count, seconds).
    public static func parseBudget(_ text: String) -> (Int, Double)? {
        let parts = text.split(separator: "/", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let count = Int(parts[0]), count > 0 else { return nil }
        var unit = parts[1].lowercased()
        var scale = 1.0
        if unit.hasSuffix("ms") { unit.removeLast(2); scale = 0.001 }
        else if unit.hasSuffix("s") { unit.removeLast() }
        let amount = unit.isEmpty ? 1 : Double(unit)
        guard let amount, amount > 0 else { return nil }
        return (count, amount * scale)
    }
}

/// Search limits (FINDINGS.md §6); HubSpot's documented values by default.
public struct SearchLimitConfiguration: Sendable, Equatable {
    public var maxLimit = SearchLimits.maxLimit
    public var resultCap = SearchLimits.resultCap
    public var maxFilterGroups = SearchLimits.maxFilterGroups
    public var maxFiltersPerGroup = SearchLimits.maxFiltersPerGroup
    public var maxFilters = SearchLimits.maxFilters
    public var maxQueryLength = SearchLimits.maxQueryLength

    public init() {}
}

/// Fault injection for tests of clients: added latency, a fraction of 500/502/503 answers and
/// dropped connections, all drawn from one seeded generator so a run is reproducible.
public struct FaultConfiguration: Sendable, Equatable {
    /// Added latency in milliseconds, drawn uniformly from this range (`0...0`: none).
    public var latencyMs: ClosedRange<Int>
    /// Fraction (0–1) of requests answered with 500, 502 or 503.
    public var errorRate: Double
    /// Fraction (0–1) of requests whose connection is closed without a response.
    public var dropRate: Double
    public var seed: UInt64

    public init(latencyMs: ClosedRange<Int> = 0...0, errorRate: Double = 0, dropRate: Double = 0, seed: UInt64 = 1) {
        self.latencyMs = latencyMs
        self.errorRate = errorRate
        self.dropRate = dropRate
        self.seed = seed
    }

    /// Whether any fault is configured.
    public var isActive: Bool { latencyMs.upperBound > 0 || errorRate > 0 || dropRate > 0 }

    /// Parses `50` or `20-80` (milliseconds).
    public static func parseLatency(_ text: String) -> ClosedRange<Int>? {
        let parts = text.split(separator: "-", maxSplits: 1).compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        if parts.count == 1, parts[0] >= 0 { return parts[0]...parts[0] }
        if parts.count == 2, parts[0] >= 0, parts[1] >= parts[0] { return parts[0]...parts[1] }
        return nil
    }
}
