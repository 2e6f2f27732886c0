import CallsCore
import HubSpotAPI
import Hummingbird

/// `GET /crm/v3/properties/{objectType}` (`{results: [Property]}`, no paging) and
/// `GET /crm/v3/properties/{objectType}/{propertyName}` (FINDINGS.md §3.7).
struct PropertiesController {
    let service: any CRMService

    func register(on routes: RouteTable) {
        routes.on(.get, "/crm/v3/properties/:objectType") { request, context in
            let type = try CallsController.objectType(context)
            let wanted = QueryParameters(request).list("properties").map(Set.init)
            let definitions = try await service.properties(type).filter { wanted?.contains($0.name) ?? true }
            return .json(CollectionResponse(results: definitions.map(Property.init)))
        }
        routes.on(.get, "/crm/v3/properties/:objectType/:propertyName") { _, context in
            let type = try CallsController.objectType(context)
            let name = context.parameters.get("propertyName") ?? ""
            guard let definition = try await service.properties(type).first(where: { $0.name == name }) else {
                throw APIError.notFound("Property \(String(name.prefix(100))) does not exist on \(type.rawValue)")
            }
            return .json(Property(definition))
        }
    }
}
