import Foundation

/// Where the local database lives when `--db` is not given:
/// `$XDG_DATA_HOME/hubcalls/hubcalls.sqlite`, falling back to
/// `~/.local/share/hubcalls/hubcalls.sqlite`.
public enum DefaultDatabaseLocation {
    public static let fileName = "hubcalls.sqlite"

    /// The default database path for an environment (the process environment by default).
    public static func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        directory(environment: environment) + "/" + fileName
    }

    /// The directory that holds the default database.
    public static func directory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return xdg + "/hubcalls"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/share/hubcalls"
    }
}
