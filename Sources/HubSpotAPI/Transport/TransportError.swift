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

    public init(code: Int) { errorCode = code }

    // MARK: - Codes (Foundation's NSURLError… values)

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
}
