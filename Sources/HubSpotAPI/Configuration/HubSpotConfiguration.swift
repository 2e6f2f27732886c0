import Foundation

/// Everything ``HubSpotCRMService`` needs to talk to HubSpot (or to `hubcalls serve`).
///
/// Build one with ``resolve(baseURLFlag:file:environment:)``, which applies the documented
/// precedence, or directly in tests.
public struct HubSpotConfiguration: Sendable {
    public static let defaultBaseURL = URL(string: "https://api.hubapi.com")!

    public var baseURL: URL
    public var token: AccessToken?
    public var budget: RateLimiter.Budget
    public var retry: RetryPolicy
    /// Seconds per request.
    public var timeout: Double
    /// HubSpot's search result cap (10 000); past it, searches sorted by `hs_timestamp`
    /// continue in a new time window. Lowered in tests.
    public var searchResultCap: Int
    /// The config file path to mention when a token is missing or refused.
    public var configPath: String
    /// Receives one line per request (method, path, status, time; never a token or query).
    public var log: (@Sendable (String) -> Void)?

    public init(
        baseURL: URL = HubSpotConfiguration.defaultBaseURL, token: AccessToken?, budget: RateLimiter.Budget = .hubSpotDefault,
        retry: RetryPolicy = RetryPolicy(), timeout: Double = 30, searchResultCap: Int = 10_000,
        configPath: String = ConfigFile.defaultPath(), log: (@Sendable (String) -> Void)? = nil
    ) {
        self.baseURL = baseURL
        self.token = token
        self.budget = budget
        self.retry = retry
        self.timeout = timeout
        self.searchResultCap = searchResultCap
        self.configPath = configPath
        self.log = log
    }

    /// How to set a token, for 401 and missing-token messages.
    public var tokenHelp: String {
        "Set HUBSPOT_ACCESS_TOKEN to a private-app token, or put token = \"…\" (file mode 600) or token_command = \"…\" in \(configPath)."
    }
}

// MARK: - Precedence

extension HubSpotConfiguration {
    /// Resolves the HubSpot settings. Precedence, highest first:
    ///
    /// * base URL: `--base-url` › `HUBSPOT_BASE_URL` › `base_url` in the file › `https://api.hubapi.com`
    /// * token: `HUBSPOT_ACCESS_TOKEN` › `token` in the file › `token_command` in the file
    ///   (there is no token flag: argv is visible to every user of the machine)
    /// * budgets and timeout: the file › defaults (100 / 10 s, 5 searches / s, 30 s)
    ///
    /// - Throws: ``ConfigurationError`` when there is no token, the base URL is unusable, or
    ///   `token_command` fails.
    public static func resolve(baseURLFlag: String?, file: ConfigFile?, environment: [String: String] = ProcessInfo.processInfo.environment) throws(ConfigurationError) -> HubSpotConfiguration {
        let configPath = file?.path ?? ConfigFile.defaultPath(environment: environment)
        let rawURL = nonEmpty(baseURLFlag) ?? nonEmpty(environment["HUBSPOT_BASE_URL"]) ?? nonEmpty(file?.baseURL)
        let baseURL = try rawURL.map { url throws(ConfigurationError) in try validateBaseURL(url) } ?? defaultBaseURL

        let token: AccessToken?
        if let env = environment["HUBSPOT_ACCESS_TOKEN"].flatMap({ AccessToken($0, source: "from HUBSPOT_ACCESS_TOKEN") }) {
            token = env
        } else if let fileToken = file?.token {
            token = fileToken
        } else if let command = nonEmpty(file?.tokenCommand) {
            token = try TokenCommand.run(command)
        } else {
            token = nil
        }
        var configuration = HubSpotConfiguration(baseURL: baseURL, token: token, configPath: configPath)
        guard token != nil else { throw ConfigurationError("No HubSpot access token. \(configuration.tokenHelp)") }
        if let limit = file?.rateLimit { configuration.budget.requests = limit }
        if let limit = file?.searchRateLimit { configuration.budget.searches = limit }
        if let timeout = file?.timeout { configuration.timeout = timeout }
        return configuration
    }

    /// An http(s) URL with a host; plain http only to this machine, so a token never
    /// crosses a network unencrypted.
    public static func validateBaseURL(_ text: String) throws(ConfigurationError) -> URL {
        guard let url = URL(string: text.trimmingCharacters(in: .whitespaces)), let scheme = url.scheme?.lowercased(),
              let host = url.host, !host.isEmpty else {
            throw ConfigurationError("Base URL \(text) is not a URL like https://api.hubapi.com.")
        }
        guard url.query == nil, url.user == nil, url.password == nil else {
            throw ConfigurationError("Base URL \(url.host ?? text) must not carry a query or credentials.")
        }
        switch scheme {
        case "https":
            return url
        case "http":
            let local = ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host.lowercased()) || host.hasPrefix("127.")
            guard local else {
                throw ConfigurationError("Base URL \(text) uses plain http to another machine; the token would travel unencrypted. Use https (http is allowed for 127.0.0.1 and localhost).")
            }
            return url
        default:
            throw ConfigurationError("Base URL \(text) must start with https:// (or http:// for this machine).")
        }
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }
}

// MARK: - Backend choice

/// Which ``CRMService`` the executable builds.
public enum BackendChoice: String, Sendable, CaseIterable {
    case local, hubspot

    /// `--backend` › `HUBCALLS_BACKEND` › `backend` in the config file › `local`.
    public static func resolve(flag: String?, file: ConfigFile?, environment: [String: String] = ProcessInfo.processInfo.environment) throws(ConfigurationError) -> BackendChoice {
        for (value, origin) in [(flag, "--backend"), (environment["HUBCALLS_BACKEND"], "HUBCALLS_BACKEND"), (file?.backend, "backend in \(file?.path ?? "the config file")")] {
            guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { continue }
            guard let choice = BackendChoice(rawValue: value.lowercased()) else {
                throw ConfigurationError("\(origin) must be local or hubspot, not \(value).")
            }
            return choice
        }
        return .local
    }
}
