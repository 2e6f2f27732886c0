import ArgumentParser
import CallsCore
import Foundation
import LocalStore

/// `hubcalls seed`: fill the local database with deterministic demo data.
struct SeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed",
        abstract: "Fill the local database with demo calls, contacts, companies, deals and tickets."
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "How many calls to create.")
    var calls: Int = DemoSeed.defaultCallCount

    @Flag(help: "Delete everything in the database first.")
    var reset = false

    func validate() throws {
        guard calls >= 0 else { throw ValidationError("--calls must not be negative") }
    }

    func run() async throws {
        if try ServiceFactory.backend(global) != .local {
            throw CLIError("seed writes the local database only; drop --backend hubspot")
        }
        let store = try await ServiceFactory.makeLocal(global, seedIfNew: false)
        let path = try ServiceFactory.databasePath(global)
        let summary: DemoSeed.Summary
        do {
            summary = try await DemoSeed.seed(into: store, calls: calls, reset: reset, referenceDate: Date())
        } catch let error as CRMError where error.kind == .conflict {
            throw CLIError("The database at \(path) already has data; run `hubcalls seed --reset` to replace it")
        } catch let error as CRMError {
            throw CLIError(error)
        }
        print("Seeded \(summary.calls) calls, \(summary.contacts) contacts, \(summary.companies) companies, \(summary.deals) deals, \(summary.tickets) tickets and \(summary.owners) owners into \(path)")
    }
}
