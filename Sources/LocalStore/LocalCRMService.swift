import CallsCore
import Foundation
import GRDB

/// The embedded backend: a ``CallsCore/CRMService`` over one SQLite file (GRDB, WAL).
///
/// Records of every type live in one `object` table (HubSpot ids kept verbatim as text, a
/// JSON properties column, indexed columns for what the browser sorts and filters on),
/// associations in both directions in `association`, call titles and notes in an FTS5
/// trigram index. Archiving moves a record to the recycle bin; ``restore(_:id:)`` brings it
/// back. Validation follows HubSpot (``CallsCore/CallValidation``, unknown properties,
/// enumeration options, the pin rule) so the store refuses what HubSpot would refuse.
///
/// For example:
///
/// ```swift
/// let store = try LocalCRMService(path: DefaultDatabaseLocation.path())
/// let call = try await store.create(.calls, ObjectInput(properties: [
///     "hs_timestamp": "2025-05-02T14:00:00Z", "hs_call_title": "Renewal check-in",
/// ]))
/// ```
///
/// ## Topics
/// - ``init(path:options:)``
/// - ``inMemory(options:)``
/// - ``restore(_:id:)``
/// - ``addOutcome(label:id:)``
/// - ``addOwner(_:)``
/// - ``count(_:archived:)``
public final class LocalCRMService: CRMService {
    let writer: any DatabaseWriter
    /// The limits this store enforces.
    public let options: LocalStoreOptions
    /// The database file, or `nil` for an in-memory store.
    public let path: String?
    /// Search totals by query, valid while the change counter stays put.
    let totals = VersionedCache<Int>(capacity: 128)
    /// Ordered matches of text searches (rowids), so later pages are slices.
    let textMatches = VersionedCache<[Int64]>(capacity: 16)
    /// Sort orders of live records by type and column, for ordering text matches (about
    /// 12 bytes a record each): the browser's two (time, duration) and creation order, which
    /// API searches without a sort use. Any other order displaces the one used least recently.
    let sortRanks = VersionedCache<SortRanks>(capacity: 3)

    /// Opens (creating if needed) the database at `path`, in WAL mode, and migrates it.
    /// - Throws: ``CallsCore/CRMError`` when the file cannot be opened or migrated.
    public convenience init(path: String, options: LocalStoreOptions = .hubSpot) throws {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        do {
            let pool = try DatabasePool(path: path, configuration: Self.configuration())
            try self.init(writer: pool, options: options, path: path)
        } catch let error as CRMError {
            throw error
        } catch {
            throw CRMError(kind: .other, message: "Cannot open the local database at \(path): \(Self.describe(error))")
        }
    }

    /// A store that lives in memory only (tests, previews).
    public static func inMemory(options: LocalStoreOptions = .hubSpot) throws -> LocalCRMService {
        do {
            let queue = try DatabaseQueue(configuration: configuration())
            return try LocalCRMService(writer: queue, options: options, path: nil)
        } catch let error as CRMError {
            throw error
        } catch {
            throw CRMError(kind: .other, message: "Cannot open an in-memory database: \(describe(error))")
        }
    }

    init(writer: any DatabaseWriter, options: LocalStoreOptions, path: String?) throws {
        self.writer = writer
        self.options = options
        self.path = path
        do {
            try LocalStoreMigrations.migrator.migrate(writer)
        } catch {
            throw CRMError(kind: .other, message: "Cannot migrate the local database\(path.map { " at \($0)" } ?? ""): \(Self.describe(error))")
        }
    }

    static func configuration() -> Configuration {
        var config = Configuration()
        // The CLI, the server and the browser may share one file: wait for a writer rather
        // than failing at once.
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            SQLFunctions.install(in: db)
            // 1 MiB of page cache per connection rather than SQLite's 2 MiB: pages missed are
            // read from the OS's file cache in microseconds, and each reader's cache counts
            // towards the browser's resident memory.
            try db.execute(sql: "PRAGMA cache_size = -1024")
        }
        return config
    }

    // MARK: - Database access

    /// Runs a read, turning database failures into ``CRMError``.
    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await writer.read(body)
        } catch {
            throw Self.crmError(error)
        }
    }

    /// Runs a write transaction, turning database failures into ``CRMError``.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await writer.write(body)
        } catch {
            throw Self.crmError(error)
        }
    }

    static func crmError(_ error: any Error) -> CRMError {
        if let error = error as? CRMError { return error }
        return CRMError(kind: .server, status: 500, message: "Local database error: \(describe(error))", category: "INTERNAL_ERROR")
    }

    /// GRDB's message without SQL arguments (they may hold personal data).
    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return error.message ?? "SQLite error \(error.resultCode.rawValue)"
        }
        return String(describing: error)
    }

    /// The current time in epoch milliseconds.
    static func nowMilliseconds() -> Int64 {
        HubSpotTimestamp.milliseconds(Date())
    }
}
