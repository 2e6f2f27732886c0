import ArgumentParser

// Placeholder: replaced by the issue that owns this command.
struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Not built yet.", shouldDisplay: false)
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        throw ValidationError("'show' is not built yet")
    }
}
