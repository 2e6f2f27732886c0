import ArgumentParser

/// Options every subcommand accepts.
struct GlobalOptions: ParsableArguments {
    @Option(help: "Backend: local (embedded SQLite, the default) or hubspot.")
    var backend: String?

    @Option(help: "Path of the local SQLite database (default: db in the config file, else $XDG_DATA_HOME/hubcalls/hubcalls.sqlite; a missing database is created with demo data; its directory must exist, except for the default).")
    var db: String?

    @Option(name: .customLong("base-url"), help: "HubSpot API base URL (hubspot backend).")
    var baseURL: String?

    @Option(help: "Key bindings file (default: keymap in the config file, else $XDG_CONFIG_HOME/hubcalls/keymap.conf).")
    var keymap: String?

    @Option(help: "Config file (default: $XDG_CONFIG_HOME/hubcalls/config.toml).")
    var config: String?
}
