/// The CRM object types hubcalls works with.
///
/// Raw values are HubSpot's plural path names (`/crm/v3/objects/contacts`). HubSpot also
/// accepts the singular name (`contact`) and the type id (`0-1`) in paths and in the
/// `associations.contact` search pseudo-property; ``init(apiName:)`` accepts all three.
public enum ObjectType: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case calls, contacts, companies, deals, tickets

    /// HubSpot's object type id (`0-48` for calls).
    public var typeId: String {
        switch self {
        case .contacts: "0-1"
        case .companies: "0-2"
        case .deals: "0-3"
        case .tickets: "0-5"
        case .calls: "0-48"
        }
    }

    /// The singular name used in association names and search pseudo-properties (`contact`).
    public var singular: String {
        switch self {
        case .calls: "call"
        case .contacts: "contact"
        case .companies: "company"
        case .deals: "deal"
        case .tickets: "ticket"
        }
    }

    /// A label for people (`Contact`).
    public var label: String { singular.prefix(1).uppercased() + singular.dropFirst() }

    /// Record types a call can be associated with, in display order.
    public static let recordTypes: [ObjectType] = [.contacts, .companies, .deals, .tickets]

    /// Parses a plural name, a singular name or a type id, case-insensitively.
    public init?(apiName: String) {
        let name = apiName.lowercased()
        guard let match = ObjectType.allCases.first(where: {
            $0.rawValue == name || $0.singular == name || $0.typeId == name
        }) else { return nil }
        self = match
    }

    public static func < (lhs: ObjectType, rhs: ObjectType) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A reference to one CRM record.
public struct ObjectRef: Sendable, Hashable, Codable, CustomStringConvertible {
    public var type: ObjectType
    public var id: String

    public init(_ type: ObjectType, _ id: String) {
        self.type = type
        self.id = id
    }

    public var description: String { "\(type.singular) \(id)" }
}
