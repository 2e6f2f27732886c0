// Associations v3 batch shapes (FINDINGS.md §3.5).

/// `PublicAssociation`: `{from:{id}, to:{id}, type:"call_to_contact"}` (v3 batch create/archive).
public struct PublicAssociation: Codable, Sendable, Equatable {
    public var from: PublicObjectId
    public var to: PublicObjectId
    /// A type name (`call_to_contact`) or a numeric id as a string.
    public var type: String

    public init(from: PublicObjectId, to: PublicObjectId, type: String) {
        self.from = from
        self.to = to
        self.type = type
    }

    private enum CodingKeys: String, CodingKey { case from, to, type }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        from = try c.decode(PublicObjectId.self, forKey: .from)
        to = try c.decode(PublicObjectId.self, forKey: .to)
        type = c.lenientString(.type) ?? ""
    }
}

/// `PublicAssociationMulti`: the v3 batch read answer for one source record.
public struct PublicAssociationMulti: Codable, Sendable, Equatable {
    public var from: PublicObjectId
    public var to: [AssociatedId]
    public var paging: Paging?

    public init(from: PublicObjectId, to: [AssociatedId], paging: Paging? = nil) {
        self.from = from
        self.to = to
        self.paging = paging
    }
}

/// `BatchResponsePublicAssociation` (v3 batch create).
public typealias BatchResponsePublicAssociation = BatchResponse<PublicAssociation>
/// `BatchResponsePublicAssociationMulti` (v3 batch read).
public typealias BatchResponsePublicAssociationMulti = BatchResponse<PublicAssociationMulti>
