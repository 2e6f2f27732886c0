public import CallsCore

/// `PublicObjectId`: `{"id": "104901"}`; the id may arrive as a number.
public struct PublicObjectId: Codable, Sendable, Hashable {
    public var id: String

    public init(id: String) { self.id = id }

    private enum CodingKeys: String, CodingKey { case id }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        guard let id = c.lenientString(.id) else {
            throw DecodingError.keyNotFound(CodingKeys.id, .init(codingPath: c.codingPath, debugDescription: "object reference without an id"))
        }
        self.id = id
    }
}

/// `AssociationSpec`: `{associationCategory, associationTypeId}`.
public struct AssociationSpec: Codable, Sendable, Hashable {
    /// `HUBSPOT_DEFINED`, `USER_DEFINED`, `INTEGRATOR_DEFINED` or `WORK`.
    public var associationCategory: String
    public var associationTypeId: Int

    public init(associationCategory: String = "HUBSPOT_DEFINED", associationTypeId: Int) {
        self.associationCategory = associationCategory
        self.associationTypeId = associationTypeId
    }

    private enum CodingKeys: String, CodingKey { case associationCategory, associationTypeId }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        associationCategory = c.lenientString(.associationCategory) ?? "HUBSPOT_DEFINED"
        guard let typeId = c.lenientInt(.associationTypeId) else {
            throw DecodingError.keyNotFound(CodingKeys.associationTypeId, .init(codingPath: c.codingPath, debugDescription: "association spec without a type id"))
        }
        associationTypeId = typeId
    }
}

/// `PublicAssociationsForObject`: one association to create with a record.
public struct PublicAssociationsForObject: Codable, Sendable, Hashable {
    public var to: PublicObjectId
    public var types: [AssociationSpec]

    public init(to: PublicObjectId, types: [AssociationSpec]) {
        self.to = to
        self.types = types
    }
}

/// Decodes a property map whose values may be strings, numbers, booleans or `null`
/// (`null` is read as `""`, which clears a value, as an empty string does).
func decodeInputProperties<K: CodingKey>(_ c: KeyedDecodingContainer<K>, _ key: K) -> [String: String] {
    let raw = c.lenient([String: LenientString].self, key) ?? [:]
    return raw.reduce(into: [:]) { out, pair in out[pair.key] = pair.value.value ?? "" }
}

/// `SimplePublicObjectInputForCreate` (also each item of a batch create).
public struct SimplePublicObjectInputForCreate: Codable, Sendable, Equatable {
    public var properties: [String: String]
    /// The spec marks it required, HubSpot accepts it missing (FINDINGS.md §5.2).
    public var associations: [PublicAssociationsForObject]?
    public var objectWriteTraceId: String?

    public init(properties: [String: String], associations: [PublicAssociationsForObject]? = nil, objectWriteTraceId: String? = nil) {
        self.properties = properties
        self.associations = associations
        self.objectWriteTraceId = objectWriteTraceId
    }

    private enum CodingKeys: String, CodingKey { case properties, associations, objectWriteTraceId }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        properties = decodeInputProperties(c, .properties)
        associations = try c.decodeIfPresent([PublicAssociationsForObject].self, forKey: .associations)
        objectWriteTraceId = c.lenientString(.objectWriteTraceId)
    }
}

/// `SimplePublicObjectInput`: the body of a PATCH (`{"properties": {…}}`).
public struct SimplePublicObjectInput: Codable, Sendable, Equatable {
    public var properties: [String: String]
    public var objectWriteTraceId: String?

    public init(properties: [String: String], objectWriteTraceId: String? = nil) {
        self.properties = properties
        self.objectWriteTraceId = objectWriteTraceId
    }

    private enum CodingKeys: String, CodingKey { case properties, objectWriteTraceId }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        properties = decodeInputProperties(c, .properties)
        objectWriteTraceId = c.lenientString(.objectWriteTraceId)
    }
}

/// `SimplePublicObjectBatchInput` (batch update) and `…BatchInputUpsert` (batch upsert).
public struct SimplePublicObjectBatchInput: Codable, Sendable, Equatable {
    public var id: String
    public var idProperty: String?
    public var objectWriteTraceId: String?
    public var properties: [String: String]

    public init(id: String, properties: [String: String], idProperty: String? = nil, objectWriteTraceId: String? = nil) {
        self.id = id
        self.properties = properties
        self.idProperty = idProperty
        self.objectWriteTraceId = objectWriteTraceId
    }

    private enum CodingKeys: String, CodingKey { case id, idProperty, objectWriteTraceId, properties }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        guard let id = c.lenientString(.id) else {
            throw DecodingError.keyNotFound(CodingKeys.id, .init(codingPath: c.codingPath, debugDescription: "batch input without an id"))
        }
        self.id = id
        idProperty = c.lenientString(.idProperty)
        objectWriteTraceId = c.lenientString(.objectWriteTraceId)
        properties = decodeInputProperties(c, .properties)
    }
}

/// Batch upsert items have the same shape as batch update items.
public typealias SimplePublicObjectBatchInputUpsert = SimplePublicObjectBatchInput

/// `BatchInput…`: `{"inputs": [...]}`.
public struct BatchInput<Item: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
    public var inputs: [Item]

    public init(inputs: [Item]) { self.inputs = inputs }

    private enum CodingKeys: String, CodingKey { case inputs }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        inputs = try c.decodeIfPresent([Item].self, forKey: .inputs) ?? []
    }
}

/// `BatchReadInputSimplePublicObjectId`: ids plus the properties to return.
public struct BatchReadInput: Codable, Sendable, Equatable {
    public var inputs: [PublicObjectId]
    public var properties: [String]?
    public var propertiesWithHistory: [String]?
    public var idProperty: String?

    public init(inputs: [PublicObjectId], properties: [String]? = nil, propertiesWithHistory: [String]? = nil, idProperty: String? = nil) {
        self.inputs = inputs
        self.properties = properties
        self.propertiesWithHistory = propertiesWithHistory
        self.idProperty = idProperty
    }

    private enum CodingKeys: String, CodingKey { case inputs, properties, propertiesWithHistory, idProperty }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        inputs = try c.decodeIfPresent([PublicObjectId].self, forKey: .inputs) ?? []
        properties = c.lenientStrings(.properties)
        propertiesWithHistory = c.lenientStrings(.propertiesWithHistory)
        idProperty = c.lenientString(.idProperty)
    }
}

// MARK: - Domain conversion

extension SimplePublicObjectInputForCreate {
    public init(_ input: ObjectInput) {
        self.init(
            properties: input.properties,
            associations: input.associations.map {
                PublicAssociationsForObject(to: PublicObjectId(id: $0.toID), types: [AssociationSpec(associationCategory: $0.category, associationTypeId: $0.typeID)])
            },
            objectWriteTraceId: input.objectWriteTraceId
        )
    }

    /// The domain input: one ``AssociationInput`` per (target, type) pair.
    public var objectInput: ObjectInput {
        let links = (associations ?? []).flatMap { association in
            association.types.map { AssociationInput(toID: association.to.id, typeID: $0.associationTypeId, category: $0.associationCategory) }
        }
        return ObjectInput(properties: properties, associations: links, objectWriteTraceId: objectWriteTraceId)
    }
}

extension SimplePublicObjectBatchInput {
    public init(_ update: ObjectUpdate) {
        self.init(id: update.id, properties: update.properties)
    }

    public var objectUpdate: ObjectUpdate { ObjectUpdate(id: id, properties: properties) }
}
