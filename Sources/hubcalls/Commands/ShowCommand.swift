import ArgumentParser
import CallsCore
import Foundation
import LocalStore

/// `hubcalls show ID`: one call, every property and its associated records.
struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one call: its properties and associated records."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The call id.")
    var id: String

    @Flag(help: "Print HubSpot-shaped JSON (the call with its associations).")
    var json = false

    func run() async throws {
        let service = try await ServiceFactory.make(global)
        try await CLIError.reporting {
            let call = try await service.get(.calls, id: id, properties: nil, associations: ObjectType.recordTypes)
            if json {
                try JSONOutput.print(call)
                return
            }
            let view = try await CallDetail.load(call, service: service)
            for line in view.lines() { print(line) }
        }
    }
}

/// What `show` prints, with names looked up for owners, outcomes and records.
struct CallDetail {
    var call: Call
    var owners: [String: Owner]
    var outcomes: OutcomeCatalog
    var definitions: [PropertyDefinition]
    /// Associated records by type, with names and whether the call is pinned there.
    var records: [(type: ObjectType, id: String, name: String, pinned: Bool)]

    static func load(_ object: CRMObject, service: any CRMService) async throws -> CallDetail {
        var records: [(ObjectType, String, String, Bool)] = []
        for type in ObjectType.recordTypes {
            let ids = Array(Set((object.associations[type] ?? []).map(\.id))).sorted()
            guard !ids.isEmpty else { continue }
            let found = try await service.batchRead(type, ids: ids, properties: nil)
            let byID = Dictionary(found.results.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            for id in ids {
                let record = byID[id]
                records.append((type, id, record?.displayName(as: type) ?? "\(type.label) \(id)", record?[property: CallProperty.pinnedEngagement] == object.id))
            }
        }
        return CallDetail(
            call: Call(object),
            owners: Dictionary((try await service.owners()).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }),
            outcomes: try await service.outcomeCatalog(),
            definitions: try await service.properties(.calls),
            records: records
        )
    }

    func lines() -> [String] {
        let clean = { (text: String) in TerminalText.sanitize(text) }
        var out = ["Call \(call.id): \(clean(call.title ?? "(no title)"))"]
        func field(_ label: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            out.append("  " + TerminalText.pad(label, to: 12) + clean(value))
        }
        field("When", call.timestamp.map { CallTable.time($0) + " (" + HubSpotTimestamp.format($0) + ")" })
        field("Direction", call.direction?.label)
        field("Status", call.status?.label)
        field("Outcome", call.dispositionID.map(outcomes.label(for:)))
        field("Duration", call.durationMilliseconds.map(Call.formatDuration(milliseconds:)))
        field("Owner", call.ownerID.map { owners[$0]?.displayName ?? "Owner \($0)" })
        field("From", call.fromNumber)
        field("To", call.toNumber)
        field("Recording", call.recordingURL)
        field("Badge", call.badge?.meaning)

        out.append("")
        out.append("Associations")
        if records.isEmpty { out.append("  (none)") }
        for record in records {
            out.append("  " + TerminalText.pad(record.type.label, to: 9) + TerminalText.pad(record.id, to: 12) + clean(record.name) + (record.pinned ? "  [pinned]" : ""))
        }

        out.append("")
        out.append("Properties")
        let labels = Dictionary(definitions.map { ($0.name, $0.label) }, uniquingKeysWith: { first, _ in first })
        for name in call.object.properties.keys.sorted() where name != CallProperty.body {
            guard let value = call.object[property: name] else { continue }
            let label = labels[name].map { "\($0) (\(name))" } ?? name
            out.append("  " + clean(label) + ": " + TerminalText.truncate(clean(value), to: 200))
        }

        if let body = call.body {
            out.append("")
            out.append("Notes")
            let text = TerminalText.sanitize(CallNotes.plainText(body), multiline: true)
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                out.append("  " + line)
            }
        }
        return out
    }
}
