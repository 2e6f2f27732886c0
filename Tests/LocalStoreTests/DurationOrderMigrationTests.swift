import CallsCore
import Foundation
import GRDB
import Testing
@testable import LocalStore

/// `v4-duration-order`: a database written by the previous schema (migrations up to
/// `v3-change-counter`) opens with its data intact and sorts by duration from the new index.
@Suite struct DurationOrderMigrationTests {
    @Test("A v3 database with calls gains the duration index on open and keeps every call")
    func upgradesFromV3() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hubcalls-v4-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("old.sqlite").path

        // The previous schema, filled the way the previous code wrote records.
        let queue = try DatabaseQueue(path: path)
        try LocalStoreMigrations.migrator.migrate(queue, upTo: "v3-change-counter")
        let durations: [String?] = ["60000", nil, "5000", "60000", "0", "123456", nil, "900"]
        try await queue.write { db in
            for (index, duration) in durations.enumerated() {
                var properties = [CallProperty.timestamp: "2025-05-0\(index + 1)T10:00:00.000Z", CallProperty.title: "Old call \(index)"]
                properties[CallProperty.duration] = duration
                try ObjectTable.insert(db, .calls, id: String(10_000_000_001 + index), properties: StoredProperties(properties), createdAt: 1_700_000_000_000 + Int64(index), updatedAt: 1_700_000_000_000)
            }
        }
        try queue.close()
        let applied = try await DatabaseQueue(path: path).read { try LocalStoreMigrations.migrator.appliedIdentifiers($0) }
        #expect(!applied.contains("v4-duration-order"))

        let store = try LocalCRMService(path: path)
        let (indexes, nowApplied) = try await store.read { db in
            (try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'object'"),
             try LocalStoreMigrations.migrator.appliedIdentifiers(db))
        }
        #expect(indexes.contains("object_duration"))
        #expect(nowApplied.contains("v4-duration-order"))
        #expect(try await store.count(.calls) == durations.count)

        // Longest first, ties by id (newest id first), no duration last; with and without text.
        let expected = durations.enumerated()
            .sorted { a, b in
                let (x, y) = (a.element.flatMap { Int64($0) }, b.element.flatMap { Int64($0) })
                return x == y ? a.offset > b.offset : (x ?? -1) > (y ?? -1)
            }
            .map { String(10_000_000_001 + $0.offset) }
        let longest = [SortRule(CallProperty.duration, ascending: false)]
        #expect(try await store.search(.calls, SearchRequest(sorts: longest, limit: 100)).results.map(\.id) == expected)
        #expect(try await store.search(.calls, SearchRequest(sorts: longest, query: "old call", limit: 100)).results.map(\.id) == expected)
        let plan = try await store.explainSearch(.calls, SearchRequest(sorts: longest, limit: 100))
        #expect(plan.contains { $0.contains("object_duration") })
        #expect(!plan.contains { $0.contains("TEMP B-TREE") })
    }
}
