import ArgumentParser

// Placeholder: replaced by the issue that owns this command.
struct BrowseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "browse", abstract: "Not built yet.", shouldDisplay: false)
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        throw ValidationError("'browse' is not built yet")
    }
}
