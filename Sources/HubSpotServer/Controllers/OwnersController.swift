import CallsCore
import HubSpotAPI
import Hummingbird

/// `GET /crm/v3/owners` (`limit` default 100, `after`, `email`, `archived`) and
/// `GET /crm/v3/owners/{ownerId}` (`idProperty=id|userId`) (FINDINGS.md §3.8).
struct OwnersController {
    let service: any CRMService

    /// The store keeps no dates for owners, but `createdAt`/`updatedAt` are required fields
    /// (the official Python client refuses an owner without them): a fixed, obviously
    /// synthetic date.
    static let timestamp = "2020-01-01T00:00:00.000Z"

    func register(on routes: RouteTable) {
        routes.on(.get, "/crm/v3/owners") { request, _ in
            let query = QueryParameters(request)
            let archived = query.bool("archived")
            var owners = try await service.owners().filter { $0.archived == archived }
            if let email = query.string("email")?.lowercased() { owners = owners.filter { $0.email?.lowercased() == email } }
            let limit = min(max(try query.int("limit") ?? 100, 1), 500)
            let (items, next) = try AssociationSupport.page(owners, after: query.string("after"), limit: limit)
            return .json(CollectionResponse(results: items.map { PublicOwner($0, createdAt: Self.timestamp, updatedAt: Self.timestamp) }, paging: .after(next)))
        }
        routes.on(.get, "/crm/v3/owners/:ownerId") { request, context in
            let query = QueryParameters(request)
            let key = context.parameters.get("ownerId") ?? ""
            let byUserID = query.string("idProperty") == "userId"
            let owners = try await service.owners()
            guard let owner = owners.first(where: { byUserID ? $0.userId.map(String.init) == key : $0.id == key }) else {
                throw APIError.notFound("Owner \(String(key.prefix(100))) does not exist")
            }
            return .json(PublicOwner(owner, createdAt: Self.timestamp, updatedAt: Self.timestamp))
        }
    }
}
