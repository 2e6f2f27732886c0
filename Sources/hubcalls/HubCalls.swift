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
}
