import ArgumentParser
import CallsCore
import Foundation
import HubSpotServer

/// `hubcalls serve`: a HubSpot-compatible API over the local database, for pointing official
/// SDKs, scripts and `--backend hubspot` at a safe offline CRM.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the local database over HubSpot's CRM API.",
        discussion: """
        Prints "listening on http://HOST:PORT" as the first line of stdout once ready (--port 0 picks a free port).
        The accepted bearer token comes from $\(tokenVariable) (preferred: argv is visible to other users) or --token; \
        without one, authentication is off. Fault injection also reads $HUBCALLS_FAULT_LATENCY_MS, \
        $HUBCALLS_FAULT_ERROR_RATE, $HUBCALLS_FAULT_DROP_RATE and $HUBCALLS_FAULT_SEED.
        """
    )

    static let tokenVariable = "HUBCALLS_SERVE_TOKEN"

    @OptionGroup var global: GlobalOptions

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on (0: any free port).")
    var port = 8080

    @Option(help: "Bearer token clients must send (prefer $HUBCALLS_SERVE_TOKEN).")
    var token: String?

    @Flag(name: .customLong("no-rate-limit"), help: "Turn HubSpot's rate limits off.")
    var noRateLimit = false

    @Option(name: .customLong("rate-limit"), help: "Request budget per rolling window, e.g. 100/10s.")
    var rateLimit = "100/10s"

    @Option(name: .customLong("search-rate-limit"), help: "Search budget, e.g. 5/1s.")
    var searchRateLimit = "5/1s"

    @Option(name: .customLong("daily-limit"), help: "Requests per day.")
    var dailyLimit = 250_000

    @Flag(name: .customLong("retry-after"), help: "Send Retry-After on 429s (HubSpot is not known to).")
    var retryAfter = false

    @Option(name: .customLong("fault-latency"), help: "Added latency in ms: N or MIN-MAX.")
    var faultLatency: String?

    @Option(name: .customLong("fault-error-rate"), help: "Fraction (0-1) of requests answered 500/502/503.")
    var faultErrorRate: Double?

    @Option(name: .customLong("fault-drop-rate"), help: "Fraction (0-1) of connections closed without a response.")
    var faultDropRate: Double?

    @Option(name: .customLong("fault-seed"), help: "Seed for fault decisions (same seed, same faults).")
    var faultSeed: UInt64?

    @Option(help: "Append the request log to this file instead of stderr.")
    var log: String?

    @Flag(help: "Do not log requests.")
    var quiet = false

    func validate() throws {
        if let backend = global.backend, backend.lowercased() != "local" {
            throw ValidationError("serve always serves the local database; --backend \(TerminalText.sanitize(backend)) is not supported here")
        }
    }

    func run() async throws {
        let configuration = try makeConfiguration(environment: ProcessInfo.processInfo.environment)
        let service = try await ServiceFactory.makeLocal(global)
        let app = HubSpotServer.buildApplication(service: service, configuration: configuration)
        try await app.runService()
    }

    func makeConfiguration(environment: [String: String]) throws -> HubSpotServerConfiguration {
        let secret = token ?? environment[Self.tokenVariable]
        if secret == nil || secret?.isEmpty == true {
            FileHandle.standardError.write(Data("hubcalls serve: no token set ($\(Self.tokenVariable) or --token): authentication is off\n".utf8))
        }
        var configuration = HubSpotServerConfiguration(host: host, port: port, token: secret?.isEmpty == false ? secret : nil)
        configuration.rateLimits = noRateLimit ? nil : try rateLimits()
        configuration.faults = try faults(environment)
        configuration.requestLog = quiet ? nil : try logSink()
        let host = self.host
        configuration.onListening = { port in
            let shown = host.contains(":") ? "[\(host)]" : host
            FileHandle.standardOutput.write(Data("listening on http://\(shown):\(port)\n".utf8))
        }
        return configuration
    }

    private func rateLimits() throws -> RateLimitConfiguration {
        guard let (max, interval) = RateLimitConfiguration.parseBudget(rateLimit) else {
            throw ValidationError("--rate-limit must look like 100/10s")
        }
        guard let (searchMax, searchInterval) = RateLimitConfiguration.parseBudget(searchRateLimit) else {
            throw ValidationError("--search-rate-limit must look like 5/1s")
        }
        return RateLimitConfiguration(max: max, interval: interval, searchMax: searchMax, searchInterval: searchInterval, daily: dailyLimit, sendRetryAfter: retryAfter)
    }

    private func faults(_ environment: [String: String]) throws -> FaultConfiguration {
        var faults = FaultConfiguration()
        if let text = faultLatency ?? environment["HUBCALLS_FAULT_LATENCY_MS"] {
            guard let range = FaultConfiguration.parseLatency(text) else { throw ValidationError("fault latency must be N or MIN-MAX milliseconds") }
            faults.latencyMs = range
        }
        faults.errorRate = try rate(faultErrorRate, environment["HUBCALLS_FAULT_ERROR_RATE"], "fault error rate")
        faults.dropRate = try rate(faultDropRate, environment["HUBCALLS_FAULT_DROP_RATE"], "fault drop rate")
        if let seed = faultSeed ?? environment["HUBCALLS_FAULT_SEED"].flatMap({ UInt64($0) }) { faults.seed = seed }
        return faults
    }

    private func rate(_ flag: Double?, _ env: String?, _ name: String) throws -> Double {
        guard let value = flag ?? env.flatMap(Double.init) else { return 0 }
        guard (0...1).contains(value) else { throw ValidationError("\(name) must be between 0 and 1") }
        return value
    }

    private func logSink() throws -> @Sendable (String) -> Void {
        guard let log else {
            return { line in FileHandle.standardError.write(Data((line + "\n").utf8)) }
        }
        let path = (log as NSString).expandingTildeInPath
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        guard let handle = FileHandle(forWritingAtPath: path) else { throw ValidationError("cannot open log file \(path)") }
        handle.seekToEndOfFile()
        return { line in handle.write(Data((line + "\n").utf8)) }
    }
}
