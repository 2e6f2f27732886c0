import CallsCore
import Foundation

// MARK: - Account metadata (cached)

extension HubSpotCRMService {
    /// `GET /crm/v3/properties/{type}`, once per type and session.
    public func properties(_ type: ObjectType) async throws -> [PropertyDefinition] {
        try await cache.properties(type) { [self] in
            let http = HubSpotRequest(.get, "/crm/v3/properties/\(type.rawValue)", endpoint: "/crm/v3/properties/{type}")
            return try await fetch(CollectionResponse<Property>.self, http).results.map(\.propertyDefinition)
        }
    }

    /// `GET /crm/v3/owners` (every page, 100 per page), once per session.
    public func owners() async throws -> [Owner] {
        try await cache.owners { [self] in
            var owners: [Owner] = []
            var after: String?
            repeat {
                var query: [(name: String, value: String)] = [("limit", "100")]
                if let after { query.append(("after", after)) }
                let http = HubSpotRequest(.get, "/crm/v3/owners", endpoint: "/crm/v3/owners", query: query)
                let page = try await fetch(CollectionResponse<PublicOwner>.self, http)
                owners += page.results.map(\.owner)
                after = page.nextAfter
            } while after != nil
            return owners
        }
    }

    /// `GET /calling/v1/dispositions` (a bare array), once per session; deleted ones dropped.
    public func outcomes() async throws -> [Outcome] {
        try await cache.outcomes { [self] in
            let http = HubSpotRequest(.get, "/calling/v1/dispositions", endpoint: "/calling/v1/dispositions")
            return try await fetch([Disposition].self, http).filter { $0.deleted != true && !$0.id.isEmpty }.map(\.outcome)
        }
    }
}
