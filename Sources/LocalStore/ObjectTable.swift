import CallsCore
import Foundation
import GRDB

/// Synchronous reads and writes of records inside one database transaction, shared by the
/// service, its batch operations and the demo seed.
enum ObjectTable {
    // MARK: - Reading

    enum Visibility { case live, archived, any }

    static func fetch(_ db: Database, _ type: ObjectType, id: String, visibility: Visibility = .live) throws -> ObjectRow? {
        var sql = "SELECT \(ObjectRow.selection) FROM object WHERE type = ? AND id = ?"
        switch visibility {
        case .live: sql += " AND archived = 0"
        case .archived: sql += " AND archived = 1"
        case .any: break
        }
        return try Row.fetchOne(db, sql: sql, arguments: [type.rawValue, id]).map { ObjectRow(row: $0, type: type) }
    }

    /// Rows by internal rowid, in the order of `rowids`, with the stored properties named in
    /// `properties` (`nil`: all of them), for ``ObjectRow/object(properties:)`` with the same
    /// names.
    static func fetch(_ db: Database, _ type: ObjectType, rowids: [Int64], properties: [String]?) throws -> [ObjectRow] {
        guard !rowids.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: rowids.count).joined(separator: ",")
        let rows = try Row.fetchAll(db, sql: "SELECT \(ObjectRow.selection) FROM object WHERE rowid IN (\(marks))", arguments: StatementArguments(rowids))
        let keys = properties.map(Set.init)
        var byRowid: [Int64: ObjectRow] = [:]
        for row in rows {
            let object = ObjectRow(row: row, type: type, keeping: keys)
            byRowid[object.rowid] = object
        }
        return rowids.compactMap { byRowid[$0] }
    }

    /// Live rows by HubSpot id, with the stored properties named in `properties` (`nil`: all
    /// of them), for ``ObjectRow/object(properties:)`` with the same names.
    static func fetch(_ db: Database, _ type: ObjectType, ids: [String], properties: [String]?) throws -> [String: ObjectRow] {
        let keys = properties.map(Set.init)
        var byID: [String: ObjectRow] = [:]
        let unique = Array(Set(ids))
        for start in stride(from: 0, to: unique.count, by: 500) {
            let chunk = unique[start..<min(unique.count, start + 500)]
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            let rows = try Row.fetchAll(
                db, sql: "SELECT \(ObjectRow.selection) FROM object WHERE type = ? AND id IN (\(marks)) AND archived = 0",
                arguments: StatementArguments([type.rawValue] + chunk)
            )
            for row in rows {
                let object = ObjectRow(row: row, type: type, keeping: keys)
                byID[object.id] = object
            }
        }
        return byID
    }

    static func exists(_ db: Database, _ ref: ObjectRef) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM object WHERE type = ? AND id = ? AND archived = 0)", arguments: [ref.type.rawValue, ref.id]) ?? false
    }

    // MARK: - Ids

    /// Where generated ids start for each type: HubSpot-sized numbers, so code paths that
    /// would break on ids past 2^32 break here too.
    static func firstID(for type: ObjectType) -> Int64 {
        switch type {
        case .calls: 10_000_000_001
        case .contacts: 100_001
        case .companies: 9_100_000_001
        case .deals: 8_200_000_001
        case .tickets: 1_700_000_001
        }
    }

    /// The next id for `type`, never one used before (archived rows included).
    static func nextID(_ db: Database, _ type: ObjectType) throws -> Int64 {
        let stored = try Int64.fetchOne(db, sql: "SELECT next FROM idSequence WHERE type = ?", arguments: [type.rawValue])
        let maxUsed = try Int64.fetchOne(db, sql: "SELECT max(num) FROM object WHERE type = ?", arguments: [type.rawValue]).map { $0 + 1 }
        let next = max(stored ?? firstID(for: type), maxUsed ?? firstID(for: type))
        try db.execute(sql: "INSERT OR REPLACE INTO idSequence (type, next) VALUES (?, ?)", arguments: [type.rawValue, next + 1])
        return next
    }

    // MARK: - Writing

    /// Inserts a record and its full-text entry; returns its rowid.
    @discardableResult
    static func insert(_ db: Database, _ type: ObjectType, id: String, properties: StoredProperties, createdAt: Int64, updatedAt: Int64) throws -> Int64 {
        let columns = properties.columns(for: type)
        let statement = try db.cachedStatement(sql: """
            INSERT INTO object (type, id, num, properties, createdAt, updatedAt, archived, ts, status, disposition, owner, direction, hasVoicemail, duration)
            VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?)
            """)
        try statement.execute(arguments: [
            type.rawValue, id, Int64(id) ?? 0, properties.json, createdAt, updatedAt,
            columns.ts, columns.status, columns.disposition, columns.owner, columns.direction, columns.hasVoicemail, columns.duration,
        ])
        let rowid = db.lastInsertedRowID
        try writeFullText(db, rowid: rowid, type: type, properties: properties, replacing: false)
        return rowid
    }

    /// Rewrites a record's properties, indexed columns and full-text entry.
    static func update(_ db: Database, _ row: ObjectRow, properties: StoredProperties, updatedAt: Int64) throws {
        let columns = properties.columns(for: row.type)
        try db.execute(sql: """
            UPDATE object SET properties = ?, updatedAt = ?, ts = ?, status = ?, disposition = ?, owner = ?, direction = ?, hasVoicemail = ?, duration = ?
            WHERE rowid = ?
            """, arguments: [
                properties.json, updatedAt, columns.ts, columns.status, columns.disposition, columns.owner, columns.direction,
                columns.hasVoicemail, columns.duration, row.rowid,
            ])
        try writeFullText(db, rowid: row.rowid, type: row.type, properties: properties, replacing: true)
    }

    /// Writes the record's entry in `object_fts`. The text is stored folded
    /// (`SearchFolding`: no case, no accents) and queries are folded the same way, so `zoe`
    /// finds "Zoë"; the index is only ever matched, never shown.
    static func writeFullText(_ db: Database, rowid: Int64, type: ObjectType, properties: StoredProperties, replacing: Bool) throws {
        if replacing {
            try db.cachedStatement(sql: "DELETE FROM object_fts WHERE rowid = ?").execute(arguments: [rowid])
        }
        let title = SearchFolding.fold(properties.searchTitle(for: type))
        let body = SearchFolding.fold(properties.searchBody(for: type))
        guard !title.isEmpty || !body.isEmpty else { return }
        try db.cachedStatement(sql: "INSERT INTO object_fts (rowid, title, body) VALUES (?, ?, ?)").execute(arguments: [rowid, title, body])
    }

    static func setArchived(_ db: Database, _ row: ObjectRow, archived: Bool, at time: Int64) throws {
        try db.execute(sql: "UPDATE object SET archived = ?, archivedAt = ? WHERE rowid = ?", arguments: [archived, archived ? time : nil, row.rowid])
    }

    // MARK: - Associations

    /// Stores an association and its reverse (194 call→contact and 193 contact→call).
    static func associate(_ db: Database, from: ObjectRef, to: ObjectRef, typeID: Int) throws {
        let insert = try db.cachedStatement(sql: "INSERT OR IGNORE INTO association (fromType, fromId, toType, toId, typeId) VALUES (?, ?, ?, ?, ?)")
        try insert.execute(arguments: [from.type.rawValue, from.id, to.type.rawValue, to.id, typeID])
        let reverseID = AssociationTypes.byID(typeID).flatMap(AssociationTypes.reverse(of:))?.id
            ?? AssociationTypes.default(from: to.type, to: from.type)?.id
            ?? typeID
        try insert.execute(arguments: [to.type.rawValue, to.id, from.type.rawValue, from.id, reverseID])
    }

    /// Removes every association type between two records, both directions (v4 semantics).
    static func removeAssociations(_ db: Database, _ a: ObjectRef, _ b: ObjectRef) throws {
        let delete = try db.cachedStatement(sql: "DELETE FROM association WHERE fromType = ? AND fromId = ? AND toType = ? AND toId = ?")
        try delete.execute(arguments: [a.type.rawValue, a.id, b.type.rawValue, b.id])
        try delete.execute(arguments: [b.type.rawValue, b.id, a.type.rawValue, a.id])
    }

    /// Live (not archived) records of `target` associated with each of `ids`.
    static func associations(_ db: Database, from type: ObjectType, ids: [String], to target: ObjectType) throws -> [String: [AssociatedRecord]] {
        var out: [String: [AssociatedRecord]] = [:]
        guard !ids.isEmpty else { return out }
        for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            var arguments: [(any DatabaseValueConvertible)?] = [type.rawValue, target.rawValue]
            arguments.append(contentsOf: chunk.map { $0 as (any DatabaseValueConvertible)? })
            let rows = try Row.fetchAll(db, sql: """
                SELECT a.fromId, a.toId, a.typeId FROM association a
                JOIN object o ON o.type = a.toType AND o.id = a.toId AND o.archived = 0
                WHERE a.fromType = ? AND a.toType = ? AND a.fromId IN (\(marks))
                ORDER BY a.fromId, o.num, a.typeId
                """, arguments: StatementArguments(arguments))
            for row in rows {
                let fromID: String = row[0]
                out[fromID, default: []].append(AssociatedRecord(id: row[1], typeId: row[2]))
            }
        }
        return out
    }
}
