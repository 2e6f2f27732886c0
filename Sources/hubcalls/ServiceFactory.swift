import CallsCore
import Foundation
import HubSpotAPI
import LocalStore

/// Turns the global options into the ``CRMService`` a command talks to. The one place that
/// wires a concrete backend.
enum ServiceFactory {
    /// The backends `--backend` accepts.
    enum Backend: String, CaseIterable {
        case local, hubspot
    }

    /// `--backend` › `HUBCALLS_BACKEND` › `backend` in the config file › local.
    static func backend(_ global: GlobalOptions) throws -> Backend {
        try ConfigLoader.backend(global)
    }

    /// The service for a command.
    /// - Parameter localOptions: limits for the local store (the browser lifts the search cap).
    static func make(_ global: GlobalOptions, localOptions: LocalStoreOptions = .hubSpot) async throws -> any CRMService {
        switch try backend(global) {
        case .local:
            return try await makeLocal(global, options: localOptions)
        case .hubspot:
            return try makeHubSpot(global)
        }
    }

    /// What `service` reads and writes, as a name drafts are kept by: `local:` and the
    /// database's absolute path, or `hubspot:` and the API's base URL.
    static func dataSource(_ global: GlobalOptions, _ service: any CRMService) throws -> String {
        if let hubspot = service as? HubSpotCRMService { return "hubspot:" + hubspot.configuration.baseURL.absoluteString }
        return "local:" + URL(fileURLWithPath: try databasePath(global)).standardizedFileURL.path
    }

    /// The database path: `--db`, else `db` in the config file, else the default location.
    static func databasePath(_ global: GlobalOptions) throws -> String {
        try explicitDatabasePath(global) ?? DefaultDatabaseLocation.path()
    }

    /// The database the user named: `--db` or the config file's `db` (`nil`: the default).
    static func explicitDatabasePath(_ global: GlobalOptions) throws -> String? {
        if let db = global.db, !db.isEmpty { return (db as NSString).expandingTildeInPath }
        return try ConfigLoader.path("db", global)
    }

    /// Opens the local store. A database that does not exist yet is created and, unless
    /// `seedIfNew` is false, filled with the demo data, so a first run shows something.
    /// An explicit `--db` (or the config file's `db`) must name a file in an existing directory: a typo must not quietly
    /// create a directory tree and a demo CRM. Only the default location (under the XDG data
    /// directory) is created on first run.
    static func makeLocal(_ global: GlobalOptions, options: LocalStoreOptions = .hubSpot, seedIfNew: Bool = true) async throws -> LocalCRMService {
        let path = try databasePath(global)
        let isNew = !FileManager.default.fileExists(atPath: path)
        if isNew, try explicitDatabasePath(global) != nil {
            let directory = (path as NSString).deletingLastPathComponent
            var isDirectory: ObjCBool = false
            if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) || !isDirectory.boolValue {
                throw CLIError("Database \(TerminalText.sanitize(path, multiline: false)): the directory \(TerminalText.sanitize(directory, multiline: false)) does not exist (create it first; only the default database location is created for you)")
            }
        }
        let store = try await CLIError.reporting { try LocalCRMService(path: path, options: options) }
        if isNew && seedIfNew {
            let summary = try await CLIError.reporting {
                try await DemoSeed.seed(into: store, calls: DemoSeed.defaultCallCount, reset: true, referenceDate: Date())
            }
            // stderr, so `--json` output stays clean.
            FileHandle.standardError.write(Data("hubcalls: created a demo database with \(summary.calls) calls at \(path)\n".utf8))
        }
        return store
    }
}
