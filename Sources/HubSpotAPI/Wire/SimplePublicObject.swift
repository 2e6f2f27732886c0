public import CallsCore
import Foundation

/// A CRM record as HubSpot sends it (`SimplePublicObject`, and with ``associations`` set,
/// `SimplePublicObjectWithAssociations`; FINDINGS.md §5.1).
///
/// Property values are strings or `null`; numbers and booleans are accepted on input and kept
/// as their string form. Dates are kept as the strings HubSpot sent and converted with
/// ``HubSpotTimestamp`` when mapping to ``CRMObject``.
public struct SimplePublicObject: Codable, Sendable, Equatable {
    public var id: String
    public var properties: [String: String?]
    public var propertiesWithHistory: [String: [ValueWithTimestamp]]?
    /// Keyed by plural object type (`contacts`); only in the `WithAssociations` variant.
    public var associations: [String: AssociatedIdCollection]?
    public var createdAt: String
    public var updatedAt: String
    public var archived: Bool
    public var archivedAt: String?
    /// Upsert responses only: whether the record was created.
    public var new: Bool?
    public var objectWriteTraceId: String?
    public var url: String?

    public init(
        id: String, properties: [String: String?], propertiesWithHistory: [String: [ValueWithTimestamp]]? = nil,
        associations: [String: AssociatedIdCollection]? = nil, createdAt: String, updatedAt: String,
        archived: Bool = false, archivedAt: String? = nil, new: Bool? = nil, objectWriteTraceId: String? = nil, url: String? = nil
    ) {
        self.id = id
        self.properties = properties
        self.propertiesWithHistory = propertiesWithHistory
        self.associations = associations
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.archived = archived
        self.archivedAt = archivedAt
        self.new = new
        self.objectWriteTraceId = objectWriteTraceId
        self.url = url
    }

    private enum CodingKeys: String, CodingKey {
        case id, properties, propertiesWithHistory, associations, createdAt, updatedAt, archived, archivedAt, new, objectWriteTraceId, url
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        guard let id = c.lenientString(.id) else {
            throw DecodingError.keyNotFound(CodingKeys.id, .init(codingPath: c.codingPath, debugDescription: "record without an id"))
        }
        self.id = id
        // Nearly always every value is a string or null: decode that directly (half the
        // work of going through `LenientString` per value) and fall back when it is not.
        if let plain = try? c.decodeIfPresent([String: String?].self, forKey: .properties) {
            properties = plain
        } else {
            properties = (c.lenient([String: LenientString].self, .properties) ?? [:]).mapValues(\.value)
        }
        propertiesWithHistory = c.lenient([String: [ValueWithTimestamp]].self, .propertiesWithHistory)
        associations = c.lenient([String: AssociatedIdCollection].self, .associations)
        createdAt = c.lenientString(.createdAt) ?? ""
        updatedAt = c.lenientString(.updatedAt) ?? ""
        archived = c.lenientBool(.archived) ?? false
        archivedAt = c.lenientString(.archivedAt)
        new = c.lenientBool(.new)
        objectWriteTraceId = c.lenientString(.objectWriteTraceId)
        url = c.lenientString(.url)
    }
}

/// `SimplePublicObjectWithAssociations`: the same shape with ``SimplePublicObject/associations``.
public typealias SimplePublicObjectWithAssociations = SimplePublicObject

/// `SimplePublicUpsertObject`: the same shape with ``SimplePublicObject/new``.
public typealias SimplePublicUpsertObject = SimplePublicObject

/// One entry of `propertiesWithHistory`.
public struct ValueWithTimestamp: Codable, Sendable, Equatable {
    public var value: String?
    public var timestamp: String
    public var sourceType: String
    public var sourceId: String?
    public var sourceLabel: String?
    public var updatedByUserId: Int?

    public init(value: String?, timestamp: String, sourceType: String, sourceId: String? = nil, sourceLabel: String? = nil, updatedByUserId: Int? = nil) {
        self.value = value
        self.timestamp = timestamp
        self.sourceType = sourceType
        self.sourceId = sourceId
        self.sourceLabel = sourceLabel
        self.updatedByUserId = updatedByUserId
    }

    private enum CodingKeys: String, CodingKey { case value, timestamp, sourceType, sourceId, sourceLabel, updatedByUserId }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        value = c.lenientString(.value)
        timestamp = c.lenientString(.timestamp) ?? ""
        sourceType = c.lenientString(.sourceType) ?? ""
        sourceId = c.lenientString(.sourceId)
        sourceLabel = c.lenientString(.sourceLabel)
        updatedByUserId = c.lenientInt(.updatedByUserId)
    }
}

/// `CollectionResponseAssociatedId`: the value of one entry of an `associations` map, and the
/// v3 per-object association list.
public struct AssociatedIdCollection: Codable, Sendable, Equatable {
    public var results: [AssociatedId]
    public var paging: Paging?

    public init(results: [AssociatedId], paging: Paging? = nil) {
        self.results = results
        self.paging = paging
    }

    private enum CodingKeys: String, CodingKey { case results, paging }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        results = c.lenient([AssociatedId].self, .results) ?? []
        paging = c.lenient(Paging.self, .paging)
    }
}

/// `{"id": "104901", "type": "call_to_contact"}`.
public struct AssociatedId: Codable, Sendable, Hashable {
    public var id: String
    /// The association type name (`call_to_contact`), or its numeric id as a string.
    public var type: String

    public init(id: String, type: String) {
        self.id = id
        self.type = type
    }

    private enum CodingKeys: String, CodingKey { case id, type }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = c.lenientString(.id) ?? ""
        type = c.lenientString(.type) ?? ""
    }
}

// MARK: - CRMObject conversion

extension SimplePublicObject {
    /// The wire form of a record. Like HubSpot, the `associations` map is left out when the
    /// record has no associations of the requested types.
    public init(_ object: CRMObject) {
        var map: [String: AssociatedIdCollection] = [:]
        for (target, records) in object.associations where !records.isEmpty {
            map[target.rawValue] = AssociatedIdCollection(results: records.map {
                AssociatedId(id: $0.id, type: AssociationTypes.byID($0.typeId)?.name ?? String($0.typeId))
            })
        }
        self.init(
            id: object.id,
            properties: object.properties,
            associations: map.isEmpty ? nil : map,
            createdAt: HubSpotTimestamp.format(object.createdAt),
            updatedAt: HubSpotTimestamp.format(object.updatedAt),
            archived: object.archived,
            archivedAt: object.archivedAt.map(HubSpotTimestamp.format)
        )
    }

    /// The domain record. `type` is the record's own type, used to resolve association type
    /// names HubSpot did not send as known names; unknown target types are dropped.
    public func crmObject(type: ObjectType? = nil) -> CRMObject {
        var associations: [ObjectType: [AssociatedRecord]] = [:]
        for (key, collection) in self.associations ?? [:] {
            guard let target = ObjectType(apiName: key) else { continue }
            let fallback = type.flatMap { AssociationTypes.default(from: $0, to: target)?.id }
            associations[target] = collection.results.map { item in
                let typeId = AssociationTypes.resolve(item.type)?.id ?? Int(item.type) ?? fallback ?? 0
                return AssociatedRecord(id: item.id, typeId: typeId)
            }
        }
        let created = HubSpotTimestamp.parse(createdAt) ?? Date(timeIntervalSince1970: 0)
        return CRMObject(
            id: id,
            properties: properties,
            createdAt: created,
            updatedAt: HubSpotTimestamp.parse(updatedAt) ?? created,
            archived: archived,
            archivedAt: archivedAt.flatMap(HubSpotTimestamp.parse),
            associations: associations
        )
    }
}
