import Foundation

/// One CRM record as HubSpot models it: an id, string-valued properties and timestamps.
///
/// Generic on purpose: calls, contacts, companies, deals and tickets share this shape, and
/// properties hubcalls does not know are kept untouched. ``Call`` is a typed view over it.
/// Property values are strings or `null`, exactly as on the wire.
public struct CRMObject: Sendable, Equatable, Codable {
    public var id: String
    public var properties: [String: String?]
    public var createdAt: Date
    public var updatedAt: Date
    public var archived: Bool
    public var archivedAt: Date?
    /// Associated record ids by target type (filled only when requested).
    public var associations: [ObjectType: [AssociatedRecord]]

    public init(
        id: String,
        properties: [String: String?],
        createdAt: Date,
        updatedAt: Date,
        archived: Bool = false,
        archivedAt: Date? = nil,
        associations: [ObjectType: [AssociatedRecord]] = [:]
    ) {
        self.id = id
        self.properties = properties
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.archived = archived
        self.archivedAt = archivedAt
        self.associations = associations
    }

    /// The value of a property, with `null` and absent both as `nil`.
    public subscript(property name: String) -> String? {
        get { properties[name] ?? nil }
        set { properties[name] = .some(newValue) }
    }

    /// A value that is present and not empty.
    public func nonEmpty(_ name: String) -> String? {
        guard let value = self[property: name], !value.isEmpty else { return nil }
        return value
    }
}

/// One associated record id and the association type id that links it.
public struct AssociatedRecord: Sendable, Hashable, Codable {
    public var id: String
    public var typeId: Int

    public init(id: String, typeId: Int) {
        self.id = id
        self.typeId = typeId
    }
}

// MARK: - Record names

extension CRMObject {
    /// A human name for a contact, company, deal or ticket (falls back to the id).
    public func displayName(as type: ObjectType) -> String {
        let name: String?
        switch type {
        case .contacts:
            let full = [nonEmpty("firstname"), nonEmpty("lastname")].compactMap { $0 }.joined(separator: " ")
            name = full.isEmpty ? nonEmpty("email") : full
        case .companies: name = nonEmpty("name") ?? nonEmpty("domain")
        case .deals: name = nonEmpty("dealname")
        case .tickets: name = nonEmpty("subject")
        case .calls: name = nonEmpty(CallProperty.title)
        }
        return name ?? "\(type.label) \(id)"
    }
}
