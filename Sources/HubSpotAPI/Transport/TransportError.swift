import Foundation

/// A transport failure in `NSURLErrorDomain`, by code: what `URLError` is, without
/// FoundationNetworking.
///
/// The `hubcalls` executable does not link FoundationNetworking (it would load libcurl and its
/// TLS, Kerberos and LDAP libraries, about 6 MB resident, into every run of the browser); its
/// requests go through the `hubcalls-https` helper, which reports a `URLError` as its code and
/// this type carries it. ``TransportFailure`` classifies either by code.
public struct TransportError: Error, CustomNSError, Sendable, Equatable {
    public static let errorDomain = "NSURLErrorDomain"
    public let errorCode: Int
    /// The network library's own words (libcurl's or OpenSSL's: `wrong version number`), when
    /// the code alone says nothing, as -1 ("unknown") does for a failed TLS handshake.
    public let detail: String?

    public init(code: Int, detail: String? = nil) {
        errorCode = code
        self.detail = detail
    }

    // MARK: - Codes (Foundation's NSURLError… values)

    /// What FoundationNetworking reports for libcurl errors it has no code for, a failed TLS
    /// handshake (`https://` to a plain-http server, a proxy's certificate) among them.
    public static let unknown = -1
    /// Also FoundationNetworking's answer to any URL with an IPv6 literal host (see
    /// ``IPv6LoopbackURL``).
    public static let badURL = -1000
    public static let timedOut = -1001
    public static let cannotFindHost = -1003
    public static let cannotConnectToHost = -1004
    public static let networkConnectionLost = -1005
    public static let dnsLookupFailed = -1006
    /// Also what FoundationNetworking reports when the server closed the connection without
    /// sending anything (libcurl's "empty reply from server").
    public static let badServerResponse = -1011
    public static let notConnectedToInternet = -1009
    public static let internationalRoamingOff = -1018
    public static let dataNotAllowed = -1020
    public static let secureConnectionFailed = -1200
    public static let serverCertificateHasBadDate = -1201
    public static let serverCertificateUntrusted = -1202
    public static let serverCertificateHasUnknownRoot = -1203
    public static let serverCertificateNotYetValid = -1204
    public static let clientCertificateRejected = -1205
    public static let cannotLoadFromNetwork = -2000

    /// The `NSURLErrorDomain` code of `error` (a `URLError` or a ``TransportError``), else nil.
    public static func urlErrorCode(of error: any Error) -> Int? {
        guard let error = error as? any CustomNSError, type(of: error).errorDomain == errorDomain else { return nil }
        return error.errorCode
    }

    /// The network library's description of `error`, cleaned for a message: control characters
    /// dropped, at most 160 characters. Nil when there is none or it only repeats the code.
    public static func detail(of error: any Error) -> String? {
        if let error = error as? TransportError { return error.detail }
        let text = (error as NSError).localizedDescription
        let clean = String(String.UnicodeScalarView(text.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) }))
            .trimmingCharacters(in: .whitespaces)
        guard !clean.isEmpty, !clean.contains("NSURLErrorDomain error") else { return nil }
        return clean.count > 160 ? String(clean.prefix(160)) + "…" : clean
    }
}
