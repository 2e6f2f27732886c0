import ArgumentParser

// Placeholder: replaced by the issue that owns this command.
struct DemoWidgetsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo-widgets", abstract: "Not built yet.", shouldDisplay: false)
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        throw ValidationError("'demo-widgets' is not built yet")
    }
}
