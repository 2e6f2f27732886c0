import CallsCore
import Foundation
import GRDB
import Testing
@testable import LocalStore

/// The lean read paths of search: rowids stepped straight from SQLite, and properties JSON
/// decoded for the requested keys only. Each must give what the general path gives.
@Suite struct ReadPathTests {
    // MARK: - RowidScan

    @Test("A rowid scan returns what GRDB's fetchAll returns, in the same order, with arguments bound")
    func scanMatchesFetchAll() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (a INTEGER, b TEXT)")
            for index in 0..<1_000 {
                try db.execute(sql: "INSERT INTO t (a, b) VALUES (?, ?)", arguments: [index * 7 % 1_000 - 300, index % 3 == 0 ? "x" : "y"])
            }
            let sql = "SELECT a FROM t WHERE b = ? ORDER BY a DESC"
            #expect(try RowidScan.fetchAll(db, sql: sql, arguments: ["x"]) == Int64.fetchAll(db, sql: sql, arguments: ["x"]))
            #expect(try RowidScan.fetchAll(db, sql: sql, arguments: ["x"]).count == 334)
            #expect(try RowidScan.fetchAll(db, sql: sql, arguments: ["none"]).isEmpty)
        }
    }

    @Test("A failing scan throws a database error and leaves the connection usable")
    func scanErrors() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE f USING fts5(x, tokenize = 'trigram')")
            try db.execute(sql: "INSERT INTO f (rowid, x) VALUES (5, 'renewal'), (9, 'pricing')")
            // An FTS5 syntax error surfaces from the first step, not from preparing.
            #expect(throws: DatabaseError.self) {
                try RowidScan.forEach(db, sql: "SELECT rowid FROM f WHERE f MATCH ?", arguments: ["\"unterminated"]) { _ in }
            }
            // An error from the body stops the scan and is rethrown as is.
            struct Stop: Error {}
            var seen: [Int64] = []
            #expect(throws: Stop.self) {
                try RowidScan.forEach(db, sql: "SELECT rowid FROM f ORDER BY rowid") { rowid in
                    seen.append(rowid)
                    throw Stop()
                }
            }
            #expect(seen == [5])
            #expect(try RowidScan.fetchAll(db, sql: "SELECT rowid FROM f WHERE f MATCH ?", arguments: ["ewa"]) == [5])
            #expect(try RowidScan.fetchAll(db, sql: "SELECT rowid FROM f ORDER BY rowid DESC") == [9, 5])
        }
    }

    // MARK: - FlatJSON with keys

    @Test("Decoding only some keys gives the full decode's values for those keys, malformed input included")
    func decodeKeeping() {
        let keys: Set<String> = ["a", "c", "missing"]
        let texts = [
            FlatJSON.encode(["a": "one", "b": String(repeating: "long \"notes\" \\ \n", count: 200), "c": "東京 🚀", "d": "\u{1B}[31m"]),
            #"{"a":"\u00e9","b":"\ud83d\ude80 and \" and \\","c":null}"#,
            #"{"b":"x","a":"first","a":"second"}"#,
            #"{ "a" : "spaced" , "b" : "\t" }"#,
            // Malformed values of a skipped key make the whole text fall back to
            // JSONSerialization, as they do when every key is read.
            #"{"a":"kept","b":"bad \u12 escape"}"#,
            #"{"a":"kept","b":"\ud800\u0041"}"#,
            #"{"a":"kept","b":"unterminated}"#,
            #"{"a":"kept","b":1,"c":"x"}"#,
            "not json", "{}", "",
        ]
        for text in texts {
            let full = FlatJSON.decode(text)
            #expect(FlatJSON.decode(text, keeping: keys) == full.filter { keys.contains($0.key) }, "\(text.prefix(40))")
            #expect(FlatJSON.decode(text, keeping: nil) == full)
        }
        #expect(FlatJSON.decode(texts[0], keeping: keys) == ["a": "one", "c": "東京 🚀"])
    }

    @Test("Search pages carry the requested properties, and all of them when none are named")
    func searchPagesKeepRequestedProperties() async throws {
        try await withStore(.memory) { store in
            let body = String(repeating: "Discussed \"pricing\" \\ tiers\n", count: 50)
            let created = try await store.create(.calls, callInput("Renewal", [CallProperty.body: body, CallProperty.status: "COMPLETED"]))
            let named = try await store.search(.calls, SearchRequest(query: "renewal", properties: [CallProperty.title, CallProperty.status, CallProperty.disposition], limit: 10))
            let call = try #require(named.results.first)
            #expect(call.id == created.id)
            #expect(call[property: CallProperty.title] == "Renewal")
            #expect(call[property: CallProperty.status] == "COMPLETED")
            #expect(call.properties[CallProperty.disposition] == .some(nil))
            #expect(call.properties[CallProperty.body] == nil)
            let all = try await store.search(.calls, SearchRequest(query: "renewal", limit: 10))
            let fetched = try await store.get(.calls, id: created.id)
            #expect(all.results.first?.properties == fetched.properties)
            #expect(all.results.first?[property: CallProperty.body] == body)
        }
    }

    @Test("A batch read (one query) gives each id what a single read gives, in order, repeats and misses included", arguments: StoreKind.allCases)
    func batchReadMatchesSingleReads(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            var ids: [String] = []
            for index in 0..<30 {
                ids.append(try await store.create(.calls, callInput("Call \(index)", [CallProperty.body: "notes \"\(index)\"", CallProperty.status: "COMPLETED"])).id)
            }
            try await store.archive(.calls, id: ids[3])
            let asked = [ids[5], ids[0], ids[5], "42", ids[3], ids[29]] + ids.shuffled()
            let properties = [CallProperty.title, CallProperty.status, CallProperty.disposition]
            let result = try await store.batchRead(.calls, ids: asked, properties: properties)
            var expected: [CRMObject] = []
            for id in asked where id != "42" && id != ids[3] {
                expected.append(try await store.get(.calls, id: id, properties: properties, associations: []))
            }
            #expect(result.results.map(\.id) == expected.map(\.id))
            #expect(result.results.map(\.properties) == expected.map(\.properties))
            #expect(result.errors.count == 3)
            let all = try await store.batchRead(.calls, ids: [ids[7]], properties: nil)
            #expect(all.results.first?.properties == (try await store.get(.calls, id: ids[7]).properties))
        }
    }
}
