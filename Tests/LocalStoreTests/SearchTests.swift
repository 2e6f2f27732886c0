import CallsCore
import Foundation
import Testing
@testable import LocalStore

@Suite struct SearchTests {
    private func fixture(_ kind: StoreKind = .memory, _ body: (SearchFixture) async throws -> Void) async throws {
        try await withStore(kind) { store in try await body(try await SearchFixture.make(store)) }
    }

    @Test("Without filters or sort, search returns creation order with the total", arguments: StoreKind.allCases)
    func defaultOrder(kind: StoreKind) async throws {
        try await fixture(kind) { (f: SearchFixture) async throws in
            let page = try await f.store.search(.calls, SearchRequest(limit: 100))
            #expect(page.total == 5)
            #expect(page.nextAfter == nil)
            #expect(try await f.names(SearchRequest(limit: 100)) == ["renewal", "voicemail", "noanswer", "japanese", "pricing"])
        }
    }

    @Test("EQ on an enumeration is exact and case-sensitive")
    func eqEnumeration() async throws {
        try await fixture { (f: SearchFixture) async throws in
            #expect(try await f.names([Filter(CallProperty.status, .eq, "COMPLETED")]) == ["renewal", "japanese"])
            #expect(try await f.names([Filter(CallProperty.status, .eq, "completed")]) == [])
        }
    }

    @Test("EQ on a text property ignores case")
    func eqText() async throws {
        try await fixture { (f: SearchFixture) async throws in
            #expect(try await f.names([Filter(CallProperty.title, .eq, "pricing QUESTION")]) == ["pricing"])
        }
    }

    @Test("NEQ matches records with another value and records without one")
    func neq() async throws {
        try await fixture { (f: SearchFixture) async throws in
            #expect(try await f.names([Filter(CallProperty.disposition, .neq, SearchFixture.connected)]) == ["voicemail", "noanswer", "japanese", "pricing"])
        }
    }

    @Test("Numeric comparisons compare numbers, not strings")
    func numericComparisons() async throws {
        try await fixture { (f: SearchFixture) async throws in
            #expect(try await f.names([Filter(CallProperty.duration, .gt, "30000")]) == ["renewal", "japanese"])
            #expect(try await f.names([Filter(CallProperty.duration, .gte, "30000")]) == ["renewal", "voicemail", "japanese"])
            #expect(try await f.names([Filter(CallProperty.duration, .lt, "30000")]) == ["noanswer"])
            #expect(try await f.names([Filter(CallProperty.duration, .lte, "30000")]) == ["voicemail", "noanswer"])
            #expect(try await f.names([Filter(CallProperty.duration, .between, "1", highValue: "200000")]) == ["renewal", "voicemail"])
        }
    }

    @Test("hs_timestamp filters accept epoch milliseconds and ISO-8601 alike")
    func timestampFilters() async throws {
        try await fixture { (f: SearchFixture) async throws in
            let march = "2025-03-10T09:00:00Z"
            let marchMs = String(HubSpotTimestamp.milliseconds(HubSpotTimestamp.parse(march)!))
            #expect(try await f.names([Filter(CallProperty.timestamp, .gte, march)]) == ["noanswer", "japanese", "pricing"])
            #expect(try await f.names([Filter(CallProperty.timestamp, .gte, marchMs)]) == ["noanswer", "japanese", "pricing"])
            #expect(try await f.names([Filter(CallProperty.timestamp, .between, "2025-02-01T00:00:00Z", highValue: marchMs)]) == ["voicemail", "noanswer"])
            #expect(try await f.names([Filter(CallProperty.timestamp, .eq, marchMs)]) == ["noanswer"])
        }
    }

    @Test("IN and NOT_IN take a list of values")
    func inAndNotIn() async throws {
        try await fixture { (f: SearchFixture) async throws in
            #expect(try await f.names([Filter(CallProperty.status, .in, values: ["MISSED", "NO_ANSWER"])]) == ["voicemail", "noanswer"])
            #expect(try await f.names([Filter(CallProperty.status, .notIn, values: ["MISSED", "NO_ANSWER"])]) == ["renewal", "japanese", "pricing"])
            #expect(try await f.names([Filter(CallProperty.owner, .in, values: ["11349275740"])]) == ["renewal"])
        }
    }

    @Test("HAS_PROPERTY and NOT_HAS_PROPERTY test presence")
    func presence() async throws {
        try await fixture { (f: SearchFixture) async throws in
            #expect(try await f.names([Filter(CallProperty.disposition, .hasProperty)]) == ["renewal", "noanswer"])
            #expect(try await f.names([Filter(CallProperty.body, .notHasProperty)]) == ["voicemail", "noanswer"])
            #expect(try await f.names([Filter(CallProperty.hasVoicemail, .eq, "TRUE")]) == ["voicemail"])
        }
    }

    @Test("CONTAINS_TOKEN matches whole words, with * as a wildcard")
    func containsToken() async throws {
        try await fixture { (f: SearchFixture) async throws in
            #expect(try await f.names([Filter(CallProperty.body, .containsToken, "pricing")]) == ["renewal", "pricing"])
            #expect(try await f.names([Filter(CallProperty.body, .containsToken, "tiers")]) == ["pricing"])
            #expect(try await f.names([Filter(CallProperty.body, .containsToken, "pric*")]) == ["renewal", "pricing"])
            #expect(try await f.names([Filter(CallProperty.body, .containsToken, "*newal")]) == ["renewal"])
            #expect(try await f.names([Filter(CallProperty.body, .containsToken, "rice")]) == [])
            #expect(try await f.names([Filter(CallProperty.body, .notContainsToken, "pricing")]) == ["voicemail", "noanswer", "japanese"])
        }
    }

    @Test("associations.contact finds calls linked to a contact")
    func associationPseudoProperty() async throws {
        try await fixture { (f: SearchFixture) async throws in
            #expect(try await f.names([Filter("associations.contact", .eq, f.contact)]) == ["renewal", "japanese"])
            #expect(try await f.names([Filter("associations.contacts", .in, values: [f.contact, f.otherContact])]) == ["renewal", "voicemail", "japanese"])
            #expect(try await f.names([Filter("associations.contact", .neq, f.contact)]) == ["voicemail", "noanswer", "pricing"])
            #expect(try await f.names([Filter("associations.contact", .notHasProperty)]) == ["noanswer", "pricing"])
            #expect(try await f.names([Filter("associations.0-1", .hasProperty)]) == ["renewal", "voicemail", "japanese"])
        }
    }

    @Test("Filters in a group are ANDed and groups are ORed")
    func groups() async throws {
        try await fixture { (f: SearchFixture) async throws in
            let request = SearchRequest(filterGroups: [
                FilterGroup([Filter(CallProperty.status, .eq, "COMPLETED"), Filter(CallProperty.direction, .eq, "INBOUND")]),
                FilterGroup([Filter(CallProperty.status, .eq, "BUSY")]),
            ], limit: 100)
            #expect(try await f.names(request) == ["japanese", "pricing"])
        }
    }

    @Test("Free-text query matches titles and notes, CJK included", arguments: StoreKind.allCases)
    func query(kind: StoreKind) async throws {
        try await fixture(kind) { (f: SearchFixture) async throws in
            #expect(try await f.names(SearchRequest(query: "renewal", limit: 100)) == ["renewal"])
            #expect(try await f.names(SearchRequest(query: "PRICING", limit: 100)) == ["renewal", "pricing"])
            #expect(try await f.names(SearchRequest(query: "東京オフィス", limit: 100)) == ["japanese"])
            #expect(try await f.names(SearchRequest(query: "見積書", limit: 100)) == ["japanese"])
            // Two characters: below the trigram size, answered by the LIKE fallback.
            #expect(try await f.names(SearchRequest(query: "東京", limit: 100)) == ["japanese"])
            #expect(try await f.names(SearchRequest(query: "見積", limit: 100)) == ["japanese"])
            #expect(try await f.names(SearchRequest(query: "qu", limit: 100)) == ["pricing"])
            // Every word must match.
            #expect(try await f.names(SearchRequest(query: "pricing tiers", limit: 100)) == ["pricing"])
            #expect(try await f.names(SearchRequest(query: "nothing-like-this", limit: 100)) == [])
        }
    }

    @Test("A query with quotes and FTS syntax is searched as plain text")
    func queryIsNotFTSSyntax() async throws {
        try await fixture { (f: SearchFixture) async throws in
            #expect(try await f.names(SearchRequest(query: "\"renewal OR NEAR(", limit: 100)) == [])
            #expect(try await f.names(SearchRequest(query: "100%", limit: 100)) == [])
        }
    }

    @Test("One sort rule orders results, ties broken by id")
    func sorting() async throws {
        try await fixture { (f: SearchFixture) async throws in
            #expect(try await f.names(SearchRequest(sorts: [SortRule(CallProperty.timestamp, ascending: false)], limit: 100)) == ["pricing", "japanese", "noanswer", "voicemail", "renewal"])
            #expect(try await f.names(SearchRequest(sorts: [SortRule(shorthand: "hs_call_duration")], limit: 100)).prefix(3) == ["pricing", "noanswer", "voicemail"])
            #expect(try await f.names(SearchRequest(sorts: [SortRule(CallProperty.title, ascending: true)], limit: 100)) == ["noanswer", "voicemail", "pricing", "renewal", "japanese"])
        }
    }

    @Test("Results carry only the requested properties plus the automatic ones")
    func selectedProperties() async throws {
        try await fixture { (f: SearchFixture) async throws in
            let page = try await f.store.search(.calls, SearchRequest(properties: [CallProperty.title], limit: 1))
            let first = try #require(page.results.first)
            #expect(Set(first.properties.keys) == [CallProperty.title, CallProperty.objectId, CallProperty.createDate, CallProperty.lastModified])
        }
    }

    @Test("Archived calls never appear in search")
    func archivedHidden() async throws {
        try await fixture { (f: SearchFixture) async throws in
            try await f.store.archive(.calls, id: f.ids["renewal"]!)
            #expect(try await f.names(SearchRequest(query: "renewal", limit: 100)) == [])
            #expect(try await f.store.search(.calls, SearchRequest()).total == 4)
        }
    }
}
