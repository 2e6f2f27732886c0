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
        var scenarios: [(String, (Int) -> SearchRequest)] = [
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
        // Free text as a user types it: a query the store has not seen, so nothing is cached.
        let vocabulary = try await words(store, count: options.runs)
        scenarios.append(("search: free text, a new query each time", { i in
            SearchRequest(sorts: newestFirst, query: vocabulary[i % vocabulary.count], properties: CallProperty.listSet, limit: 100)
        }))
        // For profiling one scenario (callgrind): HUBCALLS_BENCH_SCENARIO=text runs only the
        // scenarios whose name contains "text"; HUBCALLS_BENCH_VERBOSE=1 prints every sample.
        let environment = ProcessInfo.processInfo.environment
        if let only = environment["HUBCALLS_BENCH_SCENARIO"], !only.isEmpty {
            scenarios = scenarios.filter { $0.0.contains(only) }
        }
        let verbose = environment["HUBCALLS_BENCH_VERBOSE"] == "1"
        for (name, make) in scenarios {
            var samples: [Double] = []
            for i in 0..<options.runs {
                let request = make(i)
                var total = 0
                samples.append(try await Stopwatch.measure { total = try await store.search(.calls, request).total })
                if verbose {
                    let ms = String(format: "%.2f", samples[samples.count - 1])
                    FileHandle.standardError.write(Data("\(name)\t\(request.query ?? "")\t\(total)\t\(ms) ms\n".utf8))
                }
            }
            table.add(name, size: "\(calls)", Summary(samples), target: calls == 100_000 ? "p99 ≤ 20 ms" : "")
        }
    }

    /// Distinct queries drawn from the seeded titles and notes: single words first, then
    /// pairs of words, until there are `count` of them.
    static func words(_ store: LocalCRMService, count: Int) async throws -> [String] {
        let page = try await store.search(.calls, SearchRequest(properties: [CallProperty.title, CallProperty.body], limit: 200))
        var seen = Set<String>(), single: [String] = []
        for call in page.results {
            let text = [call[property: CallProperty.title], call[property: CallProperty.body]].compactMap { $0 }.joined(separator: " ")
            for word in text.split(whereSeparator: { !$0.isLetter }) where word.count >= 4 {
                let lower = word.lowercased()
                if seen.insert(lower).inserted { single.append(lower) }
            }
        }
        var queries = single.shuffled()
        var i = 0
        while queries.count < count, single.count > 1 {
            queries.append(single[i % single.count] + " " + single[(i * 7 + 3) % single.count])
            i += 1
        }
        return queries.isEmpty ? ["call"] : Array(queries.prefix(count))
    }
}
