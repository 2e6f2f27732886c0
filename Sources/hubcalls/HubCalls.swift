import ArgumentParser

/// `hubcalls`: the browser by default, plus scripting subcommands.
@main
struct HubCalls: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hubcalls",
        abstract: "A full-screen terminal browser for HubSpot calls.",
        subcommands: [
            BrowseCommand.self, ListCommand.self, ShowCommand.self, LogCommand.self,
            DeleteCommand.self, SeedCommand.self, ServeCommand.self, KeysCommand.self,
            DemoWidgetsCommand.self,
        ],
        defaultSubcommand: BrowseCommand.self
    )

    static func main() async {
        MallocTuning.apply()
        let names = Set(configuration.subcommands.compactMap { $0.configuration.commandName })
        await main(ArgumentOrder.subcommandFirst(Array(CommandLine.arguments.dropFirst()), subcommands: names))
    }
}
