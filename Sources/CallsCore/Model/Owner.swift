/// A HubSpot user or queue that can own a call (`hubspot_owner_id`). Ids can exceed 32 bits:
/// they stay strings.
///
/// Logged calls get an owner the way HubSpot's UI gives them the logging user: HubSpot has no
/// call that says whose a private-app token is, so the user names themselves (the config
/// file's `owner`, or `hubcalls log --owner`), and ``matching(_:in:)`` finds the owner.
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

    /// The owner a person means by `text`: an id, an email or a display name, compared
    /// case-insensitively (what `hubcalls log --owner` and the config file's `owner` take).
    public static func matching(_ text: String, in owners: [Owner]) -> Owner? {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !key.isEmpty else { return nil }
        return owners.first { $0.id == key || $0.email?.lowercased() == key || $0.displayName.lowercased() == key }
    }

    /// "First Last", else the email, else the id.
    public var displayName: String {
        let full = [firstName, lastName].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        if !full.isEmpty { return full }
        if let email, !email.isEmpty { return email }
        return "Owner \(id)"
    }
}
