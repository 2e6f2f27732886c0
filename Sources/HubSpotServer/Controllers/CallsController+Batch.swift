import CallsCore
import Foundation
import HubSpotAPI
import Hummingbird

// MARK: - Batch operations (FINDINGS.md §5.2, §5.4)

extension CallsController {
    /// `POST …/batch/create`: 201, or 207 with per-item errors when every input carries a
    /// unique `objectWriteTraceId`; otherwise one bad input fails the whole request (HubSpot's
    /// rule), and records created before the failure are archived again.
    func batchCreate(_ request: Request, _ context: HubSpotRequestContext) async throws -> Response {
        let type = try Self.objectType(context)
        var request = request
        let body = try await request.decodeJSON(BatchInput<SimplePublicObjectInputForCreate>.self, context: context)
        try Self.checkBatchSize(body.inputs.count)
        let result = try await service.batchCreate(type, body.inputs.map(\.objectInput))
        let traceIds = body.inputs.compactMap(\.objectWriteTraceId)
        let perItem = traceIds.count == body.inputs.count && Set(traceIds).count == traceIds.count
        if let first = result.errors.first, !perItem {
            for created in result.results { try? await service.archive(type, id: created.id) }
            throw APIError(first, status: first.httpStatus == 500 ? 400 : first.httpStatus)
        }
        return batchResponse(result.results.map(PropertyProjection.withSystemProperties), errors: result.errors, success: .created)
    }

    /// `POST …/batch/read`: 200, or 207 listing the ids that were not found.
    func batchRead(_ request: Request, _ context: HubSpotRequestContext) async throws -> Response {
        let type = try Self.objectType(context)
        var request = request
        let body = try await request.decodeJSON(BatchReadInput.self, context: context)
        try Self.checkBatchSize(body.inputs.count)
        var ids: [String] = []
        var missing: [String] = []
        for input in body.inputs {
            if let idProperty = body.idProperty, idProperty != CallProperty.objectId {
                if let match = try await find(type, property: idProperty, value: input.id) { ids.append(match.id) } else { missing.append(input.id) }
            } else {
                ids.append(input.id)
            }
        }
        let result = try await service.batchRead(type, ids: ids, properties: PropertyProjection.names(for: type, requested: body.properties))
        var objects: [CRMObject] = []
        for object in result.results { objects.append(await projection.project(object, type: type, requested: body.properties)) }
        var errors = result.errors
        errors += missing.map { CRMError.notFound(type, id: $0) }
        return batchResponse(objects, errors: Self.mergeNotFound(errors, type: type), success: .ok)
    }

    /// `POST …/batch/update`: 200, or 207 with per-item errors.
    func batchUpdate(_ request: Request, _ context: HubSpotRequestContext) async throws -> Response {
        let type = try Self.objectType(context)
        var request = request
        let body = try await request.decodeJSON(BatchInput<SimplePublicObjectBatchInput>.self, context: context)
        try Self.checkBatchSize(body.inputs.count)
        var updates: [ObjectUpdate] = []
        var errors: [CRMError] = []
        for input in body.inputs {
            do {
                let id = try await resolveID(input.id, idProperty: input.idProperty, type: type)
                updates.append(ObjectUpdate(id: id, properties: input.properties))
            } catch let error as CRMError {
                errors.append(error)
            }
        }
        let result = try await service.batchUpdate(type, updates)
        return batchResponse(result.results.map(PropertyProjection.withSystemProperties), errors: errors + result.errors, success: .ok)
    }

    /// `POST …/batch/upsert`: updates the record whose `idProperty` equals `id`, or creates one
    /// with that value; results carry `new`. Without `idProperty` the id is a record id and
    /// must exist.
    func batchUpsert(_ request: Request, _ context: HubSpotRequestContext) async throws -> Response {
        let type = try Self.objectType(context)
        var request = request
        let body = try await request.decodeJSON(BatchInput<SimplePublicObjectBatchInputUpsert>.self, context: context)
        try Self.checkBatchSize(body.inputs.count)
        var results: [SimplePublicObject] = []
        var errors: [CRMError] = []
        for input in body.inputs {
            do {
                let existing: String?
                if let idProperty = input.idProperty, idProperty != CallProperty.objectId {
                    existing = try await find(type, property: idProperty, value: input.id)?.id
                } else {
                    existing = input.id
                }
                if let existing {
                    var object = SimplePublicObject(PropertyProjection.withSystemProperties(try await service.update(type, id: existing, properties: input.properties)))
                    object.new = false
                    results.append(object)
                } else {
                    var properties = input.properties
                    if let idProperty = input.idProperty { properties[idProperty] = input.id }
                    var object = SimplePublicObject(PropertyProjection.withSystemProperties(try await service.create(type, ObjectInput(properties: properties))))
                    object.new = true
                    results.append(object)
                }
            } catch let error as CRMError {
                var error = error
                if error.id == nil { error.id = input.id }
                errors.append(error)
            }
        }
        let response = BatchResponse(results: results, errors: errors.map(StandardError.init), at: Date())
        return .json(response, status: errors.isEmpty ? .ok : .multiStatus)
    }

    /// `POST …/batch/archive`: 204 whatever the ids (HubSpot does not report missing ones).
    func batchArchive(_ request: Request, _ context: HubSpotRequestContext) async throws -> Response {
        let type = try Self.objectType(context)
        var request = request
        let body = try await request.decodeJSON(BatchInput<PublicObjectId>.self, context: context)
        try Self.checkBatchSize(body.inputs.count)
        _ = try await service.batchArchive(type, ids: body.inputs.map(\.id))
        return .noContent
    }

    // MARK: - Helpers

    private func batchResponse(_ objects: [CRMObject], errors: [CRMError], success: HTTPResponse.Status) -> Response {
        let response = BatchResponse(results: objects.map { SimplePublicObject($0) }, errors: errors.map(StandardError.init), at: Date())
        return .json(response, status: errors.isEmpty ? success : .multiStatus)
    }

    static func checkBatchSize(_ count: Int) throws {
        guard count <= maxBatchInputs else {
            throw APIError.badRequest("Batch size exceeds the limit of \(maxBatchInputs) inputs", context: ["inputs": [String(count)]])
        }
    }

    /// HubSpot reports every missing id of a batch read in one error with `context.ids`.
    static func mergeNotFound(_ errors: [CRMError], type: ObjectType) -> [CRMError] {
        let notFound = errors.filter { $0.kind == .notFound }
        guard notFound.count > 1 || (notFound.count == 1 && notFound[0].context["ids"] == nil) else { return errors }
        let ids = notFound.flatMap { $0.context["ids"] ?? $0.id.map { [$0] } ?? $0.context["id"] ?? [] }
        let merged = CRMError(
            kind: .notFound, status: 404,
            message: "Could not get some \(type.singular.uppercased()) objects, they may be deleted or not exist. Check that ids are valid.",
            category: "OBJECT_NOT_FOUND", context: ["ids": ids]
        )
        return [merged] + errors.filter { $0.kind != .notFound }
    }
}
