import CallsCore
import Foundation
import Testing

/// One mixed session run against both backends: the transcripts must be identical.
@Suite struct AgreementTests {
    /// Records what each step returned in a backend-neutral form (timestamps of creation and
    /// modification left out: they are "now").
    private func transcript(_ backend: Backend) async throws -> [String] {
        let fixture = try await Fixture.seed(backend.store)
        let crm = backend.service
        var lines: [String] = []
        func note(_ object: CRMObject, _ names: [String]) {
            let values = names.map { "\($0)=\(object[property: $0] ?? "∅")" }.joined(separator: " ")
            let links = object.associations.keys.sorted().map { "\($0.rawValue):\(object.associations[$0]!.map { "\($0.id)/\($0.typeId)" }.sorted())" }
            lines.append("\(object.id) \(values) \(links.joined(separator: " "))")
        }
        func attempt(_ label: String, _ body: () async throws -> Void) async {
            do { try await body() } catch let error as CRMError { lines.append("\(label): \(error.kind.rawValue)") } catch { lines.append("\(label): \(error)") }
        }
        let names = [CallProperty.title, CallProperty.status, CallProperty.disposition, CallProperty.duration]

        var ids: [String] = []
        for index in 0..<5 {
            let call = try await crm.create(.calls, ObjectInput(
                properties: Fixture.call("Call \(index)", minute: index, status: index.isMultiple(of: 2) ? "COMPLETED" : "MISSED", extra: [CallProperty.duration: String(index * 1000)]),
                associations: index < 3 ? [AssociationInput.call(to: fixture.contact)!] : []
            ))
            ids.append(call.id)
            note(call, names)
        }
        note(try await crm.update(.calls, id: ids[1], properties: [CallProperty.disposition: fixture.customOutcome.id]), names)
        try await crm.associate(ObjectRef(.calls, ids[4]), with: fixture.deal, typeID: nil)
        try await crm.removeAssociation(ObjectRef(.calls, ids[0]), with: fixture.contact)
        note(try await crm.pin(callID: ids[2], on: fixture.contact), [CallProperty.pinnedEngagement])
        try await crm.archive(.calls, id: ids[3])

        let page = try await crm.list(.calls, ListRequest(limit: 2, properties: names, associations: [.contacts, .deals]))
        page.results.forEach { note($0, names) }
        let next = try await crm.list(.calls, ListRequest(limit: 10, after: page.nextAfter, properties: names, associations: [.contacts, .deals]))
        next.results.forEach { note($0, names) }
        lines.append("next after second page: \(next.nextAfter ?? "none")")

        let search = try await crm.search(.calls, SearchRequest(
            filterGroups: [FilterGroup([Filter(CallProperty.duration, .gte, "1000")])], sorts: [SortRule(CallProperty.timestamp, ascending: false)],
            properties: names, limit: 10
        ))
        lines.append("search total \(search.total)")
        search.results.forEach { note($0, names) }

        let batch = try await crm.batchRead(.calls, ids: ids, properties: names)
        batch.results.sorted { $0.id < $1.id }.forEach { note($0, names) }
        lines.append("batch errors \(batch.errors.map(\.kind.rawValue))")
        let links = try await crm.batchAssociations(from: .calls, ids: ids, to: .contacts)
        lines.append("links \(ids.map { "\($0):\((links[$0] ?? []).map(\.id))" })")

        await attempt("get archived") { _ = try await crm.get(.calls, id: ids[3], properties: names, associations: []) }
        await attempt("pin loose") { _ = try await crm.pin(callID: ids[0], on: fixture.contact) }
        await attempt("bad update") { _ = try await crm.update(.calls, id: ids[0], properties: [CallProperty.direction: "SIDEWAYS"]) }
        lines.append("owners \(try await crm.owners().map(\.id).sorted())")
        lines.append("outcomes \(try await crm.outcomes().map(\.label).sorted())")
        return lines
    }

    @Test func theLocalStoreAndTheHTTPClientTellTheSameStory() async throws {
        var local: [String] = []
        var remote: [String] = []
        try await withBackend(.local) { local = try await transcript($0) }
        try await withBackend(.hubspot) { remote = try await transcript($0) }
        #expect(local.count > 20)
        #expect(local == remote)
        for (a, b) in zip(local, remote) where a != b { Issue.record("local: \(a)\nhubspot: \(b)") }
    }
}
