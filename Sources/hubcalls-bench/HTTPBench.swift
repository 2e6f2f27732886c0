import CallsCore
import Foundation
import HubSpotAPI
import LocalStore
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Fetches every call of a 30 000-call database through `hubcalls serve` with HubSpot's rate
/// limit on (100 requests per 10 s), first with hubcalls' own client, then with HubSpot's
/// official Python client (`get_all`, urllib3 `Retry` on 429 as its README suggests).
enum HTTPBench {
    static let calls = 30_000

    static func run(_ options: BenchOptions, table: inout ResultTable) async throws {
        var seedOptions = options
        seedOptions.sizes = [calls]
        _ = try await SearchBench.seed(seedOptions, calls: calls)
        let database = options.databasePath(calls: calls)
        let bound = Double(calls / 100 - 100) / 100 * 10  // pages beyond the first burst, 100 per 10 s

        // The same fetch with no rate limit: what the pages cost on their own. A cursor
        // cannot be pipelined, so the last 100 pages add their latency to the bound.
        let serverLog = "\(options.workdir)/serve-unthrottled.log"
        try? FileManager.default.removeItem(atPath: serverLog)
        let unthrottled = try ServerProcess(binary: options.binary, database: database, extraArguments: ["--no-rate-limit"], log: serverLog)
        let transport = Samples()
        // The client's own limiter off too: otherwise this run is paced like the next one.
        let unlimited = RateLimiter.Budget(requests: 1_000_000, interval: 10, searches: 1_000_000, searchInterval: 1, margin: 0)
        let freeSeconds = try await fetchAll(unthrottled, budget: unlimited, transportMilliseconds: transport) / 1000
        table.add("HTTP fetch 30 000 calls, no rate limit (latency only)", size: "\(calls)", value: String(format: "%.1f s (%.1f ms per page)", freeSeconds, freeSeconds * 1000 / Double(calls / 100)))
        // Where a page's time goes: the server's own handling (its request log), the rest of
        // the round trip (HTTP, loopback, URLSession), and decoding after the response.
        table.add("HTTP page: request → response (client)", size: "\(calls)", Summary(transport.values))
        table.add("HTTP page: handled by the server", size: "\(calls)", Summary(serverMilliseconds(serverLog)))
        table.add("HTTP page: decoding 100 calls (client)", size: "\(calls)", try await decodeMilliseconds(unthrottled, runs: options.runs))

        let server = try ServerProcess(binary: options.binary, database: database)
        try await server.resetStats()
        let trace = Samples()
        let swiftSeconds = try await fetchAll(server, transportMilliseconds: trace, completions: true) / 1000
        if let path = ProcessInfo.processInfo.environment["HUBCALLS_BENCH_TRACE"] {
            try trace.values.map { String($0) }.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        }
        let swiftStats = try await server.stats()
        table.add("HTTP fetch 30 000 calls: hubcalls", size: "\(calls)", value: String(format: "%.1f s (%.2f× bound), %@ requests, %@ × 429", swiftSeconds, swiftSeconds / bound, "\(swiftStats["totalRequests"] ?? "?")", "\(swiftStats["rateLimited"] ?? "?")"), target: "≤ 1.05× bound, 0 × 429")

        // `HUBCALLS_BENCH_SKIP_OFFICIAL=1` skips the official client (35 s) while iterating.
        if ProcessInfo.processInfo.environment["HUBCALLS_BENCH_SKIP_OFFICIAL"] == "1" { return }
        try await server.resetStats()
        let python = try PythonClient.prepare(workdir: options.workdir)
        let pyStart = Stopwatch.now()
        let fetched = try python.fetchAll(baseURL: server.baseURL, token: server.token)
        let pySeconds = Stopwatch.ms(since: pyStart) / 1000
        let pyStats = try await server.stats()
        guard fetched == calls else { throw BenchError("the official client fetched \(fetched) calls, expected \(calls)") }
        table.add("HTTP fetch 30 000 calls: official Python client", size: "\(calls)", value: String(format: "%.1f s (%.2f× bound), %@ requests, %@ × 429", pySeconds, pySeconds / bound, "\(pyStats["totalRequests"] ?? "?")", "\(pyStats["rateLimited"] ?? "?")"))
        table.add("HTTP fetch: hubcalls time / official time", size: "\(calls)", value: String(format: "%.2f", swiftSeconds / pySeconds), target: "≤ 1.00")
    }
}

extension HTTPBench {
    /// Pages through every call with hubcalls' client; returns milliseconds.
    static func fetchAll(_ server: ServerProcess, budget: RateLimiter.Budget = .hubSpotDefault, transportMilliseconds: Samples? = nil, completions: Bool = false) async throws -> Double {
        let origin = Stopwatch.now()
        var configuration = HubSpotConfiguration(baseURL: server.baseURL, token: AccessToken(server.token, source: "bench"), budget: budget)
        if let transportMilliseconds {
            // The executor's log line ends its round trip: `GET /crm/v3/objects/calls → 200 12 ms`.
            configuration.log = { line in
                if let ms = line.components(separatedBy: " → 200 ").last?.split(separator: " ").first.flatMap({ Double($0) }) {
                    transportMilliseconds.append(completions ? Stopwatch.ms(since: origin) : ms)
                }
            }
        }
        // Through the hubcalls-https helper built next to this bench, exactly as hubcalls sends them.
        let service = HubSpotCRMService.throughInstalledHelper(configuration)
        var seen = Set<String>()
        let start = Stopwatch.now()
        // `pages` asks for page k+1 as soon as page k's cursor is read, then decodes page k.
        for try await page in service.pages(.calls, ListRequest(limit: 100, properties: CallProperty.listSet)) {
            for call in page.results { seen.insert(call.id) }
        }
        let elapsed = Stopwatch.ms(since: start)
        guard seen.count == calls else { throw BenchError("hubcalls fetched \(seen.count) distinct calls, expected \(calls)") }
        return elapsed
    }
}

/// HubSpot's official Python client in a private venv under the bench's work directory.
struct PythonClient {
    static let package = "hubspot-api-client==12.0.0"
    let python: String

    static func prepare(workdir: String) throws -> PythonClient {
        let venv = "\(workdir)/venv"
        let python = "\(venv)/bin/python"
        if !FileManager.default.fileExists(atPath: python) {
            try shell(["python3", "-m", "venv", venv])
        }
        if (try? shell([python, "-c", "import hubspot"])) == nil {
            try shell([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", package])
        }
        return PythonClient(python: python)
    }

    /// Runs `get_all` on calls and returns how many it fetched.
    func fetchAll(baseURL: URL, token: String) throws -> Int {
        let script = """
        import os, sys
        from urllib3.util.retry import Retry
        import hubspot
        client = hubspot.Client.create(access_token=os.environ["BENCH_TOKEN"], host=os.environ["BENCH_HOST"],
                                       retry=Retry(total=20, backoff_factor=0.3, status_forcelist=(429,)))
        calls = client.crm.objects.get_all("calls", properties=os.environ["BENCH_PROPERTIES"].split(","))
        ids = {c.id for c in calls}
        print(len(ids))
        """
        let output = try PythonClient.shell([python, "-c", script], environment: ["BENCH_TOKEN": token, "BENCH_PROPERTIES": CallProperty.listSet.joined(separator: ","), "BENCH_HOST": baseURL.absoluteString.trimmingCharacters(in: CharacterSet(charactersIn: "/"))])
        guard let count = Int(output.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").last ?? "") else {
            throw BenchError("unexpected output from the official client: \(output.suffix(500))")
        }
        return count
    }

    /// Runs a command and returns its output. `detaches`: the command leaves a daemon behind
    /// (tmux), which would hold a pipe open forever, so its output is discarded.
    @discardableResult
    static func shell(_ arguments: [String], environment: [String: String] = [:], detaches: Bool = false) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe()
        process.standardOutput = detaches ? FileHandle.nullDevice : out
        process.standardError = detaches ? FileHandle.nullDevice : out
        try process.run()
        let data = detaches ? Data() : out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else { throw BenchError("\(arguments.prefix(3).joined(separator: " ")) failed: \(text.suffix(800))") }
        return text
    }
}

/// Samples appended from `@Sendable` callbacks.
final class Samples: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Double] = []

    func append(_ value: Double) { lock.withLock { stored.append(value) } }
    var values: [Double] { lock.withLock { stored } }
}

extension HTTPBench {
    /// Milliseconds per request from a `hubcalls serve --log` file (`… GET /path 200 4.2ms id`).
    static func serverMilliseconds(_ path: String) -> [Double] {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            line.split(separator: " ").first { $0.hasSuffix("ms") }.flatMap { Double($0.dropLast(2)) }
        }
    }
}

extension HTTPBench {
    /// Decodes one list page's body `runs` times the way the client does (wire → domain).
    static func decodeMilliseconds(_ server: ServerProcess, runs: Int) async throws -> Summary {
        var components = URLComponents(url: server.baseURL.appendingPathComponent("crm/v3/objects/calls"), resolvingAgainstBaseURL: false)!
        components.queryItems = [URLQueryItem(name: "limit", value: "100"), URLQueryItem(name: "properties", value: CallProperty.listSet.joined(separator: ","))]
        var request = URLRequest(url: components.url!)
        request.setValue("Bearer \(server.token)", forHTTPHeaderField: "Authorization")
        let (body, _) = try await URLSession.shared.data(for: request)
        var cursorSamples: [Double] = []
        for _ in 0..<max(runs, 20) {
            cursorSamples.append(try Stopwatch.measure {
                guard try WireJSON.decoder().decode(CursorProbe.self, from: body).paging?.next?.after != nil else { throw BenchError("no cursor") }
            })
        }
        FileHandle.standardError.write(Data("  reading the cursor alone: median \(Summary(cursorSamples).median) ms\n".utf8))
        var samples: [Double] = []
        for _ in 0..<max(runs, 20) {
            samples.append(try Stopwatch.measure {
                let page = try WireJSON.decoder().decode(CollectionResponse<SimplePublicObject>.self, from: body)
                guard page.results.map({ $0.crmObject(type: .calls) }).count == 100 else { throw BenchError("short page") }
            })
        }
        return Summary(samples)
    }
}

/// Only the `paging` of a page, as the client reads it before decoding the records.
private struct CursorProbe: Decodable {
    var paging: Paging?
}
