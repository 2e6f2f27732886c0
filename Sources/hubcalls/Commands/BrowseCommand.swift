import ArgumentParser

// Placeholder until the full-screen browser lands: prints the call list.
struct BrowseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "browse", abstract: "Browse calls (prints the list until the browser lands).", shouldDisplay: false)
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let service = try await ServiceFactory.make(global)
        try await ListCommand.printCalls(service: service, query: nil, limit: ListCommand.defaultLimit, json: false)
    }
}
