import CallsCore
import Foundation
import HubSpotAPI
@testable import HubSpotServer
import LocalStore
import Testing

/// The server's direct writer for pages of records must write exactly what `JSONEncoder`
/// (``WireJSON``) writes, hostile text included.
@Suite struct RecordJSONTests {
    static let awkward = [
        "plain", "", "quote \" backslash \\ slash / ", "controls \u{0}\u{1}\u{7}\u{8}\u{9}\u{A}\u{B}\u{C}\u{D}\u{1B}[31m\u{1F}\u{7F}",
        "ünïcödé 日本語 😀 \u{202E}rtl\u{2028}\u{2029}", "\u{9B}c1 control",
    ]

    static func record(_ index: Int) -> SimplePublicObject {
        var properties: [String: String?] = ["hs_call_title": awkward[index % awkward.count], "hs_call_body": nil, "Zeta": "z", "alpha": "a", "_x": "1", "hs_timestamp": "2025-05-02T14:00:00.000Z"]
        properties[awkward[(index + 1) % awkward.count]] = "key is awkward"
        return SimplePublicObject(
            id: String(10_000_000 + index), properties: properties,
            associations: index % 2 == 0 ? nil : ["contacts": AssociatedIdCollection(results: [AssociatedId(id: "7", type: "call_to_contact")]), "companies": AssociatedIdCollection(results: [])],
            createdAt: "2025-05-02T14:00:00.000Z", updatedAt: "2025-05-02T14:05:00.000Z",
            archived: index % 3 == 0, archivedAt: index % 3 == 0 ? "2025-06-01T00:00:00.000Z" : nil,
            new: index % 4 == 0 ? true : nil, objectWriteTraceId: index % 5 == 0 ? "trace/\(index)" : nil, url: index % 6 == 0 ? "https://app.example/x?y=1" : nil
        )
    }

    @Test(arguments: [nil, "MTAw", "a/b\"c"])
    func listPagesAreWrittenExactlyAsJSONEncoderWritesThem(after: String?) {
        let page = CollectionResponse(results: (0..<12).map(Self.record), paging: .after(after, link: after.map { "?after=\($0)" }))
        #expect(String(decoding: RecordJSON.data(page), as: UTF8.self) == String(decoding: WireJSON.data(page), as: UTF8.self))
    }

    @Test func searchPagesAreWrittenExactlyAsJSONEncoderWritesThem() {
        let page = CollectionResponseWithTotal(total: 12_345, results: (0..<12).map(Self.record), paging: .after("100"))
        #expect(String(decoding: RecordJSON.data(page), as: UTF8.self) == String(decoding: WireJSON.data(page), as: UTF8.self))
        let empty = CollectionResponseWithTotal<SimplePublicObject>(total: 0, results: [])
        #expect(RecordJSON.data(empty) == WireJSON.data(empty))
    }

    @Test func demoCallsWithTheirHostileTextAreWrittenExactlyAsJSONEncoderWritesThem() async throws {
        let store = try LocalCRMService.inMemory()
        _ = try await DemoSeed.seed(into: store, calls: 300, reset: true)
        let page = try await store.list(.calls, ListRequest(limit: 100, associations: [.contacts, .companies]))
        let wire = CollectionResponse(page)
        #expect(RecordJSON.data(wire) == WireJSON.data(wire))
    }

    @Test func recordsWithHistoryFallBackToJSONEncoder() {
        var record = Self.record(1)
        record.propertiesWithHistory = ["hs_call_title": [ValueWithTimestamp(value: "x", timestamp: "2025-05-02T14:00:00.000Z", sourceType: "CRM_UI")]]
        let page = CollectionResponse(results: [record])
        #expect(RecordJSON.data(page) == WireJSON.data(page))
        #expect(!RecordJSON.isPlain(record))
    }
}
