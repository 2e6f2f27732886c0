/// Parameters of a list request (`GET /crm/v3/objects/{type}`).
public struct ListRequest: Sendable, Equatable {
    /// Page size; HubSpot's default is 10 and its maximum 100.
    public var limit: Int
    /// The opaque cursor from the previous page's ``Page/nextAfter``.
    public var after: String?
    /// Properties to return; `nil` returns every property the backend knows for the type.
    public var properties: [String]?
    /// Target types whose associated ids to embed in each result.
    public var associations: [ObjectType]
    /// `true` lists only archived (recycle-bin) records.
    public var archived: Bool

    public init(limit: Int = 10, after: String? = nil, properties: [String]? = nil, associations: [ObjectType] = [], archived: Bool = false) {
        self.limit = limit
        self.after = after
        self.properties = properties
        self.associations = associations
        self.archived = archived
    }
}

/// One page of results and the cursor to the next (`nil` on the last page).
public struct Page: Sendable, Equatable {
    public var results: [CRMObject]
    public var nextAfter: String?

    public init(results: [CRMObject], nextAfter: String?) {
        self.results = results
        self.nextAfter = nextAfter
    }
}

/// The outcome of a batch operation: what succeeded and, per failed item, why (HubSpot's
/// 207 Multi-Status). Callers must look at ``errors``: a partial success is not a success.
public struct BatchResult: Sendable, Equatable {
    public var results: [CRMObject]
    public var errors: [CRMError]

    public init(results: [CRMObject], errors: [CRMError] = []) {
        self.results = results
        self.errors = errors
    }

    public var numErrors: Int { errors.count }
}

/// Input to create a record (`SimplePublicObjectInputForCreate`).
public struct ObjectInput: Sendable, Equatable {
    public var properties: [String: String]
    public var associations: [AssociationInput]
    /// Lets HubSpot report per-item errors in a batch create (FINDINGS.md §5.4).
    public var objectWriteTraceId: String?

    public init(properties: [String: String], associations: [AssociationInput] = [], objectWriteTraceId: String? = nil) {
        self.properties = properties
        self.associations = associations
        self.objectWriteTraceId = objectWriteTraceId
    }
}

/// An association to create together with a record: target id and association type id.
public struct AssociationInput: Sendable, Hashable {
    public var toID: String
    public var typeID: Int
    public var category: String

    public init(toID: String, typeID: Int, category: String = "HUBSPOT_DEFINED") {
        self.toID = toID
        self.typeID = typeID
        self.category = category
    }

    /// The default association from a call to `record`.
    public static func call(to record: ObjectRef) -> AssociationInput? {
        AssociationTypes.default(from: .calls, to: record.type).map { AssociationInput(toID: record.id, typeID: $0.id) }
    }
}

/// One item of a batch update: the id and the properties to change (`""` clears a value).
public struct ObjectUpdate: Sendable, Equatable {
    public var id: String
    public var properties: [String: String]

    public init(id: String, properties: [String: String]) {
        self.id = id
        self.properties = properties
    }
}
