/// A HubSpot-defined association type between two object types (FINDINGS.md §7).
public struct AssociationType: Sendable, Hashable {
    public var id: Int
    public var from: ObjectType
    public var to: ObjectType
    /// Snake-case name HubSpot accepts in place of the id (`call_to_contact`).
    public var name: String { "\(from.singular)_to_\(to.singular)" }
    public var category: String { "HUBSPOT_DEFINED" }

    public init(id: Int, from: ObjectType, to: ObjectType) {
        self.id = id
        self.from = from
        self.to = to
    }
}

/// The association type table. These ids are global: the same in every portal.
public enum AssociationTypes {
    public static let all: [AssociationType] = [
        AssociationType(id: 194, from: .calls, to: .contacts),
        AssociationType(id: 193, from: .contacts, to: .calls),
        AssociationType(id: 182, from: .calls, to: .companies),
        AssociationType(id: 181, from: .companies, to: .calls),
        AssociationType(id: 206, from: .calls, to: .deals),
        AssociationType(id: 205, from: .deals, to: .calls),
        AssociationType(id: 220, from: .calls, to: .tickets),
        AssociationType(id: 219, from: .tickets, to: .calls),
    ]

    /// The default (unlabelled) type from one object type to another.
    public static func `default`(from: ObjectType, to: ObjectType) -> AssociationType? {
        all.first { $0.from == from && $0.to == to }
    }

    public static func byID(_ id: Int) -> AssociationType? { all.first { $0.id == id } }

    /// Looks up a type given as a number (`194`) or a name (`call_to_contact`).
    public static func resolve(_ idOrName: String) -> AssociationType? {
        if let id = Int(idOrName) { return byID(id) }
        let key = idOrName.lowercased()
        return all.first { $0.name == key }
    }

    /// The type that points back the other way (194 ↔ 193).
    public static func reverse(of type: AssociationType) -> AssociationType? {
        `default`(from: type.to, to: type.from)
    }
}
