/// Lets global options come before the subcommand (`hubcalls --db x.sqlite list`), as users
/// of git and kubectl type them. ArgumentParser only reads a subcommand's options after its
/// name, and with `browse` as the default subcommand it would take `list` for an argument of
/// `browse`; so the subcommand name is moved to the front before parsing.
enum ArgumentOrder {
    /// Global options that take a value (``GlobalOptions``).
    static let optionsWithValue: Set<String> = ["--backend", "--db", "--base-url", "--keymap", "--config"]

    static func subcommandFirst(_ arguments: [String], subcommands: Set<String>) -> [String] {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if subcommands.contains(argument) {
                var reordered = arguments
                reordered.remove(at: index)
                return [argument] + reordered
            }
            if optionsWithValue.contains(argument) {
                index += 2
            } else if let name = argument.split(separator: "=", maxSplits: 1).first, argument.contains("="), optionsWithValue.contains(String(name)) {
                index += 1
            } else {
                return arguments  // a browse flag or anything else: parse as typed
            }
        }
        return arguments
    }
}
