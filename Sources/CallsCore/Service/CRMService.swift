/// The shared API core: everything the browser and CLI do to a CRM, whichever backend
/// answers (the embedded SQLite store, or HubSpot over HTTP).
///
/// Operations mirror HubSpot's REST API so that one implementation can be a thin HTTP client
/// and another can back a HubSpot-compatible server. All ids are strings. Errors are
/// ``CRMError``s. Implementations are `Sendable` and safe to call concurrently.
public protocol CRMService: Sendable {
    // MARK: Objects

    /// A page of records in id order, with an opaque cursor.
    func list(_ type: ObjectType, _ request: ListRequest) async throws -> Page
    /// Search with filter groups, one sort, free text and offset paging.
    func search(_ type: ObjectType, _ request: SearchRequest) async throws -> SearchPage
    /// One record; throws ``CRMError/Kind/notFound`` when it does not exist (or is archived).
    func get(_ type: ObjectType, id: String, properties: [String]?, associations: [ObjectType]) async throws -> CRMObject
    /// Creates a record with its associations; validates like HubSpot does.
    func create(_ type: ObjectType, _ input: ObjectInput) async throws -> CRMObject
    /// Changes the given properties only (`""` clears a value).
    func update(_ type: ObjectType, id: String, properties: [String: String]) async throws -> CRMObject
    /// Moves a record to the recycle bin.
    func archive(_ type: ObjectType, id: String) async throws

    // MARK: Batches (per-item errors, HubSpot's 207)

    func batchCreate(_ type: ObjectType, _ inputs: [ObjectInput]) async throws -> BatchResult
    func batchRead(_ type: ObjectType, ids: [String], properties: [String]?) async throws -> BatchResult
    func batchUpdate(_ type: ObjectType, _ inputs: [ObjectUpdate]) async throws -> BatchResult
    func batchArchive(_ type: ObjectType, ids: [String]) async throws -> BatchResult

    // MARK: Associations

    /// Associates two records with a type id (`nil`: the default type between them).
    func associate(_ from: ObjectRef, with to: ObjectRef, typeID: Int?) async throws
    /// Removes every association between the two records (v4 semantics).
    func removeAssociation(_ from: ObjectRef, with to: ObjectRef) async throws
    /// The records of `type` associated with `record`.
    func associations(of record: ObjectRef, to type: ObjectType) async throws -> [AssociatedRecord]
    /// Associations for many records at once (v4 batch read), keyed by source id.
    func batchAssociations(from type: ObjectType, ids: [String], to target: ObjectType) async throws -> [String: [AssociatedRecord]]

    // MARK: Account metadata

    func properties(_ type: ObjectType) async throws -> [PropertyDefinition]
    func owners() async throws -> [Owner]
    /// The account's call outcomes as `GET /calling/v1/dispositions` lists them.
    func outcomes() async throws -> [Outcome]
}

// MARK: - Conveniences shared by every backend

extension CRMService {
    /// Pins `callID` on `record` (`hs_pinned_engagement_id`); the call must be associated with
    /// the record, as HubSpot requires. `nil` unpins.
    @discardableResult
    public func pin(callID: String?, on record: ObjectRef) async throws -> CRMObject {
        try await update(record.type, id: record.id, properties: [CallProperty.pinnedEngagement: callID ?? ""])
    }

    /// The outcome catalogue: defaults merged with the account's custom outcomes.
    public func outcomeCatalog() async throws -> OutcomeCatalog {
        OutcomeCatalog(custom: try await outcomes())
    }

    public func get(_ type: ObjectType, id: String) async throws -> CRMObject {
        try await get(type, id: id, properties: nil, associations: [])
    }
}
