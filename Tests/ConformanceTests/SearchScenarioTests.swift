import CallsCore
import Foundation
import HubSpotServer
import LocalStore
import Testing

/// Search: filter groups, operators, one sort, free text, offset paging, the 10 000 cap.
@Suite struct SearchScenarioTests {
    /// Eight calls with distinct timestamps, statuses and titles; returns ids by title.
    private func seedCalls(_ crm: any CRMService, contact: ObjectRef) async throws -> [String: String] {
        let specs: [(String, Int, String)] = [
            ("Renewal kickoff", 1, "COMPLETED"), ("Missed renewal", 2, "MISSED"), ("Cold call", 3, "NO_ANSWER"),
            ("Support follow-up", 4, "COMPLETED"), ("Renewal pricing", 5, "BUSY"), ("Voicemail", 6, "MISSED"),
            ("Intro", 7, "COMPLETED"), ("Late renewal", 8, "NO_ANSWER"),
        ]
        var ids: [String: String] = [:]
        for (title, minute, status) in specs {
            let links = title.contains("enewal") ? [AssociationInput.call(to: contact)!] : []
            ids[title] = try await crm.create(.calls, ObjectInput(properties: Fixture.call(title, minute: minute, status: status), associations: links)).id
        }
        return ids
    }

    @Test(arguments: BackendKind.allCases)
    func filtersSortAndPagingAgree(_ kind: BackendKind) async throws {
        try await withBackend(kind) { backend in
            let fixture = try await Fixture.seed(backend.store)
            let crm = backend.service
            let ids = try await seedCalls(crm, contact: fixture.contact)
            let missedOrUnanswered = SearchRequest(
                filterGroups: [FilterGroup([Filter(CallProperty.status, .in, values: ["MISSED", "NO_ANSWER"])])],
                sorts: [SortRule(CallProperty.timestamp, ascending: false)], properties: [CallProperty.title], limit: 3
            )
            let first = try await crm.search(.calls, missedOrUnanswered)
            #expect(first.total == 4)
            #expect(first.results.map { $0[property: CallProperty.title] } == ["Late renewal", "Voicemail", "Cold call"])
            #expect(first.results.allSatisfy { $0[property: CallProperty.timestamp] == nil })
            var rest = missedOrUnanswered
            rest.after = first.nextAfter
            let second = try await crm.search(.calls, rest)
            #expect(second.results.map(\.id) == [ids["Missed renewal"]])
            #expect(second.nextAfter == nil)
        }
    }

    @Test(arguments: BackendKind.allCases)
    func groupsAreOredFiltersAndedAndTextMatched(_ kind: BackendKind) async throws {
        try await withBackend(kind) { backend in
            let fixture = try await Fixture.seed(backend.store)
            let crm = backend.service
            _ = try await seedCalls(crm, contact: fixture.contact)
            let request = SearchRequest(
                filterGroups: [
                    FilterGroup([Filter(CallProperty.status, .eq, "COMPLETED"), Filter(CallProperty.title, .containsToken, "renewal")]),
                    FilterGroup([Filter(CallProperty.status, .eq, "BUSY")]),
                ],
                sorts: [SortRule(CallProperty.timestamp, ascending: true)], properties: [CallProperty.title], limit: 10
            )
            let page = try await crm.search(.calls, request)
            #expect(page.results.map { $0[property: CallProperty.title] } == ["Renewal kickoff", "Renewal pricing"])

            let text = try await crm.search(.calls, SearchRequest(sorts: [SortRule(CallProperty.timestamp, ascending: true)], query: "renewal", properties: [CallProperty.title], limit: 10))
            #expect(text.total == 4)
            let byContact = try await crm.search(.calls, SearchRequest(
                filterGroups: [FilterGroup([Filter("associations.contact", .eq, fixture.contact.id)])], properties: [CallProperty.title], limit: 10
            ))
            #expect(byContact.total == 4)
        }
    }

    @Test(arguments: BackendKind.allCases)
    func searchLimitsAreEnforcedAlike(_ kind: BackendKind) async throws {
        try await withBackend(kind) { backend in
            let tooMany = SearchRequest(filterGroups: Array(repeating: FilterGroup([Filter(CallProperty.status, .eq, "BUSY")]), count: 6), limit: 10)
            let error = await #expect(throws: CRMError.self) { try await backend.service.search(.calls, tooMany) }
            #expect(error?.kind == .validation)
        }
    }

    /// Past the result cap (lowered to 25 on both sides) a search sorted by `hs_timestamp`
    /// still returns every match once, in order, ties included.
    @Test func theHTTPClientPagesPastTheResultCapByTimeWindows() async throws {
        var limits = SearchLimitConfiguration()
        limits.resultCap = 25
        try await withBackend(.hubspot, storeOptions: .localBrowser, searchLimits: limits, searchResultCap: 25) { backend in
            // 60 calls on 20 distinct minutes: runs of three equal timestamps straddle pages.
            for index in 0..<60 {
                _ = try await backend.store.create(.calls, ObjectInput(properties: Fixture.call("Call \(index)", minute: index / 3, status: index % 2 == 0 ? "COMPLETED" : "MISSED")))
            }
            let request = SearchRequest(sorts: [SortRule(CallProperty.timestamp, ascending: false)], properties: [CallProperty.title], limit: 7)
            let expected = try await backend.store.search(.calls, SearchRequest(sorts: request.sorts, properties: request.properties, limit: 1000))
            #expect(expected.total == 60)

            var seen: [String] = []
            var totals: Set<Int> = []
            var after: String?
            var pages = 0
            repeat {
                var next = request
                next.after = after
                let page = try await backend.service.search(.calls, next)
                seen += page.results.map(\.id)
                totals.insert(page.total)
                after = page.nextAfter
                pages += 1
            } while after != nil && pages < 50
            #expect(seen == expected.results.map(\.id))
            #expect(totals == [60])
        }
    }
}
