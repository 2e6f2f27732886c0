import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Works around FoundationNetworking refusing every URL whose host is an IPv6 literal.
///
/// On Linux, `URLSession` compares libcurl's idea of the host (`[::1]`, brackets kept) with
/// `URL.host` (`::1`) and fails the request with `NSURLErrorBadURL` (-1000) when they differ,
/// which they always do for a literal (swift-corelibs-foundation issue 5496, fixed upstream
/// after the toolchain hubcalls is built with). The one literal hubcalls itself invites is
/// the loopback `http://[::1]:PORT` (plain http is only allowed to this machine), so that one
/// is sent as `localhost`, which libcurl resolves internally to `::1` first (then
/// `127.0.0.1`) without asking DNS. Other literals are left alone; their failure is explained
/// by ``TransportFailure``.
public enum IPv6LoopbackURL {
    /// `url` with a `[::1]` host replaced by `localhost`, else `url` unchanged.
    public static func reachable(_ url: URL) -> URL {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false),
              let host = components.host, isLoopbackLiteral(host) else { return url }
        components.host = "localhost"
        return components.url ?? url
    }

    /// Whether `host` (with or without brackets) is the IPv6 loopback address.
    static func isLoopbackLiteral(_ host: String) -> Bool {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        var address = in6_addr()
        return inet_pton(AF_INET6, bare, &address) == 1 && withUnsafeBytes(of: &address) { bytes in
            bytes.prefix(15).allSatisfy { $0 == 0 } && bytes[15] == 1
        }
    }

    /// Whether `host` is an IPv6 literal of any kind (it contains a colon, which no host name
    /// or IPv4 address does).
    public static func isLiteral(_ host: String) -> Bool { host.contains(":") }
}
