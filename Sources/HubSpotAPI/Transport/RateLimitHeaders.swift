/// HubSpot's `X-HubSpot-RateLimit-*` response headers (FINDINGS.md §9.2). All optional:
/// search responses and other servers send none.
public struct RateLimitHeaders: Sendable, Equatable {
    public var max: Int?
    public var remaining: Int?
    public var intervalMilliseconds: Int?
    public var daily: Int?
    public var dailyRemaining: Int?

    public init(max: Int? = nil, remaining: Int? = nil, intervalMilliseconds: Int? = nil, daily: Int? = nil, dailyRemaining: Int? = nil) {
        self.max = max
        self.remaining = remaining
        self.intervalMilliseconds = intervalMilliseconds
        self.daily = daily
        self.dailyRemaining = dailyRemaining
    }

    /// Reads the headers of a response; malformed values are ignored.
    public init(_ response: TransportResponse) {
        func int(_ name: String) -> Int? {
            response.header(name).flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        }
        self.init(
            max: int("x-hubspot-ratelimit-max"),
            remaining: int("x-hubspot-ratelimit-remaining"),
            intervalMilliseconds: int("x-hubspot-ratelimit-interval-milliseconds"),
            daily: int("x-hubspot-ratelimit-daily"),
            dailyRemaining: int("x-hubspot-ratelimit-daily-remaining")
        )
    }

    public var isEmpty: Bool { max == nil && remaining == nil && intervalMilliseconds == nil }
}
