import CallsCore
import Foundation
import GRDB

// MARK: - Account metadata: properties, owners, outcomes

extension LocalCRMService {
    public func properties(_ type: ObjectType) async throws -> [PropertyDefinition] {
        let catalog = try await read { db in try Self.outcomeCatalog(db) }
        return StandardProperties.definitions(for: type, outcomes: catalog)
    }

    public func owners() async throws -> [Owner] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT id, email, firstName, lastName, userId, type, archived FROM owner ORDER BY position, id").map {
                Owner(id: $0[0], email: $0[1], firstName: $0[2], lastName: $0[3], userId: $0[4], type: $0[5], archived: $0[6])
            }
        }
    }

    /// The six default outcomes, then the custom ones, as `GET /calling/v1/dispositions`.
    public func outcomes() async throws -> [Outcome] {
        try await read { db in try Self.outcomeCatalog(db).outcomes }
    }

    /// Adds a custom outcome (or renames one with the same id). A new GUID is made when `id`
    /// is `nil`.
    /// - Throws: ``CallsCore/CRMError`` when the label is empty or already used.
    @discardableResult
    public func addOutcome(label: String, id: String? = nil) async throws -> Outcome {
        let trimmed = label.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw CRMError.invalid("An outcome needs a label") }
        let outcome = Outcome(id: (id ?? UUID().uuidString).lowercased(), label: trimmed)
        try await write { db in try Self.insertOutcome(db, outcome) }
        return outcome
    }

    static func insertOutcome(_ db: Database, _ outcome: Outcome) throws {
        let catalog = try outcomeCatalog(db)
        if let clash = catalog.outcomes.first(where: { $0.label.lowercased() == outcome.label.lowercased() && $0.id != outcome.id }) {
            throw CRMError(kind: .conflict, status: 409, message: "An outcome labelled \"\(clash.label)\" already exists (\(clash.id))", category: "CONFLICT")
        }
        let position = try Int.fetchOne(db, sql: "SELECT coalesce(max(position), -1) + 1 FROM outcome") ?? 0
        try db.execute(sql: "INSERT OR REPLACE INTO outcome (id, label, position) VALUES (?, ?, ?)", arguments: [outcome.id, outcome.label, position])
    }

    /// Adds or replaces an owner.
    public func addOwner(_ owner: Owner) async throws {
        try await write { db in try Self.insertOwner(db, owner) }
    }

    static func insertOwner(_ db: Database, _ owner: Owner) throws {
        let position = try Int.fetchOne(db, sql: "SELECT coalesce(max(position), -1) + 1 FROM owner") ?? 0
        try db.execute(sql: """
            INSERT OR REPLACE INTO owner (id, email, firstName, lastName, userId, type, archived, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [owner.id, owner.email, owner.firstName, owner.lastName, owner.userId, owner.type, owner.archived, position])
    }
}
