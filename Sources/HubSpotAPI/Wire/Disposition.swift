public import CallsCore

/// One item of `GET /calling/v1/dispositions` (a bare JSON array, FINDINGS.md §3.9).
public struct Disposition: Codable, Sendable, Equatable {
    public var id: String
    public var label: String
    /// Only some third-party code reads it; emitted as `false` would be noise, so optional.
    public var deleted: Bool?

    public init(id: String, label: String, deleted: Bool? = nil) {
        self.id = id
        self.label = label
        self.deleted = deleted
    }

    private enum CodingKeys: String, CodingKey { case id, label, deleted }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = c.lenientString(.id) ?? ""
        label = c.lenientString(.label) ?? id
        deleted = c.lenientBool(.deleted)
    }
}

// MARK: - Domain conversion

extension Disposition {
    public init(_ outcome: Outcome) {
        self.init(id: outcome.id, label: outcome.label)
    }

    public var outcome: Outcome { Outcome(id: id, label: label) }
}
