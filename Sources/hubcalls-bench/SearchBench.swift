import CallsCore
import Foundation
import LocalStore

/// Seeds one database per size and measures the store's search paths the browser uses.
enum SearchBench {
    /// Seeds `calls` calls unless the database already holds them; returns seconds taken.
    static func seed(_ options: BenchOptions, calls: Int) async throws -> Double? {
        let path = options.databasePath(calls: calls)
        if FileManager.default.fileExists(atPath: path), let store = try? LocalCRMService(path: path),
           (try? await store.count(.calls)) == calls {
            return nil
        }
        try? FileManager.default.removeItem(atPath: path)
        let store = try LocalCRMService(path: path)
        let ms = try await Stopwatch.measure {
            try await DemoSeed.seed(into: store, calls: calls, reset: true, referenceDate: DemoSeed.startOfToday())
        }
        return ms / 1000
    }

    static func run(_ options: BenchOptions, calls: Int, table: inout ResultTable) async throws {
        let store = try LocalCRMService(path: options.databasePath(calls: calls), options: .localBrowser)
        let newestFirst = [SortRule(CallProperty.timestamp, ascending: false)]
        var rng = SystemRandomNumberGenerator()
        let scenarios: [(String, (Int) -> SearchRequest)] = [
            ("search: list page at random offset", { _ in
                SearchRequest(sorts: newestFirst, properties: CallProperty.listSet, limit: 100, after: String(Int.random(in: 0..<max(1, calls - 100), using: &rng)))
            }),
            ("search: free text", { i in
                SearchRequest(sorts: newestFirst, query: ["renewal", "pricing", "会議", "champion"][i % 4], properties: CallProperty.listSet, limit: 100)
            }),
            ("search: status:missed has:voicemail", { _ in
                SearchRequest(filterGroups: [FilterGroup([Filter(CallProperty.status, .eq, "MISSED"), Filter(CallProperty.hasVoicemail, .eq, "true")])], sorts: newestFirst, properties: CallProperty.listSet, limit: 100)
            }),
            ("search: outcome + text", { _ in
                SearchRequest(filterGroups: [FilterGroup([Filter(CallProperty.disposition, .eq, "73a0d17f-1163-4015-bdd5-ec830791da20")])], sorts: newestFirst, query: "call", properties: CallProperty.listSet, limit: 100)
            }),
        ]
        for (name, make) in scenarios {
            var samples: [Double] = []
            for i in 0..<options.runs {
                let request = make(i)
                samples.append(try await Stopwatch.measure { _ = try await store.search(.calls, request) })
            }
            table.add(name, size: "\(calls)", Summary(samples), target: calls == 100_000 ? "p99 ≤ 20 ms" : "")
        }
    }
}
