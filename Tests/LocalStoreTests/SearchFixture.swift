import CallsCore
import Foundation
@testable import LocalStore

/// A small, fully known set of calls for search tests.
struct SearchFixture {
    let store: LocalCRMService
    /// Call ids by a short name.
    var ids: [String: String] = [:]
    var contact = ""
    var otherContact = ""

    static let connected = "f240bbac-87c9-4f6e-bf70-924b57d47db7"
    static let noAnswer = "73a0d17f-1163-4015-bdd5-ec830791da20"

    static func make(_ store: LocalCRMService) async throws -> SearchFixture {
        var fixture = SearchFixture(store: store)
        fixture.contact = try await store.makeContact("Ada", "Lovelace")
        fixture.otherContact = try await store.makeContact("Alan", "Turing")
        let rows: [(String, String, [String: String], [String])] = [
            ("renewal", "2025-01-10T09:00:00Z", [
                CallProperty.title: "Renewal check-in", CallProperty.body: "Discussed the annual renewal and pricing.",
                CallProperty.status: "COMPLETED", CallProperty.direction: "OUTBOUND", CallProperty.duration: "180000",
                CallProperty.disposition: connected, CallProperty.owner: "11349275740",
            ], [fixture.contact]),
            ("voicemail", "2025-02-10T09:00:00Z", [
                CallProperty.title: "Missed call from Alan", CallProperty.status: "MISSED", CallProperty.direction: "INBOUND",
                CallProperty.hasVoicemail: "true", CallProperty.duration: "30000", CallProperty.owner: "52811094",
            ], [fixture.otherContact]),
            ("noanswer", "2025-03-10T09:00:00Z", [
                CallProperty.title: "Cold call", CallProperty.status: "NO_ANSWER", CallProperty.direction: "OUTBOUND",
                CallProperty.duration: "0", CallProperty.disposition: noAnswer,
            ], []),
            ("japanese", "2025-04-10T09:00:00Z", [
                CallProperty.title: "東京オフィスとの打ち合わせ", CallProperty.body: "見積書を再送します。",
                CallProperty.status: "COMPLETED", CallProperty.direction: "INBOUND", CallProperty.duration: "600000",
            ], [fixture.contact, fixture.otherContact]),
            ("pricing", "2025-05-10T09:00:00Z", [
                CallProperty.title: "PRICING question", CallProperty.body: "Customer asked about Pricing tiers",
                CallProperty.status: "BUSY", CallProperty.direction: "OUTBOUND",
            ], []),
        ]
        for (name, timestamp, properties, contacts) in rows {
            let input = callInput(properties[CallProperty.title]!, at: timestamp, properties, associations: contacts.map { AssociationInput(toID: $0, typeID: 194) })
            fixture.ids[name] = try await store.create(.calls, input).id
        }
        return fixture
    }

    /// The names of the calls a search returns, in order.
    func names(_ request: SearchRequest) async throws -> [String] {
        let byID = Dictionary(uniqueKeysWithValues: ids.map { ($0.value, $0.key) })
        return try await store.search(.calls, request).results.map { byID[$0.id] ?? $0.id }
    }

    func names(_ filters: [Filter], sort: SortRule? = nil) async throws -> [String] {
        try await names(SearchRequest(filterGroups: [FilterGroup(filters)], sorts: sort.map { [$0] } ?? [], limit: 100))
    }
}
