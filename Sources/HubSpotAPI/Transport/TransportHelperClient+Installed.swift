import Foundation

extension TransportHelperClient {
    /// The helper's file name; it is installed next to `hubcalls` (and `hubcalls-bench`).
    public static let helperName = "hubcalls-https"

    /// `hubcalls-https` in the directory of `executable` after symlinks are resolved (so a
    /// `hubcalls` linked into `~/bin` still finds the helper installed beside the real file).
    /// - Parameter executable: default: the running executable.
    public static func helperURL(beside executable: URL? = nil) -> URL {
        let me = executable ?? Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        return me.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent(helperName)
    }

    /// The client of the helper installed next to `executable` (default: the running one),
    /// started with the request timeout in seconds as its argument. What `hubcalls --backend
    /// hubspot` and `hubcalls-bench` both send their requests through.
    public static func installed(timeout: Double, beside executable: URL? = nil) -> TransportHelperClient {
        TransportHelperClient(executable: helperURL(beside: executable), arguments: [String(timeout)])
    }
}

extension HubSpotCRMService {
    /// The service as the `hubcalls` executable builds it for `--backend hubspot`: requests go
    /// through the `hubcalls-https` helper installed next to the running executable (see
    /// ``TransportHelperClient/installed(timeout:beside:)``), with the configuration's timeout.
    public static func throughInstalledHelper(_ configuration: HubSpotConfiguration) -> HubSpotCRMService {
        HubSpotCRMService(configuration: configuration, transport: TransportHelperClient.installed(timeout: configuration.timeout))
    }
}
