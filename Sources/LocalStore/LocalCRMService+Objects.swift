import CallsCore
import Foundation
import GRDB

// MARK: - Single records

extension LocalCRMService {
    public func get(_ type: ObjectType, id: String, properties: [String]?, associations: [ObjectType]) async throws -> CRMObject {
        try await get(type, id: id, properties: properties, associations: associations, archived: false)
    }

    /// Reads one record; with `archived: true`, one in the recycle bin.
    public func get(_ type: ObjectType, id: String, properties: [String]?, associations: [ObjectType], archived: Bool) async throws -> CRMObject {
        try await read { db in
            guard let row = try ObjectTable.fetch(db, type, id: id, visibility: archived ? .archived : .live) else {
                throw CRMError.notFound(type, id: id)
            }
            var object = row.object(properties: properties)
            for target in associations {
                object.associations[target] = try ObjectTable.associations(db, from: type, ids: [id], to: target)[id] ?? []
            }
            return object
        }
    }

    public func create(_ type: ObjectType, _ input: ObjectInput) async throws -> CRMObject {
        try await write { db in
            try Self.create(db, type, input, now: Self.nowMilliseconds())
        }
    }

    public func update(_ type: ObjectType, id: String, properties: [String: String]) async throws -> CRMObject {
        try await write { db in
            try Self.update(db, type, id: id, properties: properties, now: Self.nowMilliseconds())
        }
    }

    public func archive(_ type: ObjectType, id: String) async throws {
        try await write { db in
            guard let row = try ObjectTable.fetch(db, type, id: id) else { throw CRMError.notFound(type, id: id) }
            try ObjectTable.setArchived(db, row, archived: true, at: Self.nowMilliseconds())
        }
    }

    /// Takes a record out of the recycle bin; its associations come back with it.
    /// - Throws: ``CallsCore/CRMError/Kind/notFound`` when no archived record has this id.
    @discardableResult
    public func restore(_ type: ObjectType, id: String) async throws -> CRMObject {
        try await write { db in
            guard let row = try ObjectTable.fetch(db, type, id: id, visibility: .archived) else {
                throw CRMError(kind: .notFound, status: 404, message: "No \(type.singular) with id \(id) in the recycle bin", category: "OBJECT_NOT_FOUND", context: ["id": [id]], id: id)
            }
            try ObjectTable.setArchived(db, row, archived: false, at: 0)
            var restored = row
            restored.archived = false
            restored.archivedAt = nil
            return restored.object(properties: nil)
        }
    }

    /// The number of live (or, with `archived: true`, recycled) records of a type.
    public func count(_ type: ObjectType, archived: Bool = false) async throws -> Int {
        try await read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM object WHERE type = ? AND archived = ?", arguments: [type.rawValue, archived]) ?? 0
        }
    }

    // MARK: - List

    /// Records in id order. `after` is the numeric id to start at (HubSpot's form), so a page
    /// boundary stays put when records are created or archived between pages.
    public func list(_ type: ObjectType, _ request: ListRequest) async throws -> Page {
        let limit = max(1, min(request.limit, options.maxListLimit))
        var start = Int64.min
        if let after = request.after, !after.isEmpty {
            guard let value = Int64(after) else {
                throw CRMError.invalid("Invalid paging cursor \"\(after.prefix(40))\": pass the `after` value of the previous page", context: ["after": [String(after.prefix(40))]])
            }
            start = value
        }
        let first = start
        return try await read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT \(ObjectRow.selection) FROM object
                WHERE type = ? AND archived = ? AND num >= ?
                ORDER BY num, id LIMIT ?
                """, arguments: [type.rawValue, request.archived, first, limit + 1]).map { ObjectRow(row: $0, type: type) }
            let page = Array(rows.prefix(limit))
            var objects = page.map { $0.object(properties: request.properties) }
            try Self.attachAssociations(db, type: type, objects: &objects, targets: request.associations)
            let next = rows.count > limit ? page.last.map { String($0.num + 1) } : nil
            return Page(results: objects, nextAfter: next)
        }
    }

    static func attachAssociations(_ db: Database, type: ObjectType, objects: inout [CRMObject], targets: [ObjectType]) throws {
        guard !targets.isEmpty, !objects.isEmpty else { return }
        let ids = objects.map(\.id)
        for target in targets {
            let found = try ObjectTable.associations(db, from: type, ids: ids, to: target)
            for index in objects.indices {
                objects[index].associations[target] = found[objects[index].id] ?? []
            }
        }
    }
}

// MARK: - Synchronous cores (shared with batches)

extension LocalCRMService {
    static func outcomeCatalog(_ db: Database) throws -> OutcomeCatalog {
        let rows = try Row.fetchAll(db, sql: "SELECT id, label FROM outcome ORDER BY position, id")
        return OutcomeCatalog(custom: rows.map { Outcome(id: $0[0], label: $0[1]) })
    }

    static func create(_ db: Database, _ type: ObjectType, _ input: ObjectInput, now: Int64) throws -> CRMObject {
        let validator = PropertyValidator(type: type, outcomes: try outcomeCatalog(db))
        var values = try validator.normalize(input.properties, creating: true)
        values = values.filter { !$0.value.isEmpty }

        var links: [(ObjectRef, Int)] = []
        for association in input.associations {
            guard let kind = AssociationTypes.byID(association.typeID), kind.from == type else {
                throw CRMError.invalid("Association type \(association.typeID) cannot link a \(type.singular) to another record; use one of \(AssociationTypes.all.filter { $0.from == type }.map { "\($0.id) (\($0.name))" }.joined(separator: ", "))", context: ["associationTypeId": [String(association.typeID)]])
            }
            let target = ObjectRef(kind.to, association.toID)
            guard try ObjectTable.exists(db, target) else {
                throw CRMError.invalid("Cannot associate the new \(type.singular) with \(target): no \(kind.to.singular) with id \(association.toID)", context: ["toObjectId": [association.toID]])
            }
            links.append((target, kind.id))
        }
        if type != .calls, let pinned = values[CallProperty.pinnedEngagement] {
            // A new record has no associations yet but the ones in this input.
            guard links.contains(where: { $0.0 == ObjectRef(.calls, pinned) }) else {
                throw pinError(call: pinned, record: ObjectRef(type, "(new)"), reason: "the call is not associated with this \(type.singular)")
            }
        }
        if type == .calls, let body = values[CallProperty.body] {
            values[CallProperty.bodyPreview] = BodyPreview.make(body)
        }
        let id = String(try ObjectTable.nextID(db, type))
        let stored = StoredProperties(values)
        try ObjectTable.insert(db, type, id: id, properties: stored, createdAt: now, updatedAt: now)
        for (target, typeID) in links {
            try ObjectTable.associate(db, from: ObjectRef(type, id), to: target, typeID: typeID)
        }
        guard let row = try ObjectTable.fetch(db, type, id: id) else { throw CRMError.notFound(type, id: id) }
        return row.object(properties: nil)
    }

    static func update(_ db: Database, _ type: ObjectType, id: String, properties: [String: String], now: Int64) throws -> CRMObject {
        guard let row = try ObjectTable.fetch(db, type, id: id) else { throw CRMError.notFound(type, id: id) }
        let validator = PropertyValidator(type: type, outcomes: try outcomeCatalog(db))
        let changes = try validator.normalize(properties, creating: false)
        if type != .calls, let pinned = changes[CallProperty.pinnedEngagement], !pinned.isEmpty {
            try checkPin(db, call: pinned, record: ObjectRef(type, id))
        }
        var values = row.properties.values
        for (name, value) in changes {
            values[name] = value.isEmpty ? nil : value
        }
        if type == .calls, changes[CallProperty.body] != nil {
            values[CallProperty.bodyPreview] = values[CallProperty.body].map(BodyPreview.make)
            if values[CallProperty.bodyPreview]?.isEmpty == true { values[CallProperty.bodyPreview] = nil }
        }
        // Keep hs_lastmodifieddate strictly increasing, even for two edits in one millisecond.
        let updatedAt = max(now, row.updatedAt + 1)
        try ObjectTable.update(db, row, properties: StoredProperties(values), updatedAt: updatedAt)
        var updated = row
        updated.properties = StoredProperties(values)
        updated.updatedAt = updatedAt
        return updated.object(properties: nil)
    }

    /// HubSpot's pin rule: the call must exist and be associated with the record.
    static func checkPin(_ db: Database, call: String, record: ObjectRef) throws {
        guard try ObjectTable.exists(db, ObjectRef(.calls, call)) else {
            throw pinError(call: call, record: record, reason: "no call with id \(call) exists")
        }
        let associated = try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM association WHERE fromType = ? AND fromId = ? AND toType = 'calls' AND toId = ?)
            """, arguments: [record.type.rawValue, record.id, call]) ?? false
        guard associated else {
            throw pinError(call: call, record: record, reason: "the call is not associated with this \(record.type.singular); associate them first")
        }
    }

    static func pinError(call: String, record: ObjectRef, reason: String) -> CRMError {
        let message = "Cannot pin call \(call) on \(record): \(reason)"
        return CRMError(
            kind: .validation, status: 400, message: message, category: "VALIDATION_ERROR",
            context: ["propertyName": [CallProperty.pinnedEngagement]],
            errors: [CRMError.Detail(message: message, code: "INVALID_PINNED_ENGAGEMENT", context: ["propertyName": [CallProperty.pinnedEngagement]])]
        )
    }
}
