import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `$XDG_CONFIG_HOME/hubcalls/config.toml`: the settings hubcalls reads at start-up.
///
/// ```toml
/// backend = "hubspot"                 # or "local" (the default)
/// base_url = "https://api.hubapi.com"
/// token_command = "pass show hubspot/pat"   # or: token = "pat-na1-…" (file must be 0600)
/// rate_limit = 100                    # requests per 10 s (190 on Professional/Enterprise)
/// search_rate_limit = 5               # searches per second
/// timeout = 30                        # seconds per request
/// cursor = "arrow"                    # the list's cursor: "bar" (the default) or "arrow"
/// ```
///
/// A file that holds a `token` and can be read by group or others is refused: the token
/// would be readable by other users of the machine.
public struct ConfigFile: Sendable, Equatable {
    public var path: String
    public var backend: String?
    public var baseURL: String?
    /// Never printed: ``description`` redacts it.
    public var token: AccessToken?
    public var tokenCommand: String?
    public var rateLimit: Int?
    public var searchRateLimit: Int?
    public var timeout: Double?
    /// Every entry, for keys other modules read (`db`, `keymap`, `owner`, `cursor`).
    public var entries: [TOMLSubset.Entry]
    /// Unknown keys and similar non-fatal problems, as `path:line: message`.
    public var warnings: [String]

    /// Keys hubcalls understands; others produce a warning.
    public static let knownKeys: Set<String> = ["backend", "base_url", "token", "token_command", "rate_limit", "search_rate_limit", "timeout", "db", "keymap", "owner", "cursor"]

    public init(path: String, entries: [TOMLSubset.Entry] = []) {
        self.path = path
        self.entries = entries
        self.warnings = []
    }

    /// A string value by key.
    public func string(_ key: String) -> String? {
        guard case .string(let s)? = entries.first(where: { $0.key == key })?.value else { return nil }
        return s
    }

    // MARK: - Locating

    /// `$XDG_CONFIG_HOME/hubcalls/config.toml`, or `~/.config/hubcalls/config.toml`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            return xdg + "/hubcalls/config.toml"
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.config/hubcalls/config.toml"
    }

    // MARK: - Loading

    /// Reads and checks the file at `path`.
    ///
    /// - Parameter required: `true` when the user named the file (`--config`): a missing
    ///   file is then an error; the default path may simply not exist (returns `nil`).
    public static func load(path: String, required: Bool) throws(ConfigurationError) -> ConfigFile? {
        guard let mode = fileMode(path) else {
            if required { throw ConfigurationError("Config file \(path) does not exist.") }
            return nil
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError("Cannot read config file \(path).")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError("Config file \(path) is not UTF-8 text.")
        }
        let file = try parse(text, path: path)
        if file.token != nil, mode & 0o077 != 0 {
            throw ConfigurationError("""
                Refusing to use the token in \(path): the file is readable by other users \
                (mode \(String(mode & 0o777, radix: 8))). Run: chmod 600 \(path) \
                (or use token_command or HUBSPOT_ACCESS_TOKEN instead).
                """)
        }
        return file
    }

    /// Parses file content (no permission check; see ``load(path:required:)``).
    public static func parse(_ text: String, path: String) throws(ConfigurationError) -> ConfigFile {
        let entries: [TOMLSubset.Entry]
        do {
            entries = try TOMLSubset.parse(text)
        } catch {
            throw ConfigurationError("\(path):\(error.line): \(error.message)")
        }
        var file = ConfigFile(path: path, entries: entries)
        for entry in entries {
            let location = "\(path):\(entry.line)"
            func string() throws(ConfigurationError) -> String {
                guard case .string(let s) = entry.value else { throw ConfigurationError("\(location): \(entry.key) must be a quoted string") }
                return s
            }
            func positive() throws(ConfigurationError) -> Double {
                switch entry.value {
                case .integer(let i) where i > 0: return Double(i)
                case .float(let d) where d > 0: return d
                default: throw ConfigurationError("\(location): \(entry.key) must be a positive number")
                }
            }
            switch entry.key {
            case "backend":
                let value = try string().lowercased()
                guard ["local", "hubspot"].contains(value) else { throw ConfigurationError("\(location): backend must be \"local\" or \"hubspot\", not \"\(value)\"") }
                file.backend = value
            case "base_url": file.baseURL = try string()
            case "token":
                // Never quote the value in a message.
                guard case .string(let s) = entry.value else { throw ConfigurationError("\(location): token must be a quoted string") }
                file.token = AccessToken(s, source: "from \(path)")
                if let index = file.entries.firstIndex(of: entry) { file.entries[index].value = .string("<redacted>") }
            case "token_command": file.tokenCommand = try string()
            case "rate_limit": file.rateLimit = Int(try positive())
            case "search_rate_limit": file.searchRateLimit = Int(try positive())
            case "timeout": file.timeout = try positive()
            case "db", "keymap", "owner": _ = try string()
            case "cursor":
                // The browser's list cursor (CallBrowser's ListCursor); checked here so a typo
                // stops every command with the file's line, like a bad backend.
                let value = try string().lowercased()
                guard ["bar", "arrow"].contains(value) else { throw ConfigurationError("\(location): cursor must be \"bar\" or \"arrow\", not \"\(value)\"") }
            default:
                file.warnings.append("\(location): unknown key \(entry.key) (known: \(knownKeys.sorted().joined(separator: ", ")))")
            }
        }
        if file.token != nil, file.tokenCommand != nil {
            throw ConfigurationError("\(path): set either token or token_command, not both.")
        }
        return file
    }

    /// Permission bits of the file a path leads to (symlinks followed), or `nil` if none.
    static func fileMode(_ path: String) -> UInt32? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return UInt32(info.st_mode & 0o7777)
    }
}

/// A configuration problem, with a message meant for the user (never a token).
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
    public var errorDescription: String? { message }
}
