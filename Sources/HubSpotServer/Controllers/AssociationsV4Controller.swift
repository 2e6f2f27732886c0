import CallsCore
import Foundation
import HubSpotAPI
import Hummingbird

/// Associations v4 (FINDINGS.md §3.4, §3.6, §5.7): per-pair PUT (default or with specs),
/// DELETE and GET under `/crm/v4/objects/…` and `/crm/objects/2026-03/…`; batch
/// create/associate-default/read/archive/labels-archive under `/crm/v4/associations/…`; the
/// labels list.
struct AssociationsV4Controller {
    let service: any CRMService

    static let objectPrefixes = ["/crm/v4/objects", "/crm/objects/2026-03"]
    static let maxBatchRead = 1000

    func register(on routes: RouteTable) {
        let base = Self.objectPrefixes.map { "\($0)/:objectType/:objectId/associations" }
        routes.on(.put, base.map { "\($0)/default/:toObjectType/:toObjectId" }) { request, context in try await associateDefault(request, context) }
        routes.on(.put, base.map { "\($0)/:toObjectType/:toObjectId" }) { request, context in try await associateLabelled(request, context) }
        routes.on(.delete, base.map { "\($0)/:toObjectType/:toObjectId" }) { request, context in try await remove(request, context) }
        routes.on(.get, base.map { "\($0)/:toObjectType" }) { request, context in try await list(request, context) }

        let batch = "/crm/v4/associations/:fromObjectType/:toObjectType/batch"
        routes.on(.post, "\(batch)/create") { request, context in try await batchCreate(request, context) }
        routes.on(.post, "\(batch)/associate/default") { request, context in try await batchAssociateDefault(request, context) }
        routes.on(.post, "\(batch)/read") { request, context in try await batchRead(request, context) }
        routes.on(.post, "\(batch)/archive") { request, context in try await batchArchive(request, context) }
        routes.on(.post, "\(batch)/labels/archive") { request, context in try await batchArchiveLabels(request, context) }
        // The newest schema file spells the labels path /crm/associations/v4/…; serve both.
        routes.on(.get, ["/crm/v4/associations/:fromObjectType/:toObjectType/labels", "/crm/associations/v4/:fromObjectType/:toObjectType/labels"]) { request, context in
            try await labels(request, context)
        }
    }

    // MARK: - One pair

    /// `PUT …/associations/default/{toType}/{toId}`: 200 `BatchResponsePublicDefaultAssociation`
    /// listing both directions.
    func associateDefault(_ request: Request, _ context: HubSpotRequestContext) async throws -> Response {
        let (from, to) = try AssociationRoute.pair(context)
        let forward = try AssociationSupport.defaultType(from: from.type, to: to.type)
        try await service.associate(from, with: to, typeID: nil)
        return .json(BatchResponse(results: Self.defaultResults(from, to, forward), at: Date()))
    }

    /// `PUT …/associations/{toType}/{toId}` with `[AssociationSpec]`: 201 `LabelsBetweenObjectPair`.
    func associateLabelled(_ request: Request, _ context: HubSpotRequestContext) async throws -> Response {
        let (from, to) = try AssociationRoute.pair(context)
        var request = request
        let specs = try await request.decodeJSON([AssociationSpec].self, context: context)
        guard !specs.isEmpty else { throw APIError.badRequest("at least one association spec is required") }
        for spec in specs { try AssociationSupport.check(typeID: spec.associationTypeId, from: from.type, to: to.type) }
        for spec in specs { try await service.associate(from, with: to, typeID: spec.associationTypeId) }
        let pair = LabelsBetweenObjectPair(fromObjectTypeId: from.type.typeId, fromObjectId: from.id, toObjectTypeId: to.type.typeId, toObjectId: to.id, labels: [])
        var headers = HTTPFields()
        headers[.location] = "/crm/v4/objects/\(from.type.rawValue)/\(from.id)/associations/\(to.type.rawValue)"
        return .json(pair, status: .created, headers: headers)
    }

    /// `DELETE …/associations/{toType}/{toId}`: 204; removes every type between the pair.
    func remove(_ request: Request, _ context: HubSpotRequestContext) async throws -> Response {
        let (from, to) = try AssociationRoute.pair(context)
        try await service.removeAssociation(from, with: to)
        return .noContent
    }

    /// `GET …/associations/{toType}`: targets with all their types; `limit` default/max 500.
    func list(_ request: Request, _ context: HubSpotRequestContext) async throws -> Response {
        let route = try AssociationRoute(context)
        let (items, next) = try route.page(MultiAssociatedObjectWithLabel.grouped(try await service.associations(of: route.from, to: route.to)), request)
        return .json(CollectionResponse(results: items, paging: .after(next)))
    }

    // MARK: - Batch

    /// `POST …/batch/create`: 201, or 207 with per-item errors.
    func batchCreate(_ request: Request, _ context: HubSpotRequestContext) async throws -> Response {
        let (fromType, toType) = try AssociationRoute.types(context)
        var request = request
        let body = try await request.decodeJSON(BatchInput<PublicAssociationMultiPost>.self, context: context)
        var results: [LabelsBetweenObjectPair] = []
        var errors: [StandardError] = []
        for input in body.inputs {
            try await AssociationSupport.perItem(collectingInto: &errors) {
                let from = ObjectRef(fromType, input.from.id), to = ObjectRef(toType, input.to.id)
                let types = input.types.isEmpty ? [AssociationSpec(associationTypeId: try AssociationSupport.defaultType(from: fromType, to: toType).id)] : input.types
                for spec in types { try AssociationSupport.check(typeID: spec.associationTypeId, from: fromType, to: toType) }
                for spec in types { try await service.associate(from, with: to, typeID: spec.associationTypeId) }
                results.append(LabelsBetweenObjectPair(fromObjectTypeId: fromType.typeId, fromObjectId: from.id, toObjectTypeId: toType.typeId, toObjectId: to.id, labels: []))
            }
        }
        return .batch(results, errors: errors, success: .created)
    }

    /// `POST …/batch/associate/default`: 200 with both directions of every pair.
    func batchAssociateDefault(_ request: Request, _ context: HubSpotRequestContext) async throws -> Response {
        let (fromType, toType) = try AssociationRoute.types(context)
        let forward = try AssociationSupport.defaultType(from: fromType, to: toType)
        var request = request
        let body = try await request.decodeJSON(BatchInput<PublicDefaultAssociationMultiPost>.self, context: context)
        var results: [PublicDefaultAssociation] = []
        var errors: [StandardError] = []
        for input in body.inputs {
            let from = ObjectRef(fromType, input.from.id), to = ObjectRef(toType, input.to.id)
            try await AssociationSupport.perItem(collectingInto: &errors) {
                try await service.associate(from, with: to, typeID: nil)
                results += Self.defaultResults(from, to, forward)
            }
        }
        return .batch(results, errors: errors, success: .ok)
    }

    /// `POST …/batch/read`: 200, or 207 naming sources without associations.
    func batchRead(_ request: Request, _ context: HubSpotRequestContext) async throws -> Response {
        let (fromType, toType) = try AssociationRoute.types(context)
        var request = request
        let body = try await request.decodeJSON(BatchInput<PublicFetchAssociationsBatchRequest>.self, context: context)
        guard body.inputs.count <= Self.maxBatchRead else {
            throw APIError.badRequest("Batch size exceeds the limit of \(Self.maxBatchRead) inputs", context: ["inputs": [String(body.inputs.count)]])
        }
        let found = try await service.batchAssociations(from: fromType, ids: body.inputs.map(\.id), to: toType)
        var results: [PublicAssociationMultiWithLabel] = []
        var errors: [StandardError] = []
        for input in body.inputs {
            let grouped = MultiAssociatedObjectWithLabel.grouped(found[input.id] ?? [])
            if grouped.isEmpty {
                errors.append(StandardError(AssociationSupport.noAssociations(from: fromType, id: input.id, to: toType)))
                continue
            }
            let (items, next) = try AssociationSupport.page(grouped, after: input.after, limit: AssociationRoute.maxPage)
            results.append(PublicAssociationMultiWithLabel(from: PublicObjectId(id: input.id), to: items, paging: .after(next)))
        }
        return .batch(results, errors: errors, success: .ok)
    }

    /// `POST …/batch/archive`: 204.
    func batchArchive(_ request: Request, _ context: HubSpotRequestContext) async throws -> Response {
        let (fromType, toType) = try AssociationRoute.types(context)
        var request = request
        let body = try await request.decodeJSON(BatchInput<PublicAssociationMultiArchive>.self, context: context)
        for input in body.inputs {
            for target in input.to {
                try? await service.removeAssociation(ObjectRef(fromType, input.from.id), with: ObjectRef(toType, target.id))
            }
        }
        return .noContent
    }

    /// `POST …/batch/labels/archive`: 204. Only unlabelled types exist here, and deleting the
    /// unlabelled type removes the whole association (as on HubSpot).
    func batchArchiveLabels(_ request: Request, _ context: HubSpotRequestContext) async throws -> Response {
        let (fromType, toType) = try AssociationRoute.types(context)
        var request = request
        let body = try await request.decodeJSON(BatchInput<PublicAssociationMultiPost>.self, context: context)
        for input in body.inputs {
            try? await service.removeAssociation(ObjectRef(fromType, input.from.id), with: ObjectRef(toType, input.to.id))
        }
        return .noContent
    }

    /// `GET /crm/v4/associations/{from}/{to}/labels`: the HubSpot-defined types for the pair.
    func labels(_ request: Request, _ context: HubSpotRequestContext) async throws -> Response {
        let (fromType, toType) = try AssociationRoute.types(context)
        let specs = AssociationTypes.all.filter { $0.from == fromType && $0.to == toType }.map(AssociationSpecWithLabel.init)
        return .json(CollectionResponse(results: specs))
    }

    // MARK: - Helpers

    private static func defaultResults(_ from: ObjectRef, _ to: ObjectRef, _ forward: AssociationType) -> [PublicDefaultAssociation] {
        var results = [PublicDefaultAssociation(from: PublicObjectId(id: from.id), to: PublicObjectId(id: to.id), associationSpec: AssociationSpec(associationTypeId: forward.id))]
        if let reverse = AssociationTypes.reverse(of: forward) {
            results.append(PublicDefaultAssociation(from: PublicObjectId(id: to.id), to: PublicObjectId(id: from.id), associationSpec: AssociationSpec(associationTypeId: reverse.id)))
        }
        return results
    }
}
