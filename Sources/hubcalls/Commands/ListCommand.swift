import ArgumentParser
import CallsCore
import Foundation

/// `hubcalls list`: the newest calls as a table, or HubSpot's search JSON.
struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List calls, newest first.",
        discussion: "Searches call titles and notes with --query (any script; words of three or more characters use the full-text index)."
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .shortAndLong, help: "Free-text search over titles and notes.")
    var query: String?

    @Option(name: .shortAndLong, help: "How many calls to show.")
    var limit: Int = ListCommand.defaultLimit

    @Flag(help: "Print HubSpot-shaped JSON (a search response).")
    var json = false

    static let defaultLimit = 50

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() async throws {
        let service = try await ServiceFactory.make(global)
        try await Self.printCalls(service: service, query: query, limit: limit, json: json)
    }

    /// Prints the newest `limit` calls matching `query` (search sorted by `hs_timestamp`
    /// descending): a table for people, or JSON.
    static func printCalls(service: any CRMService, query: String?, limit: Int, json: Bool) async throws {
        try await CLIError.reporting {
            let page = try await fetch(service: service, query: query, limit: limit)
            if json {
                try JSONOutput.print(page)
                return
            }
            let owners = Dictionary((try await service.owners()).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            let catalog = try await service.outcomeCatalog()
            let table = CallTable(owners: owners, outcomes: catalog, width: TerminalText.terminalColumns())
            for line in table.lines(for: page.results.map(Call.init)) { print(line) }
            if page.results.isEmpty {
                print(query.map { "No calls match \"\(TerminalText.sanitize($0))\"." } ?? "No calls yet. Log one with `hubcalls log --title …`.")
            } else if page.total > page.results.count {
                print("\(page.results.count) of \(page.total) calls. Use --limit to see more.")
            }
        }
    }

    /// Pages through search (at most 200 per request) until `limit` calls are read.
    static func fetch(service: any CRMService, query: String?, limit: Int) async throws -> SearchPage {
        var results: [CRMObject] = []
        var after: String?
        var total = 0
        repeat {
            let request = SearchRequest(
                sorts: [SortRule(CallProperty.timestamp, ascending: false)],
                query: query.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 },
                properties: CallProperty.listSet + [CallProperty.fromNumber, CallProperty.toNumber],
                limit: min(SearchLimits.maxLimit, limit - results.count),
                after: after
            )
            let page = try await service.search(.calls, request)
            results += page.results
            total = page.total
            after = page.nextAfter
        } while after != nil && results.count < limit
        return SearchPage(total: total, results: results, nextAfter: after)
    }
}
