import ArgumentParser

// Placeholder: replaced by the issue that owns this command.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Not built yet.", shouldDisplay: false)
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        throw ValidationError("'serve' is not built yet")
    }
}
