import CallsCore
import GRDB
@testable import LocalStore

/// What a text search should return, worked out in memory from the stored calls: every
/// word a substring of the indexed title or notes (case and accents folded),
/// the filters applied, sorted by the rule with ties by id. Independent of the search SQL.
struct TextSearchReference {
    struct Call {
        var id: String
        var num: Int64
        var title: String
        var body: String
        var properties: [String: String]
        var createdAt: Int64
    }

    var calls: [Call]

    /// The live calls as stored right now.
    static func load(_ store: LocalCRMService) async throws -> TextSearchReference {
        let rows = try await store.read { db in
            try Row.fetchAll(db, sql: "SELECT id, num, properties, createdAt FROM object WHERE type = 'calls' AND archived = 0")
                .map { (id: $0[0] as String, num: $0[1] as Int64, json: $0[2] as String, createdAt: $0[3] as Int64) }
        }
        return TextSearchReference(calls: rows.map { row in
            let stored = StoredProperties(json: row.json)
            return Call(
                id: row.id, num: row.num, title: fold(stored.searchTitle(for: .calls)), body: fold(stored.searchBody(for: .calls)),
                properties: stored.values, createdAt: row.createdAt
            )
        })
    }

    /// Ids in order and the total, for `query`, equality `filters` and one optional sort rule.
    func search(query: String, filters: [String: String], sort: SortRule?) -> [String] {
        let words = Self.fold(query).split(whereSeparator: \.isWhitespace).map(String.init)
        let matching = calls.filter { call in
            words.allSatisfy { call.title.contains($0) || call.body.contains($0) }
                && filters.allSatisfy { call.properties[$0.key] == $0.value }
        }
        let ascending = sort?.ascending ?? true
        let sorted = matching.sorted { a, b in
            let (ka, kb) = (key(a, sort), key(b, sort))
            if ka != kb { return ascending ? Self.less(ka, kb) : Self.less(kb, ka) }
            return ascending ? a.num < b.num : a.num > b.num
        }
        return sorted.map(\.id)
    }

    /// A sort value: a number or text; `nil` (no value) sorts lowest, as in SQLite.
    enum Key: Equatable { case number(Int64), text(String) }

    private func key(_ call: Call, _ sort: SortRule?) -> Key? {
        guard let sort else { return .number(call.createdAt) }
        switch sort.propertyName {
        case CallProperty.createDate: return .number(call.createdAt)
        case CallProperty.timestamp:
            return call.properties[sort.propertyName].flatMap(HubSpotTimestamp.parse).map { .number(HubSpotTimestamp.milliseconds($0)) }
        case CallProperty.duration: return call.properties[sort.propertyName].flatMap { Int64($0) }.map { .number($0) }
        default: return call.properties[sort.propertyName].map { .text($0) }
        }
    }

    private static func less(_ a: Key?, _ b: Key?) -> Bool {
        switch (a, b) {
        case (nil, nil): return false
        case (nil, _): return true
        case (_, nil): return false
        case (.number(let x)?, .number(let y)?): return x < y
        case (.text(let x)?, .text(let y)?): return Array(x.utf8).lexicographicallyPrecedes(Array(y.utf8))
        default: return false
        }
    }

    /// The store's folding (case, accents): the index holds folded text and queries are
    /// folded the same way (`SearchFolding`, tested on its own).
    static func fold(_ text: String) -> String {
        SearchFolding.fold(text)
    }
}
