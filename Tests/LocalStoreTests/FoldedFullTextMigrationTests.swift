import CallsCore
import Foundation
import GRDB
import Testing
@testable import LocalStore

/// `v5-folded-fulltext`: a database whose index holds text as typed (every hubcalls before
/// accent folding) is re-indexed folded when opened, and loses nothing.
@Suite struct FoldedFullTextMigrationTests {
    /// A database at `v4-duration-order` holding two calls indexed as the previous code did.
    private func previousSchemaDatabase(at path: String) async throws -> [String] {
        let queue = try DatabaseQueue(path: path)
        try LocalStoreMigrations.migrator.migrate(queue, upTo: "v4-duration-order")
        let calls = [("Call with Zoë Smith", "Notes about Ingrid Ødegaard."), ("Müller GmbH", "Ships to Hauptstraße 5.")]
        let ids = try await queue.write { db in
            var ids: [String] = []
            for (index, (title, body)) in calls.enumerated() {
                let num = Int64(10_000_000_001 + index)
                let json = StoredProperties([CallProperty.title: title, CallProperty.body: body, CallProperty.timestamp: "2025-05-02T14:00:00.000Z"]).json
                try db.execute(
                    sql: "INSERT INTO object (type, id, num, properties, createdAt, updatedAt, ts) VALUES ('calls', ?, ?, ?, ?, ?, ?)",
                    arguments: [String(num), num, json, 1_746_194_400_000 + index, 1_746_194_400_000 + index, 1_746_194_400_000]
                )
                // The previous code indexed the text as typed.
                try db.execute(sql: "INSERT INTO object_fts (rowid, title, body) VALUES (?, ?, ?)", arguments: [db.lastInsertedRowID, title, body])
                ids.append(String(num))
            }
            return ids
        }
        try queue.close()
        return ids
    }

    @Test("Opening a database indexed before folding re-indexes it folded, keeping every call")
    func upgradesIndexInPlace() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hubcalls-fold-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("old.sqlite").path
        let ids = try await previousSchemaDatabase(at: path)

        let store = try LocalCRMService(path: path)
        let (applied, indexed) = try await store.read { db in
            (try LocalStoreMigrations.migrator.appliedIdentifiers(db),
             try String.fetchAll(db, sql: "SELECT title FROM object_fts ORDER BY rowid"))
        }
        #expect(applied.contains("v5-folded-fulltext"))
        #expect(indexed == ["call with zoe smith", "muller gmbh"])

        func found(_ query: String) async throws -> [String] {
            try await store.search(.calls, SearchRequest(query: query, limit: 10)).results.map(\.id)
        }
        #expect(try await found("zoe") == [ids[0]])
        #expect(try await found("odegaard") == [ids[0]])
        #expect(try await found("Zoë") == [ids[0]])
        #expect(try await found("muller") == [ids[1]])
        #expect(try await found("strasse") == [ids[1]])
        // The records themselves are untouched: titles as typed, nothing lost.
        #expect(try await store.count(.calls) == 2)
        #expect(try await store.get(.calls, id: ids[0])[property: CallProperty.title] == "Call with Zoë Smith")
        #expect(try await store.get(.calls, id: ids[1])[property: CallProperty.body] == "Ships to Hauptstraße 5.")

        // Writes after the upgrade are indexed the same way, and reopening runs nothing twice.
        let created = try await store.create(.calls, callInput("Søren called back")).id
        let reopened = try LocalCRMService(path: path)
        #expect(try await reopened.search(.calls, SearchRequest(query: "soren", limit: 10)).results.map(\.id) == [created])
        #expect(try await reopened.count(.calls) == 3)
    }
}
