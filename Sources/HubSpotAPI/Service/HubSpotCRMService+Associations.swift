import CallsCore
import Foundation

// MARK: - Associations (v4)

extension HubSpotCRMService {
    /// `PUT /crm/v4/objects/{from}/{id}/associations/default/{to}/{toId}` without a type id,
    /// else the labelled PUT with `[{associationCategory, associationTypeId}]`.
    public func associate(_ from: ObjectRef, with to: ObjectRef, typeID: Int?) async throws {
        let base = "/crm/v4/objects/\(from.type.rawValue)/\(HubSpotRequest.segment(from.id))/associations"
        let http: HubSpotRequest
        if let typeID {
            let category = AssociationTypes.byID(typeID) == nil ? "USER_DEFINED" : "HUBSPOT_DEFINED"
            http = HubSpotRequest(
                .put, "\(base)/\(to.type.rawValue)/\(HubSpotRequest.segment(to.id))",
                endpoint: "/crm/v4/objects/{type}/{id}/associations/{toType}/{toId}",
                body: body([AssociationSpec(associationCategory: category, associationTypeId: typeID)])
            )
        } else {
            http = HubSpotRequest(
                .put, "\(base)/default/\(to.type.rawValue)/\(HubSpotRequest.segment(to.id))",
                endpoint: "/crm/v4/objects/{type}/{id}/associations/default/{toType}/{toId}"
            )
        }
        let response = try await executor.send(http)
        // A 207 here means the pair could not be linked (HubSpot reports it per item).
        if response.status == 207, let batch = try? decode(BatchResponse<PublicDefaultAssociation>.self, response, for: http),
           let first = batch.errors?.first {
            throw first.crmError
        }
    }

    /// `DELETE /crm/v4/objects/{from}/{id}/associations/{to}/{toId}`: every type between the pair.
    public func removeAssociation(_ from: ObjectRef, with to: ObjectRef) async throws {
        let http = HubSpotRequest(
            .delete, "/crm/v4/objects/\(from.type.rawValue)/\(HubSpotRequest.segment(from.id))/associations/\(to.type.rawValue)/\(HubSpotRequest.segment(to.id))",
            endpoint: "/crm/v4/objects/{type}/{id}/associations/{toType}/{toId}"
        )
        _ = try await executor.send(http)
    }

    /// `GET /crm/v4/objects/{type}/{id}/associations/{toType}`, every page (500 per page).
    public func associations(of record: ObjectRef, to type: ObjectType) async throws -> [AssociatedRecord] {
        var records: [AssociatedRecord] = []
        var after: String?
        repeat {
            var query: [(name: String, value: String)] = [("limit", "500")]
            if let after { query.append(("after", after)) }
            let http = HubSpotRequest(
                .get, "/crm/v4/objects/\(record.type.rawValue)/\(HubSpotRequest.segment(record.id))/associations/\(type.rawValue)",
                endpoint: "/crm/v4/objects/{type}/{id}/associations/{toType}", query: query
            )
            let page = try await fetch(CollectionResponse<MultiAssociatedObjectWithLabel>.self, http)
            records += page.results.flatMap(\.associatedRecords)
            after = page.nextAfter
        } while after != nil
        return records
    }

    /// `POST /crm/v4/associations/{from}/{to}/batch/read` — one request for up to 1000 source
    /// records (more pages only for records with over 500 associations). Records with no
    /// associations map to an empty list; HubSpot's per-item "no associations" errors are
    /// not failures.
    public func batchAssociations(from type: ObjectType, ids: [String], to target: ObjectType) async throws -> [String: [AssociatedRecord]] {
        var result: [String: [AssociatedRecord]] = [:]
        let unique = ids.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        for id in unique { result[id] = [] }
        var pending = unique.map { PublicFetchAssociationsBatchRequest(id: $0) }
        while !pending.isEmpty {
            let chunk = Array(pending.prefix(1000))
            pending.removeFirst(chunk.count)
            let http = HubSpotRequest(
                .post, "/crm/v4/associations/\(type.rawValue)/\(target.rawValue)/batch/read",
                endpoint: "/crm/v4/associations/{from}/{to}/batch/read",
                body: body(BatchInput(inputs: chunk)), idempotent: true
            )
            let response = try await fetch(BatchResponse<PublicAssociationMultiWithLabel>.self, http)
            for item in response.results {
                result[item.from.id, default: []] += item.to.flatMap(\.associatedRecords)
                if let after = item.paging?.next?.after {
                    pending.append(PublicFetchAssociationsBatchRequest(id: item.from.id, after: after))
                }
            }
        }
        return result
    }
}
