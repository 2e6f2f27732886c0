import ArgumentParser

// Placeholder: replaced by the issue that owns this command.
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "keys", abstract: "Not built yet.", shouldDisplay: false)
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        throw ValidationError("'keys' is not built yet")
    }
}
