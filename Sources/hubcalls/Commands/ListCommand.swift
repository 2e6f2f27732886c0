import ArgumentParser

// Placeholder: replaced by the issue that owns this command.
struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Not built yet.", shouldDisplay: false)
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        throw ValidationError("'list' is not built yet")
    }
}
