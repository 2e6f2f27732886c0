import CallsCore

/// HubSpot's rules for which properties a record comes back with (FINDINGS.md §4):
/// without `properties`, a small default set per type; with it, the named ones, `null` when a
/// known property has no value, unknown names silently left out. `hs_object_id`,
/// `hs_createdate` and `hs_lastmodifieddate` are always there.
final class PropertyProjection: Sendable {
    private let service: any CRMService
    private let known = Locked<[ObjectType: Set<String>]>([:])

    init(service: any CRMService) { self.service = service }

    static let always = [CallProperty.objectId, CallProperty.createDate, CallProperty.lastModified]

    /// HubSpot's defaults when a request names no properties.
    static func defaults(for type: ObjectType) -> [String] {
        switch type {
        case .calls: return always
        case .contacts: return always + ["firstname", "lastname", "email"]
        case .companies: return always + ["name", "domain"]
        case .deals: return always + ["dealname", "amount", "dealstage"]
        case .tickets: return always + ["subject", "content", "hs_pipeline_stage"]
        }
    }

    /// The names to ask the service for.
    static func names(for type: ObjectType, requested: [String]?) -> [String] {
        guard let requested, !requested.isEmpty else { return defaults(for: type) }
        var names = always
        for name in requested where !names.contains(name) { names.append(name) }
        return names
    }

    /// Projects a record onto the requested properties (or the defaults).
    func project(_ object: CRMObject, type: ObjectType, requested: [String]?) async -> CRMObject {
        let names = Self.names(for: type, requested: requested)
        let knownNames = await knownProperties(type)
        let full = Self.withSystemProperties(object)
        var projected: [String: String?] = [:]
        for name in names {
            if let value = full.properties[name] { projected[name] = value }
            else if knownNames.contains(name) { projected[name] = .some(nil) }
        }
        var result = full
        result.properties = projected
        return result
    }

    /// A record with the three system properties filled in from its id and timestamps.
    static func withSystemProperties(_ object: CRMObject) -> CRMObject {
        var result = object
        if result[property: CallProperty.objectId] == nil { result[property: CallProperty.objectId] = object.id }
        if result[property: CallProperty.createDate] == nil { result[property: CallProperty.createDate] = HubSpotTimestamp.format(object.createdAt) }
        if result[property: CallProperty.lastModified] == nil { result[property: CallProperty.lastModified] = HubSpotTimestamp.format(object.updatedAt) }
        return result
    }

    private func knownProperties(_ type: ObjectType) async -> Set<String> {
        if let cached = known.withLock({ $0[type] }) { return cached }
        let names = Set(((try? await service.properties(type)) ?? []).map(\.name)).union(Self.defaults(for: type))
        known.withLock { $0[type] = names }
        return names
    }
}
