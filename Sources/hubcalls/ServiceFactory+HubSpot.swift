import CallsCore
import Foundation
import HubSpotAPI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ServiceFactory {
    /// The HubSpot backend: base URL and token resolved from `--base-url`, the environment
    /// and the config file (see ``HubSpotConfiguration/resolve(baseURLFlag:file:environment:)``).
    ///
    /// `HUBCALLS_HTTP_LOG=/path` appends one line per request (method, path, status, time,
    /// correlation id; never the token or the query string) for debugging request economy.
    static func makeHubSpot(_ global: GlobalOptions, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> HubSpotCRMService {
        var configuration: HubSpotConfiguration
        do {
            configuration = try HubSpotConfiguration.resolve(baseURLFlag: global.baseURL, file: try ConfigLoader.file(global, reportWarnings: false), environment: environment)
        } catch let error as ConfigurationError {
            throw CLIError(TerminalText.sanitize(error.message))
        }
        if let path = environment["HUBCALLS_HTTP_LOG"], !path.isEmpty {
            configuration.log = HTTPLogFile(path: (path as NSString).expandingTildeInPath).write
        }
        // Through hubcalls-https, installed next to this executable: hubcalls does not link
        // FoundationNetworking (see TransportHelperClient).
        return HubSpotCRMService.throughInstalledHelper(configuration)
    }
}

/// Appends lines to a log file (created 0600), for `HUBCALLS_HTTP_LOG`. Opened with
/// `O_APPEND`, so truncating the file while hubcalls runs (`: > log`) leaves no hole.
final class HTTPLogFile: Sendable {
    private let handle: FileHandle?

    init(path: String) {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o600)
        handle = descriptor >= 0 ? FileHandle(fileDescriptor: descriptor, closeOnDealloc: true) : nil
    }

    func write(_ line: String) {
        let stamp = HubSpotTimestamp.format(Date())
        try? handle?.write(contentsOf: Data("\(stamp) \(line)\n".utf8))
    }
}
