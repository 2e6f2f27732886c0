public import CallsCore

/// `PublicOwner` (FINDINGS.md §3.8). Ids stay strings (they exceed 32 bits); numbers are
/// accepted on input.
public struct PublicOwner: Codable, Sendable, Equatable {
    public var id: String
    public var email: String?
    public var firstName: String?
    public var lastName: String?
    public var userId: Int?
    public var userIdIncludingInactive: Int?
    /// `PERSON` or `QUEUE`.
    public var type: String
    public var teams: [PublicTeam]?
    public var archived: Bool
    public var createdAt: String?
    public var updatedAt: String?

    public init(
        id: String, email: String? = nil, firstName: String? = nil, lastName: String? = nil, userId: Int? = nil,
        userIdIncludingInactive: Int? = nil, type: String = "PERSON", teams: [PublicTeam]? = nil, archived: Bool = false,
        createdAt: String? = nil, updatedAt: String? = nil
    ) {
        self.id = id
        self.email = email
        self.firstName = firstName
        self.lastName = lastName
        self.userId = userId
        self.userIdIncludingInactive = userIdIncludingInactive
        self.type = type
        self.teams = teams
        self.archived = archived
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    private enum CodingKeys: String, CodingKey {
        case id, email, firstName, lastName, userId, userIdIncludingInactive, type, teams, archived, createdAt, updatedAt
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = c.lenientString(.id) ?? ""
        email = c.lenientString(.email)
        firstName = c.lenientString(.firstName)
        lastName = c.lenientString(.lastName)
        userId = c.lenientInt(.userId)
        userIdIncludingInactive = c.lenientInt(.userIdIncludingInactive)
        type = c.lenientString(.type) ?? "PERSON"
        teams = c.lenient([PublicTeam].self, .teams)
        archived = c.lenientBool(.archived) ?? false
        createdAt = c.lenientString(.createdAt)
        updatedAt = c.lenientString(.updatedAt)
    }
}

/// `PublicTeam`: a team an owner belongs to.
public struct PublicTeam: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var primary: Bool

    public init(id: String, name: String, primary: Bool = false) {
        self.id = id
        self.name = name
        self.primary = primary
    }

    private enum CodingKeys: String, CodingKey { case id, name, primary }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = c.lenientString(.id) ?? ""
        name = c.lenientString(.name) ?? ""
        primary = c.lenientBool(.primary) ?? false
    }
}

// MARK: - Domain conversion

extension PublicOwner {
    public init(_ owner: Owner, createdAt: String? = nil, updatedAt: String? = nil) {
        self.init(
            id: owner.id, email: owner.email, firstName: owner.firstName, lastName: owner.lastName, userId: owner.userId,
            userIdIncludingInactive: owner.userId, type: owner.type, archived: owner.archived, createdAt: createdAt, updatedAt: updatedAt
        )
    }

    public var owner: Owner {
        Owner(id: id, email: email, firstName: firstName, lastName: lastName, userId: userId ?? userIdIncludingInactive, type: type, archived: archived)
    }
}
