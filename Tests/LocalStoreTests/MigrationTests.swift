import CallsCore
import Foundation
import GRDB
import Testing
@testable import LocalStore

@Suite struct MigrationTests {
    private func temporaryPath() -> (directory: URL, path: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hubcalls-migrate-\(UUID().uuidString)")
        return (directory, directory.appendingPathComponent("nested/db.sqlite").path)
    }

    @Test("An empty file is migrated to the full schema, in WAL mode")
    func migratesEmptyFile() async throws {
        let (directory, path) = temporaryPath()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))

        let store = try LocalCRMService(path: path)
        let (tables, applied, journal) = try await store.read { db in
            (try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name"),
             try LocalStoreMigrations.migrator.appliedIdentifiers(db),
             try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "")
        }
        for table in ["object", "association", "object_fts", "outcome", "owner", "idSequence", "changeCounter"] {
            #expect(tables.contains(table))
        }
        #expect(applied == ["v1-objects", "v1-associations", "v1-fulltext", "v1-account", "v2-covering-timeline", "v3-change-counter", "v4-duration-order", "v5-folded-fulltext"])
        #expect(journal == "wal")
        _ = try await store.create(.calls, callInput())
        #expect(try await store.count(.calls) == 1)
    }

    @Test("Reopening a database keeps its data and runs no migration twice")
    func reopenKeepsData() async throws {
        let (directory, path) = temporaryPath()
        defer { try? FileManager.default.removeItem(at: directory) }
        let id = try await LocalCRMService(path: path).create(.calls, callInput("Kept")).id
        let reopened = try LocalCRMService(path: path)
        #expect(try await reopened.get(.calls, id: id)[property: CallProperty.title] == "Kept")
        #expect(try await reopened.count(.calls) == 1)
    }

    @Test("A database made by the first schema version is upgraded in place")
    func upgradesFromV1() async throws {
        let (directory, path) = temporaryPath()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: path)
        try LocalStoreMigrations.migrator.migrate(queue, upTo: "v1-account")
        try queue.close()
        let store = try LocalCRMService(path: path)
        let columns = try await store.read { db in try Row.fetchAll(db, sql: "PRAGMA index_info('object_timeline')").map { $0["name"] as String } }
        #expect(columns.contains("status"))
    }

    @Test("A file that is not a database gives an error naming the path")
    func notADatabase() throws {
        let (directory, path) = temporaryPath()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        do {
            _ = try LocalCRMService(path: path)
            Issue.record("expected an error")
        } catch let error as CRMError {
            #expect(error.message.contains(path))
        }
    }
}

@Suite struct DefaultDatabaseLocationTests {
    @Test("The default database lives under XDG_DATA_HOME, else ~/.local/share")
    func location() {
        #expect(DefaultDatabaseLocation.path(environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/u"]) == "/data/hubcalls/hubcalls.sqlite")
        #expect(DefaultDatabaseLocation.path(environment: ["HOME": "/home/u"]) == "/home/u/.local/share/hubcalls/hubcalls.sqlite")
        // A relative XDG_DATA_HOME is invalid per the spec and ignored.
        #expect(DefaultDatabaseLocation.path(environment: ["XDG_DATA_HOME": "data", "HOME": "/home/u"]) == "/home/u/.local/share/hubcalls/hubcalls.sqlite")
    }
}
