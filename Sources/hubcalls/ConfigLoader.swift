import CallsCore
import Foundation
import HubSpotAPI

/// Reads `config.toml` (`--config`, else `$XDG_CONFIG_HOME/hubcalls/config.toml`) and
/// resolves the settings that come from it, with the precedence flag › environment › file.
enum ConfigLoader {
    /// The config file, or `nil` when the default one does not exist. Warnings (unknown keys)
    /// go to stderr when `reportWarnings` is set: the backend choice (made first on every
    /// run) reports them, the settings read later (owner, cursor, db, keymap, the HubSpot
    /// backend's) ask quietly. The file is read and parsed once per run: a start-up asks for
    /// it half a dozen times.
    static func file(_ global: GlobalOptions, reportWarnings: Bool = true, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ConfigFile? {
        let named = global.config.map { ($0 as NSString).expandingTildeInPath }
        let path = named ?? ConfigFile.defaultPath(environment: environment)
        let file: ConfigFile?
        if let cached = loaded.withLock({ $0[path] }) {
            file = cached
        } else {
            do {
                file = try ConfigFile.load(path: path, required: named != nil)
            } catch {
                throw CLIError(error.message)
            }
            loaded.withLock { $0[path] = .some(file) }
        }
        for warning in reportWarnings ? file?.warnings ?? [] : [] {
            FileHandle.standardError.write(Data("hubcalls: \(TerminalText.sanitize(warning))\n".utf8))
        }
        return file
    }

    /// Config files read in this run, by path (`.some(nil)`: the default one is absent).
    private static let loaded = Locked<[String: ConfigFile?]>([:])

    /// Who logs calls (`owner` in the config file: an owner id, email or name): the owner of
    /// calls logged with `c` or `hubcalls log` when none is given. HubSpot has no call that
    /// tells a private-app token's user, so it is a setting.
    static func owner(_ global: GlobalOptions) throws -> String? {
        guard let owner = try file(global, reportWarnings: false)?.string("owner")?.trimmingCharacters(in: .whitespaces), !owner.isEmpty else { return nil }
        return owner
    }

    /// How the list marks the selected call (`cursor` in the config file, checked when the
    /// file is parsed): `bar` unless it says `arrow`.
    static func cursor(_ global: GlobalOptions) throws -> String? {
        try file(global, reportWarnings: false)?.string("cursor")?.lowercased()
    }

    /// A path setting of the config file (`db`, `keymap`): `~` expanded, and a relative path
    /// taken from the config file's folder, as the file's author sees it (the working
    /// directory changes from run to run).
    static func path(_ key: String, _ global: GlobalOptions) throws -> String? {
        guard let file = try file(global, reportWarnings: false),
              let value = file.string(key)?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        let expanded = (value as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") { return expanded }
        return URL(fileURLWithPath: file.path).deletingLastPathComponent().appendingPathComponent(expanded).standardizedFileURL.path
    }

    /// `--backend` › `HUBCALLS_BACKEND` › `backend` in the config file › local.
    static func backend(_ global: GlobalOptions) throws -> ServiceFactory.Backend {
        do {
            let choice = try BackendChoice.resolve(flag: global.backend, file: try file(global))
            return choice == .hubspot ? .hubspot : .local
        } catch let error as ConfigurationError {
            throw CLIError(TerminalText.sanitize(error.message))
        }
    }
}
