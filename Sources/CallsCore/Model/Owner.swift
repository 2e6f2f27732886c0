/// A HubSpot user or queue that can own a call (`hubspot_owner_id`). Ids can exceed 32 bits:
/// they stay strings.
public struct Owner: Sendable, Hashable, Codable {
    public var id: String
    public var email: String?
    public var firstName: String?
    public var lastName: String?
    public var userId: Int?
    public var type: String
    public var archived: Bool

    public init(
        id: String, email: String? = nil, firstName: String? = nil, lastName: String? = nil,
        userId: Int? = nil, type: String = "PERSON", archived: Bool = false
    ) {
        self.id = id
        self.email = email
        self.firstName = firstName
        self.lastName = lastName
        self.userId = userId
        self.type = type
        self.archived = archived
    }

    /// "First Last", else the email, else the id.
    public var displayName: String {
        let full = [firstName, lastName].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        if !full.isEmpty { return full }
        if let email, !email.isEmpty { return email }
        return "Owner \(id)"
    }
}
