import CallsCore
import Foundation
import HubSpotServer
import LocalStore
import Testing

/// The browser reaches the end of a long list by loading its tail with the reversed sort
/// (`G`), so both backends must list the same calls backwards under the reversed sort, also
/// past HubSpot's result cap (lowered to 25 here) and across runs of equal timestamps.
@Suite struct ReversedPagingTests {
    private func walk(_ crm: any CRMService, ascending: Bool, limit: Int) async throws -> (ids: [String], totals: Set<Int>) {
        var ids: [String] = []
        var totals: Set<Int> = []
        var after: String?
        var pages = 0
        repeat {
            let page = try await crm.search(.calls, SearchRequest(
                sorts: [SortRule(CallProperty.timestamp, ascending: ascending)], properties: [CallProperty.title], limit: limit, after: after
            ))
            ids += page.results.map(\.id)
            totals.insert(page.total)
            after = page.nextAfter
            pages += 1
        } while after != nil && pages < 100
        return (ids, totals)
    }

    @Test(arguments: BackendKind.allCases)
    func theReversedSortListsTheSameCallsBackwards(_ kind: BackendKind) async throws {
        var limits = SearchLimitConfiguration()
        limits.resultCap = 25
        let capped = kind == .hubspot
        try await withBackend(kind, storeOptions: capped ? .localBrowser : .hubSpot, searchLimits: limits, searchResultCap: capped ? 25 : 10_000) { backend in
            // 60 calls on 20 distinct minutes: runs of three equal timestamps straddle pages.
            for index in 0..<60 {
                _ = try await backend.store.create(.calls, ObjectInput(properties: Fixture.call("Call \(index)", minute: index / 3)))
            }
            let forward = try await walk(backend.service, ascending: false, limit: 7)
            let backward = try await walk(backend.service, ascending: true, limit: 7)
            #expect(forward.ids.count == 60)
            #expect(Set(forward.ids).count == 60)
            #expect(backward.ids == forward.ids.reversed())
            #expect(forward.totals == [60] && backward.totals == [60])
        }
    }
}
