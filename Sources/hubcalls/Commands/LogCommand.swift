import ArgumentParser
import CallsCore
import Foundation

/// `hubcalls log`: create a call from the shell.
struct LogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Log a call.",
        discussion: """
            Examples:
              hubcalls log --title "Renewal check-in" --direction outbound --status completed \\
                --outcome Connected --duration 4:30 --contact 100001
              hubcalls log --title "Voicemail from Ada" --direction inbound --status missed --outcome "Left voicemail"
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "Call title.")
    var title: String?

    @Option(help: "Call notes.")
    var notes: String?

    @Option(help: "inbound or outbound.")
    var direction: String?

    @Option(help: "Call status, e.g. completed, missed, no-answer, busy.")
    var status: String?

    @Option(help: "Outcome label (e.g. Connected) or its GUID.")
    var outcome: String?

    @Option(help: "Duration: \(CallDuration.examples).")
    var duration: String?

    @Option(help: "When the call happened: ISO-8601 (2025-05-02T14:00:00Z) or epoch milliseconds. Default: now.")
    var timestamp: String?

    @Option(help: "Owner id, email or name. Default: `owner` in config.toml, else none.")
    var owner: String?

    @Option(help: "Associate with this contact id (repeatable).")
    var contact: [String] = []

    @Option(help: "Associate with this company id (repeatable).")
    var company: [String] = []

    @Option(help: "Associate with this deal id (repeatable).")
    var deal: [String] = []

    @Option(help: "Associate with this ticket id (repeatable).")
    var ticket: [String] = []

    @Flag(help: "Print the created call as HubSpot-shaped JSON instead of its id.")
    var json = false

    @Flag(help: "Open the quick-log form full-screen instead of reading options (for a tmux popup).")
    var interactive = false

    func run() async throws {
        if interactive {
            // After the screen is gone: the new call's id stays in the scrollback (or a popup's
            // output) for scripts and for `hubcalls show`.
            if let call = try await BrowserLauncher.run(global: global, quickLogOnly: true)?.loggedCall {
                print("Logged call \(call.id): \(TerminalText.sanitize(call.title ?? "(no title)"))")
            }
            return
        }
        let service = try await ServiceFactory.make(global)
        try await CLIError.reporting {
            let input = try await makeInput(service: service, configuredOwner: try ConfigLoader.owner(global))
            let created = try await service.create(.calls, input)
            if json {
                var shown = created
                for association in input.associations {
                    guard let type = AssociationTypes.byID(association.typeID)?.to else { continue }
                    shown.associations[type, default: []].append(AssociatedRecord(id: association.toID, typeId: association.typeID))
                }
                try JSONOutput.print(shown)
            } else {
                print(created.id)
            }
        }
    }

    /// The create input, with every option checked and turned into HubSpot's values.
    /// `configuredOwner` is the config file's `owner`, used when `--owner` is not given.
    func makeInput(service: any CRMService, now: Date = Date(), configuredOwner: String? = nil) async throws -> ObjectInput {
        var properties: [String: String] = [:]
        if let timestamp {
            if let issue = CallValidation.timestampIssue(timestamp) { throw CLIError(issue.message) }
            properties[CallProperty.timestamp] = timestamp
        } else {
            properties[CallProperty.timestamp] = HubSpotTimestamp.format(now)
        }
        if let title { properties[CallProperty.title] = title }
        if let notes { properties[CallProperty.body] = notes }
        if let direction { properties[CallProperty.direction] = try Self.direction(direction).rawValue }
        if let status { properties[CallProperty.status] = try Self.status(status).rawValue }
        if let duration {
            do {
                properties[CallProperty.duration] = String(try CallDuration.parse(duration))
            } catch {
                throw CLIError("Cannot read duration \"\(TerminalText.sanitize(duration))\": \(error.message)")
            }
        }
        if let outcome {
            properties[CallProperty.disposition] = try Self.outcome(outcome, in: try await service.outcomeCatalog()).id
        }
        // Like HubSpot's UI, which makes the logging user the owner: the config file's owner.
        if let owner = owner ?? configuredOwner {
            properties[CallProperty.owner] = try Self.owner(owner, in: try await service.owners()).id
        }
        var associations: [AssociationInput] = []
        for (type, ids) in [(ObjectType.contacts, contact), (.companies, company), (.deals, deal), (.tickets, ticket)] {
            for id in ids {
                guard let association = AssociationInput.call(to: ObjectRef(type, id)) else { continue }
                associations.append(association)
            }
        }
        return ObjectInput(properties: properties, associations: associations)
    }

    // MARK: - Parsing option values

    static func direction(_ raw: String) throws -> CallDirection {
        switch raw.lowercased() {
        case "in", "inbound": return .inbound
        case "out", "outbound": return .outbound
        default: throw CLIError("Unknown direction \"\(TerminalText.sanitize(raw))\"; use inbound or outbound")
        }
    }

    static func status(_ raw: String) throws -> CallStatus {
        let key = raw.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_")
        let status = CallStatus(key)
        if case .unknown = status {
            let valid = CallStatus.allCases.map { $0.rawValue.lowercased().replacingOccurrences(of: "_", with: "-") }
            throw CLIError("Unknown call status \"\(TerminalText.sanitize(raw))\"; use one of: \(valid.joined(separator: ", "))")
        }
        return status
    }

    /// An outcome by label or GUID, with a message that lists the valid labels.
    static func outcome(_ raw: String, in catalog: OutcomeCatalog) throws -> Outcome {
        let text = raw.trimmingCharacters(in: .whitespaces)
        let labels = catalog.outcomes.map { "\"\($0.label)\"" }.joined(separator: ", ")
        let looksLikeGUID = text.contains("-") && text.allSatisfy { $0.isHexDigit || $0 == "-" }
        if looksLikeGUID {
            guard isGUID(text) else {
                throw CLIError("\"\(TerminalText.sanitize(text))\" is not a valid outcome GUID (expected 8-4-4-4-12 hex digits, e.g. f240bbac-87c9-4f6e-bf70-924b57d47db7); or give a label: \(labels)")
            }
            guard let outcome = catalog.outcome(id: text) else {
                throw CLIError("No outcome has the GUID \(text) in this account; valid outcomes: \(catalog.outcomes.map { "\($0.label) (\($0.id))" }.joined(separator: ", "))")
            }
            return outcome
        }
        guard let outcome = catalog.resolve(text) else {
            throw CLIError("Unknown outcome \"\(TerminalText.sanitize(text))\"; valid labels: \(labels)")
        }
        return outcome
    }

    static func isGUID(_ text: String) -> Bool {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        return groups.map(\.count) == [8, 4, 4, 4, 12] && groups.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }

    /// An owner by id, email or name (case-insensitive).
    static func owner(_ raw: String, in owners: [Owner]) throws -> Owner {
        let key = raw.trimmingCharacters(in: .whitespaces).lowercased()
        if let match = Owner.matching(raw, in: owners) { return match }
        if owners.isEmpty, Int64(key) != nil { return Owner(id: key) }
        let list = owners.map { "\($0.displayName) (\($0.id))" }.joined(separator: ", ")
        throw CLIError("Unknown owner \"\(TerminalText.sanitize(raw))\"; owners: \(list.isEmpty ? "none" : list)")
    }
}
