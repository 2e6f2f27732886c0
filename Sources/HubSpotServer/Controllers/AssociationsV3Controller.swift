import CallsCore
import Foundation
import HubSpotAPI
import Hummingbird

/// The legacy v3 association routes (FINDINGS.md §3.3, §3.5): per-record
/// `PUT/DELETE /crm/v3/objects/{type}/{id}/associations/{toType}/{toId}/{associationType}`,
/// `GET …/associations/{toType}`, and `/crm/v3/associations/{from}/{to}/batch/*`.
struct AssociationsV3Controller {
    let service: any CRMService

    func register(on routes: RouteTable) {
        let pair = "/crm/v3/objects/:objectType/:objectId/associations/:toObjectType/:toObjectId/:associationType"
        routes.on(.put, pair) { request, context in try await associate(request, context) }
        routes.on(.delete, pair) { request, context in try await remove(request, context) }
        routes.on(.get, "/crm/v3/objects/:objectType/:objectId/associations/:toObjectType") { request, context in try await list(request, context) }
        let batch = "/crm/v3/associations/:fromObjectType/:toObjectType/batch"
        routes.on(.post, "\(batch)/create") { request, context in try await batchCreate(request, context) }
        routes.on(.post, "\(batch)/read") { request, context in try await batchRead(request, context) }
        routes.on(.post, "\(batch)/archive") { request, context in try await batchArchive(request, context) }
    }

    /// `PUT`: 200 with the record and its associations of the target type.
    func associate(_ request: Request, _ context: HubSpotRequestContext) async throws -> Response {
        let (from, to) = try AssociationRoute.pair(context)
        let typeID = try AssociationSupport.resolve(context.parameters.get("associationType") ?? "", from: from.type, to: to.type)
        try await service.associate(from, with: to, typeID: typeID)
        let object = try await service.get(from.type, id: from.id, properties: PropertyProjection.defaults(for: from.type), associations: [to.type])
        return .json(SimplePublicObject(PropertyProjection.withSystemProperties(object)))
    }

    /// `DELETE`: 204.
    func remove(_ request: Request, _ context: HubSpotRequestContext) async throws -> Response {
        let (from, to) = try AssociationRoute.pair(context)
        _ = try AssociationSupport.resolve(context.parameters.get("associationType") ?? "", from: from.type, to: to.type)
        try await service.removeAssociation(from, with: to)
        return .noContent
    }

    /// `GET …/associations/{toType}`: `{results: [{id, type}], paging}`.
    func list(_ request: Request, _ context: HubSpotRequestContext) async throws -> Response {
        let route = try AssociationRoute(context)
        let (items, next) = try route.page(try await service.associations(of: route.from, to: route.to), request)
        return .json(AssociatedIdCollection(results: items.map { AssociatedId(id: $0.id, type: AssociationSupport.name(of: $0.typeId)) }, paging: .after(next)))
    }

    // MARK: - Batch

    func batchCreate(_ request: Request, _ context: HubSpotRequestContext) async throws -> Response {
        let (fromType, toType) = try AssociationRoute.types(context)
        var request = request
        let body = try await request.decodeJSON(BatchInput<PublicAssociation>.self, context: context)
        var results: [PublicAssociation] = []
        var errors: [StandardError] = []
        for input in body.inputs {
            try await AssociationSupport.perItem(collectingInto: &errors) {
                let typeID = try AssociationSupport.resolve(input.type, from: fromType, to: toType)
                try await service.associate(ObjectRef(fromType, input.from.id), with: ObjectRef(toType, input.to.id), typeID: typeID)
                results.append(PublicAssociation(from: input.from, to: input.to, type: AssociationSupport.name(of: typeID)))
            }
        }
        return .batch(results, errors: errors, success: .created)
    }

    func batchRead(_ request: Request, _ context: HubSpotRequestContext) async throws -> Response {
        let (fromType, toType) = try AssociationRoute.types(context)
        var request = request
        let body = try await request.decodeJSON(BatchInput<PublicObjectId>.self, context: context)
        let found = try await service.batchAssociations(from: fromType, ids: body.inputs.map(\.id), to: toType)
        var results: [PublicAssociationMulti] = []
        var errors: [StandardError] = []
        for input in body.inputs {
            let records = found[input.id] ?? []
            if records.isEmpty {
                errors.append(StandardError(AssociationSupport.noAssociations(from: fromType, id: input.id, to: toType)))
            } else {
                results.append(PublicAssociationMulti(from: input, to: records.map { AssociatedId(id: $0.id, type: AssociationSupport.name(of: $0.typeId)) }))
            }
        }
        return .batch(results, errors: errors, success: .ok)
    }

    func batchArchive(_ request: Request, _ context: HubSpotRequestContext) async throws -> Response {
        let (fromType, toType) = try AssociationRoute.types(context)
        var request = request
        let body = try await request.decodeJSON(BatchInput<PublicAssociation>.self, context: context)
        for input in body.inputs {
            try? await service.removeAssociation(ObjectRef(fromType, input.from.id), with: ObjectRef(toType, input.to.id))
        }
        return .noContent
    }

}
