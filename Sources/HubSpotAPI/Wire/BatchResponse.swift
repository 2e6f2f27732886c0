public import CallsCore
public import Foundation

/// `BatchResponse…` and `…WithErrors` in one type: HubSpot answers 200/201 without errors and
/// 207 with `numErrors`/`errors`; decoding both into one type keeps per-item errors visible
/// (several official SDKs drop them, FINDINGS.md §5.4).
public struct BatchResponse<Item: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
    /// `COMPLETE` for the synchronous endpoints.
    public var status: String
    public var results: [Item]
    public var numErrors: Int?
    public var errors: [StandardError]?
    public var requestedAt: String?
    public var startedAt: String
    public var completedAt: String
    public var links: [String: String]?

    public init(
        status: String = "COMPLETE", results: [Item], errors: [StandardError] = [],
        requestedAt: String? = nil, startedAt: String, completedAt: String, links: [String: String]? = nil
    ) {
        self.status = status
        self.results = results
        self.numErrors = errors.isEmpty ? nil : errors.count
        self.errors = errors.isEmpty ? nil : errors
        self.requestedAt = requestedAt
        self.startedAt = startedAt
        self.completedAt = completedAt
        self.links = links
    }

    /// A completed batch that started and finished at `date` (the server's synchronous case).
    public init(results: [Item], errors: [StandardError] = [], at date: Date) {
        let stamp = HubSpotTimestamp.format(date)
        self.init(results: results, errors: errors, startedAt: stamp, completedAt: stamp)
    }

    /// True when some items failed (the response was or should be a 207).
    public var hasErrors: Bool { !(errors ?? []).isEmpty }

    private enum CodingKeys: String, CodingKey { case status, results, numErrors, errors, requestedAt, startedAt, completedAt, links }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        status = c.lenientString(.status) ?? "COMPLETE"
        results = try c.decodeIfPresent([Item].self, forKey: .results) ?? []
        errors = c.lenient([StandardError].self, .errors)
        numErrors = c.lenientInt(.numErrors) ?? errors?.count
        requestedAt = c.lenientString(.requestedAt)
        startedAt = c.lenientString(.startedAt) ?? ""
        completedAt = c.lenientString(.completedAt) ?? ""
        links = c.lenient([String: String].self, .links)
    }
}

// MARK: - BatchResult conversion

extension BatchResponse where Item == SimplePublicObject {
    public init(_ result: BatchResult, at date: Date) {
        self.init(results: result.results.map { SimplePublicObject($0) }, errors: result.errors.map { StandardError($0) }, at: date)
    }

    /// The domain result, per-item errors included.
    public func batchResult(type: ObjectType? = nil) -> BatchResult {
        BatchResult(results: results.map { $0.crmObject(type: type) }, errors: (errors ?? []).map(\.crmError))
    }
}
