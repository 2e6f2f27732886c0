import CallsCore
import Foundation
import Testing
@testable import LocalStore

@Suite struct DemoSeedTests {
    /// Every record of every type with its call associations, as comparable values.
    private func snapshot(_ store: LocalCRMService) async throws -> [String] {
        var lines: [String] = []
        for type in ObjectType.allCases {
            var after: String?
            repeat {
                let page = try await store.list(type, ListRequest(limit: 100, after: after, associations: type == .calls ? ObjectType.recordTypes : []))
                for object in page.results {
                    let properties = object.properties.keys.sorted().map { "\($0)=\(object.properties[$0]! ?? "null")" }
                    let links = object.associations.keys.sorted().map { "\($0.rawValue):\(object.associations[$0]!.map(\.id))" }
                    lines.append("\(type.rawValue) \(object.id) \(object.createdAt.timeIntervalSince1970) \(properties) \(links)")
                }
                after = page.nextAfter
            } while after != nil
        }
        lines.append("\(try await store.owners())")
        lines.append("\(try await store.outcomes())")
        return lines
    }

    @Test("The same count and reference date always give the same data")
    func deterministic() async throws {
        let reference = Date(timeIntervalSince1970: 1_750_000_000)
        let first = try LocalCRMService.inMemory()
        let second = try LocalCRMService.inMemory()
        try await DemoSeed.seed(into: first, calls: 150, referenceDate: reference)
        try await DemoSeed.seed(into: second, calls: 150, referenceDate: reference)
        let a = try await snapshot(first)
        #expect(a.count > 150)
        let b = try await snapshot(second)
        #expect(a == b)
        let third = try LocalCRMService.inMemory()
        try await DemoSeed.seed(into: third, calls: 150, referenceDate: reference.addingTimeInterval(86_400))
        let c = try await snapshot(third)
        #expect(a != c)
    }

    @Test("The seed covers every status, every outcome, voicemails, recordings and hostile text")
    func coverage() async throws {
        let store = try LocalCRMService.inMemory(options: .localBrowser)
        let reference = DemoSeed.defaultReferenceDate
        let summary = try await DemoSeed.seed(into: store, calls: DemoSeed.defaultCallCount, referenceDate: reference)
        #expect(summary.calls == 300)
        #expect(summary.contacts >= 60)
        #expect(summary.companies == 20)
        #expect(summary.deals > 0 && summary.tickets > 0)

        let calls = try await store.search(.calls, SearchRequest(limit: 1000)).results.map(Call.init)
        #expect(calls.count == 300)
        #expect(Set(calls.compactMap(\.status)) == Set(CallStatus.allCases))
        let catalog = try await store.outcomeCatalog()
        #expect(catalog.outcomes.count == 8)
        #expect(Set(calls.compactMap(\.dispositionID)) == Set(catalog.outcomes.map(\.id)))
        #expect(calls.contains { $0.badge == .voicemail && $0.recordingURL != nil })
        #expect(calls.contains { $0.badge == .voicemail && $0.recordingURL == nil })
        #expect(calls.contains { $0.status == .missed && $0.hasVoicemail == false })
        #expect(calls.contains { $0.status == .completed && $0.recordingURL?.hasPrefix("https://") == true })
        #expect(calls.contains { ($0.body?.utf8.count ?? 0) >= 60_000 })
        #expect(calls.filter { ($0.body?.utf8.count ?? 0) > 2_000 }.count >= 5)
        #expect(calls.contains { $0.title?.contains("\u{1B}[") == true })
        #expect(calls.contains { $0.body?.contains("\u{1B}]52;") == true })
        #expect(calls.contains { ($0.title ?? "").contains("\u{202E}") || ($0.body ?? "").contains("\u{202E}") })
        #expect(calls.contains { $0.body?.unicodeScalars.contains { (0x80...0x9F).contains($0.value) } == true })
        #expect(calls.contains { $0.body?.contains("\t") == true })
        #expect(calls.contains { $0.body?.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } == true })
        #expect(calls.contains { $0.body?.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) } == true })
        #expect(calls.contains { $0.body?.unicodeScalars.contains { $0.properties.isEmojiPresentation } == true })
        // Spread over two years before the reference, a few in its last hours, none after it.
        let times = calls.compactMap(\.timestamp)
        #expect(times.contains { $0 > reference.addingTimeInterval(-4 * 3600) })
        #expect(times.contains { $0 < reference.addingTimeInterval(-600 * 86_400) })
        #expect(times.allSatisfy { $0 > reference.addingTimeInterval(-731 * 86_400) && $0 <= reference }, "no demo call is in the future")
        #expect(calls.allSatisfy { $0.object.createdAt <= reference && $0.object.updatedAt <= reference }, "nor created or modified in the future")

        let owners = try await store.owners()
        #expect(owners.count == 8)
        #expect(owners.contains { Int64($0.id)! > Int64(UInt32.max) })
        #expect(Set(calls.compactMap(\.ownerID)).isSubset(of: Set(owners.map(\.id))))
    }

    @Test("Most calls have associations, some none, and every pinned call is associated with its record")
    func associationsAndPins() async throws {
        let store = try LocalCRMService.inMemory(options: .localBrowser)
        try await DemoSeed.seed(into: store, calls: 300)
        let ids = try await store.search(.calls, SearchRequest(limit: 1000)).results.map(\.id)
        let contacts = try await store.batchAssociations(from: .calls, ids: ids, to: .contacts)
        #expect(contacts.count > 200)
        #expect(contacts.count < 300)
        #expect(!(try await store.batchAssociations(from: .calls, ids: ids, to: .deals)).isEmpty)

        var pinned = 0
        for type in ObjectType.recordTypes {
            let page = try await store.search(type, SearchRequest(filterGroups: [FilterGroup([Filter(CallProperty.pinnedEngagement, .hasProperty)])], limit: 200))
            for record in page.results {
                let call = try #require(record[property: CallProperty.pinnedEngagement])
                let linked = try await store.associations(of: ObjectRef(type, record.id), to: .calls).map(\.id)
                #expect(linked.contains(call))
                pinned += 1
            }
        }
        #expect(pinned > 10)
    }

    @Test("Seeding a database that has data needs reset; reset replaces it")
    func resetRules() async throws {
        try await withStore(.file) { store in
            try await DemoSeed.seed(into: store, calls: 20)
            _ = try await store.create(.calls, callInput("Extra"))
            do {
                try await DemoSeed.seed(into: store, calls: 20)
                Issue.record("expected a conflict")
            } catch let error as CRMError {
                #expect(error.kind == .conflict)
            }
            let triggers = { try await store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'") ?? 0 } }
            #expect(try await triggers() == LocalStoreMigrations.counterTriggers.count, "a failed seed keeps the counter triggers")
            let version = { try await store.read { db in try Int64.fetchOne(db, sql: "SELECT n FROM changeCounter") ?? 0 } }
            let before = try await version()
            try await DemoSeed.seed(into: store, calls: 30, reset: true)
            #expect(try await triggers() == LocalStoreMigrations.counterTriggers.count)
            #expect(try await version() > before)
            #expect(try await store.count(.calls) == 30)
            #expect(try await store.search(.calls, SearchRequest(query: "Extra")).total == 0)
            // Ids continue after the seeded ones.
            let next = try await store.create(.calls, callInput()).id
            #expect(Int64(next)! == 10_000_000_031)
        }
    }
}
