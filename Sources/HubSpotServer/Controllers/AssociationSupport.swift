import CallsCore
import HubSpotAPI

/// Shared by the v3 and v4 association controllers.
enum AssociationSupport {
    /// Runs one input of a batch; a failure becomes that item's entry in `errors` (a 207)
    /// instead of failing the whole request.
    static func perItem(collectingInto errors: inout [StandardError], _ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as APIError {
            errors.append(StandardError(error.error))
        } catch let error as CRMError {
            errors.append(StandardError(error))
        }
    }

    /// Checks that a HubSpot-defined type id fits the pair (194 is call → contact only);
    /// other ids (user labels) are left for the service to judge.
    static func check(typeID: Int, from: ObjectType, to: ObjectType) throws {
        if let known = AssociationTypes.byID(typeID), known.from != from || known.to != to {
            throw APIError.badRequest(
                "association type \(typeID) (\(known.name)) cannot link a \(from.singular) to a \(to.singular)",
                context: ["associationTypeId": [String(typeID)]]
            )
        }
    }

    /// Resolves a v3 association type given as a number (`194`) or a name (`call_to_contact`).
    static func resolve(_ idOrName: String, from: ObjectType, to: ObjectType) throws -> Int {
        if let known = AssociationTypes.resolve(idOrName) {
            try check(typeID: known.id, from: from, to: to)
            return known.id
        }
        if let id = Int(idOrName) { return id }
        throw APIError.badRequest("Unknown association type: \(String(idOrName.prefix(100)))", context: ["associationType": [String(idOrName.prefix(100))]])
    }

    /// The default type between two object types, or a 400 when HubSpot has none.
    static func defaultType(from: ObjectType, to: ObjectType) throws -> AssociationType {
        guard let type = AssociationTypes.default(from: from, to: to) else {
            throw APIError.badRequest("No default association type exists from \(from.rawValue) to \(to.rawValue)")
        }
        return type
    }

    /// The v3 name of a type id (`call_to_contact`), or the id itself.
    static func name(of typeID: Int) -> String {
        AssociationTypes.byID(typeID)?.name ?? String(typeID)
    }

    /// The per-item error HubSpot reports for a source record without associations.
    static func noAssociations(from: ObjectType, id: String, to: ObjectType) -> CRMError {
        CRMError(
            kind: .notFound, status: 404, message: "No \(to.singular) is associated with \(from.singular) \(id).",
            category: "OBJECT_NOT_FOUND", subCategory: "crm.associations.NO_ASSOCIATIONS_FOUND",
            context: ["fromObjectId": [id], "toObjectType": [to.rawValue]], id: id
        )
    }

    /// Offset paging over an in-memory list (`after` is the offset as a string).
    static func page<T>(_ items: [T], after: String?, limit: Int) throws -> (items: [T], next: String?) {
        let offset = after.flatMap(Int.init) ?? 0
        guard offset >= 0 else { throw APIError.badRequest("invalid after cursor") }
        let slice = Array(items.dropFirst(offset).prefix(limit))
        let next = offset + slice.count < items.count ? String(offset + slice.count) : nil
        return (slice, next)
    }
}
