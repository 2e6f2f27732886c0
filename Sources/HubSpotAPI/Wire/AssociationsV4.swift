public import CallsCore

// Associations v4 shapes (FINDINGS.md §3.4, §5.7).

/// `LabelsBetweenObjectPair`: the answer to a labelled association PUT.
public struct LabelsBetweenObjectPair: Codable, Sendable, Equatable {
    public var fromObjectTypeId: String
    public var fromObjectId: String
    public var toObjectTypeId: String
    public var toObjectId: String
    public var labels: [String]

    public init(fromObjectTypeId: String, fromObjectId: String, toObjectTypeId: String, toObjectId: String, labels: [String] = []) {
        self.fromObjectTypeId = fromObjectTypeId
        self.fromObjectId = fromObjectId
        self.toObjectTypeId = toObjectTypeId
        self.toObjectId = toObjectId
        self.labels = labels
    }

    private enum CodingKeys: String, CodingKey { case fromObjectTypeId, fromObjectId, toObjectTypeId, toObjectId, labels }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        fromObjectTypeId = c.lenientString(.fromObjectTypeId) ?? ""
        fromObjectId = c.lenientString(.fromObjectId) ?? ""
        toObjectTypeId = c.lenientString(.toObjectTypeId) ?? ""
        toObjectId = c.lenientString(.toObjectId) ?? ""
        labels = c.lenientStrings(.labels) ?? []
    }
}

/// `PublicDefaultAssociation`: one default association made (`BatchResponsePublicDefaultAssociation` items).
public struct PublicDefaultAssociation: Codable, Sendable, Equatable {
    public var from: PublicObjectId
    public var to: PublicObjectId
    public var associationSpec: AssociationSpec

    public init(from: PublicObjectId, to: PublicObjectId, associationSpec: AssociationSpec) {
        self.from = from
        self.to = to
        self.associationSpec = associationSpec
    }
}

/// `AssociationSpecWithLabel`: a type between two records, also an item of the labels list.
public struct AssociationSpecWithLabel: Codable, Sendable, Hashable {
    public var category: String
    public var typeId: Int
    public var label: String?
    public var fromObjectTypeId: String?
    public var toObjectTypeId: String?

    public init(category: String = "HUBSPOT_DEFINED", typeId: Int, label: String? = nil, fromObjectTypeId: String? = nil, toObjectTypeId: String? = nil) {
        self.category = category
        self.typeId = typeId
        self.label = label
        self.fromObjectTypeId = fromObjectTypeId
        self.toObjectTypeId = toObjectTypeId
    }

    private enum CodingKeys: String, CodingKey { case category, typeId, label, fromObjectTypeId, toObjectTypeId }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        category = c.lenientString(.category) ?? "HUBSPOT_DEFINED"
        typeId = c.lenientInt(.typeId) ?? 0
        label = c.lenientString(.label)
        fromObjectTypeId = c.lenientString(.fromObjectTypeId)
        toObjectTypeId = c.lenientString(.toObjectTypeId)
    }

    /// HubSpot sends `"label": null` explicitly for unlabelled types.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(category, forKey: .category)
        try c.encode(typeId, forKey: .typeId)
        try c.encode(label, forKey: .label)
        try c.encodeIfPresent(fromObjectTypeId, forKey: .fromObjectTypeId)
        try c.encodeIfPresent(toObjectTypeId, forKey: .toObjectTypeId)
    }
}

/// `MultiAssociatedObjectWithLabel`: one associated record and every type linking it.
public struct MultiAssociatedObjectWithLabel: Codable, Sendable, Equatable {
    public var toObjectId: String
    public var associationTypes: [AssociationSpecWithLabel]

    public init(toObjectId: String, associationTypes: [AssociationSpecWithLabel]) {
        self.toObjectId = toObjectId
        self.associationTypes = associationTypes
    }

    private enum CodingKeys: String, CodingKey { case toObjectId, associationTypes }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        toObjectId = c.lenientString(.toObjectId) ?? ""
        associationTypes = c.lenient([AssociationSpecWithLabel].self, .associationTypes) ?? []
    }
}

/// `PublicAssociationMultiWithLabel`: the associations of one source record (v4 batch read).
public struct PublicAssociationMultiWithLabel: Codable, Sendable, Equatable {
    public var from: PublicObjectId
    public var to: [MultiAssociatedObjectWithLabel]
    public var paging: Paging?

    public init(from: PublicObjectId, to: [MultiAssociatedObjectWithLabel], paging: Paging? = nil) {
        self.from = from
        self.to = to
        self.paging = paging
    }
}

/// `PublicAssociationMultiPost`: one item of a v4 batch create.
public struct PublicAssociationMultiPost: Codable, Sendable, Equatable {
    public var from: PublicObjectId
    public var to: PublicObjectId
    public var types: [AssociationSpec]

    public init(from: PublicObjectId, to: PublicObjectId, types: [AssociationSpec]) {
        self.from = from
        self.to = to
        self.types = types
    }

    private enum CodingKeys: String, CodingKey { case from, to, types }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        from = try c.decode(PublicObjectId.self, forKey: .from)
        to = try c.decode(PublicObjectId.self, forKey: .to)
        types = try c.decodeIfPresent([AssociationSpec].self, forKey: .types) ?? []
    }
}

/// `PublicDefaultAssociationMultiPost`: one item of `batch/associate/default`.
public struct PublicDefaultAssociationMultiPost: Codable, Sendable, Equatable {
    public var from: PublicObjectId
    public var to: PublicObjectId

    public init(from: PublicObjectId, to: PublicObjectId) {
        self.from = from
        self.to = to
    }
}

/// `PublicFetchAssociationsBatchRequest`: one item of a v4 batch read.
public struct PublicFetchAssociationsBatchRequest: Codable, Sendable, Equatable {
    public var id: String
    public var after: String?

    public init(id: String, after: String? = nil) {
        self.id = id
        self.after = after
    }

    private enum CodingKeys: String, CodingKey { case id, after }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        guard let id = c.lenientString(.id) else {
            throw DecodingError.keyNotFound(CodingKeys.id, .init(codingPath: c.codingPath, debugDescription: "batch read item without an id"))
        }
        self.id = id
        after = c.lenientString(.after)
    }
}

/// `PublicAssociationMultiArchive`: one item of a v4 batch archive (one source, many targets).
public struct PublicAssociationMultiArchive: Codable, Sendable, Equatable {
    public var from: PublicObjectId
    public var to: [PublicObjectId]

    public init(from: PublicObjectId, to: [PublicObjectId]) {
        self.from = from
        self.to = to
    }

    private enum CodingKeys: String, CodingKey { case from, to }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        from = try c.decode(PublicObjectId.self, forKey: .from)
        // Accept a single object as well as a list.
        if let list = try? c.decode([PublicObjectId].self, forKey: .to) { to = list }
        else { to = [try c.decode(PublicObjectId.self, forKey: .to)] }
    }
}

/// `BatchResponsePublicDefaultAssociation` (the default PUT and `batch/associate/default`).
public typealias BatchResponsePublicDefaultAssociation = BatchResponse<PublicDefaultAssociation>
/// `CollectionResponseMultiAssociatedObjectWithLabelForwardPaging` (v4 GET list).
public typealias CollectionResponseMultiAssociatedObjectWithLabel = CollectionResponse<MultiAssociatedObjectWithLabel>
/// `BatchResponsePublicAssociationMultiWithLabel` (v4 batch read).
public typealias BatchResponsePublicAssociationMultiWithLabel = BatchResponse<PublicAssociationMultiWithLabel>
/// `BatchResponseLabelsBetweenObjectPair` (v4 batch create).
public typealias BatchResponseLabelsBetweenObjectPair = BatchResponse<LabelsBetweenObjectPair>
/// `CollectionResponseAssociationSpecWithLabelNoPaging` (`/crm/v4/associations/{from}/{to}/labels`).
public typealias AssociationLabelsResponse = CollectionResponse<AssociationSpecWithLabel>

// MARK: - Domain conversion

extension MultiAssociatedObjectWithLabel {
    /// Groups associated records by target id (a pair may be linked by several types).
    public static func grouped(_ records: [AssociatedRecord]) -> [MultiAssociatedObjectWithLabel] {
        var order: [String] = []
        var types: [String: [AssociationSpecWithLabel]] = [:]
        for record in records {
            if types[record.id] == nil { order.append(record.id) }
            types[record.id, default: []].append(AssociationSpecWithLabel(typeId: record.typeId))
        }
        return order.map { MultiAssociatedObjectWithLabel(toObjectId: $0, associationTypes: types[$0] ?? []) }
    }

    /// One ``AssociatedRecord`` per type.
    public var associatedRecords: [AssociatedRecord] {
        associationTypes.map { AssociatedRecord(id: toObjectId, typeId: $0.typeId) }
    }
}

extension AssociationSpecWithLabel {
    public init(_ type: AssociationType) {
        self.init(category: type.category, typeId: type.id, label: nil)
    }
}
