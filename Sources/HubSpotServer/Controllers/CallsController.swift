import CallsCore
import Foundation
import HubSpotAPI
import Hummingbird

/// The object API (FINDINGS.md §3.1, §3.2, §3.10) for calls and for the records a call is
/// pinned to and associated with (contacts, companies, deals, tickets): list, get, create,
/// update, archive, batch operations and search, under `/crm/v3/objects/{type}` and
/// `/crm/objects/2026-03/{type}`. The object type comes from the path (plural, singular or a
/// type id such as `0-48`).
struct CallsController {
    let service: any CRMService
    let projection: PropertyProjection
    let searchLimits: SearchLimitConfiguration

    static let prefixes = ["/crm/v3/objects", "/crm/objects/2026-03"]
    /// HubSpot's documented page and batch sizes.
    static let maxListLimit = 100
    static let maxBatchInputs = 100

    func register(on routes: RouteTable) {
        let collection = Self.prefixes.map { "\($0)/:objectType" }
        let item = Self.prefixes.map { "\($0)/:objectType/:objectId" }
        func batch(_ name: String) -> [String] { Self.prefixes.map { "\($0)/:objectType/batch/\(name)" } }

        routes.on(.get, collection) { request, context in try await list(request, context) }
        routes.on(.post, collection) { request, context in try await create(request, context) }
        routes.on(.get, item) { request, context in try await get(request, context) }
        routes.on(.patch, item) { request, context in try await update(request, context) }
        routes.on(.delete, item) { request, context in try await archive(request, context) }
        routes.on(.post, Self.prefixes.map { "\($0)/:objectType/search" }) { request, context in try await search(request, context) }
        routes.on(.post, batch("create")) { request, context in try await batchCreate(request, context) }
        routes.on(.post, batch("read")) { request, context in try await batchRead(request, context) }
        routes.on(.post, batch("update")) { request, context in try await batchUpdate(request, context) }
        routes.on(.post, batch("upsert")) { request, context in try await batchUpsert(request, context) }
        routes.on(.post, batch("archive")) { request, context in try await batchArchive(request, context) }
    }

    // MARK: - Single records

    /// `GET …/{type}`: a page in id order; `limit` defaults to 10 and is capped at 100.
    func list(_ request: Request, _ context: HubSpotRequestContext) async throws -> Response {
        let type = try Self.objectType(context)
        let query = QueryParameters(request)
        let limit = try query.int("limit") ?? 10
        guard limit >= 1 else { throw APIError.badRequest("limit must be at least 1", context: ["limit": [String(limit)]]) }
        let requested = query.list("properties")
        let list = ListRequest(
            limit: min(limit, Self.maxListLimit), after: query.string("after"),
            properties: PropertyProjection.names(for: type, requested: requested),
            associations: query.objectTypes("associations"), archived: query.bool("archived")
        )
        let page = try await service.list(type, list)
        var results: [CRMObject] = []
        for object in page.results { results.append(await projection.project(object, type: type, requested: requested)) }
        return .json(data: RecordJSON.data(CollectionResponse(Page(results: results, nextAfter: page.nextAfter))))
    }

    /// `GET …/{type}/{id}`: one record, 404 when missing or archived.
    func get(_ request: Request, _ context: HubSpotRequestContext) async throws -> Response {
        let type = try Self.objectType(context)
        let query = QueryParameters(request)
        let requested = query.list("properties")
        let id = try await resolveID(try Self.objectID(context), idProperty: query.string("idProperty"), type: type)
        let names = PropertyProjection.names(for: type, requested: requested)
        let object: CRMObject
        if query.bool("archived") {
            object = try await archivedRecord(type, id: id, properties: names, associations: query.objectTypes("associations"))
        } else {
            object = try await service.get(type, id: id, properties: names, associations: query.objectTypes("associations"))
        }
        return .json(SimplePublicObject(await projection.project(object, type: type, requested: requested)))
    }

    /// `archived=true` returns only archived records (HubSpot's meaning); the service has no
    /// "get archived", so this walks the recycle bin, which stays small.
    private func archivedRecord(_ type: ObjectType, id: String, properties: [String], associations: [ObjectType]) async throws -> CRMObject {
        var after: String?
        for _ in 0..<1000 {
            let page = try await service.list(type, ListRequest(limit: Self.maxListLimit, after: after, properties: properties, associations: associations, archived: true))
            if let match = page.results.first(where: { $0.id == id }) { return match }
            guard let next = page.nextAfter else { break }
            after = next
        }
        throw CRMError.notFound(type, id: id)
    }

    /// `POST …/{type}`: 201 with the new record; associations in the body are created with it.
    func create(_ request: Request, _ context: HubSpotRequestContext) async throws -> Response {
        let type = try Self.objectType(context)
        var request = request
        let input = try await request.decodeJSON(SimplePublicObjectInputForCreate.self, context: context)
        let object = try await service.create(type, input.objectInput)
        return .json(SimplePublicObject(PropertyProjection.withSystemProperties(object)), status: .created)
    }

    /// `PATCH …/{type}/{id}`: changes the given properties (`""` clears). Pinning a call on a
    /// record requires the call to be associated with it (the service enforces it).
    func update(_ request: Request, _ context: HubSpotRequestContext) async throws -> Response {
        let type = try Self.objectType(context)
        let query = QueryParameters(request)
        let id = try await resolveID(try Self.objectID(context), idProperty: query.string("idProperty"), type: type)
        var request = request
        let input = try await request.decodeJSON(SimplePublicObjectInput.self, context: context)
        let object = try await service.update(type, id: id, properties: input.properties)
        return .json(SimplePublicObject(PropertyProjection.withSystemProperties(object)))
    }

    /// `DELETE …/{type}/{id}`: 204; the record moves to the recycle bin.
    func archive(_ request: Request, _ context: HubSpotRequestContext) async throws -> Response {
        let type = try Self.objectType(context)
        try await service.archive(type, id: try Self.objectID(context))
        return .noContent
    }

    // MARK: - Path parsing

    static func objectType(_ context: HubSpotRequestContext, _ name: String = "objectType") throws -> ObjectType {
        let raw = context.parameters.get(name) ?? ""
        guard let type = ObjectType(apiName: raw) else {
            throw APIError.badRequest("Unable to infer object type from: \(String(raw.prefix(100)))", context: ["objectType": [String(raw.prefix(100))]])
        }
        return type
    }

    static func objectID(_ context: HubSpotRequestContext, _ name: String = "objectId") throws -> String {
        guard let id = context.parameters.get(name), !id.isEmpty else { throw APIError.badRequest("missing object id") }
        return id
    }

    /// The record id for a path or batch id given as the value of `idProperty`.
    func resolveID(_ value: String, idProperty: String?, type: ObjectType) async throws -> String {
        guard let idProperty, idProperty != CallProperty.objectId else { return value }
        guard let match = try await find(type, property: idProperty, value: value) else {
            throw CRMError.notFound(type, id: value)
        }
        return match.id
    }

    /// The first record whose `property` equals `value` (unique properties, upsert).
    func find(_ type: ObjectType, property: String, value: String) async throws -> CRMObject? {
        let search = SearchRequest(filterGroups: [FilterGroup([Filter(property, .eq, value)])], properties: [property], limit: 1)
        return try await service.search(type, search).results.first
    }
}
