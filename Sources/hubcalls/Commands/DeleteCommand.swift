import ArgumentParser
import CallsCore
import LocalStore

/// `hubcalls delete ID`: move a call to the recycle bin (or take it back with `--undo`).
struct DeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete a call (it goes to the recycle bin and can be restored)."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The call id.")
    var id: String

    @Flag(help: "Restore the call from the recycle bin instead (local backend).")
    var undo = false

    func run() async throws {
        let service = try await ServiceFactory.make(global)
        try await CLIError.reporting {
            if undo {
                guard let local = service as? LocalCRMService else {
                    throw CLIError("Restoring is only possible on the local backend; restore HubSpot calls from its recycle bin")
                }
                let call = try await local.restore(.calls, id: id)
                print("Restored call \(id): \(TerminalText.sanitize(Call(call).title ?? "(no title)"))")
                return
            }
            try await service.archive(.calls, id: id)
            if service is LocalCRMService {
                print("Deleted call \(id). It is in the recycle bin; restore it with: hubcalls delete --undo \(id)")
            } else {
                print("Deleted call \(id). It is in HubSpot's recycle bin for 90 days and can be restored there.")
            }
        }
    }
}
