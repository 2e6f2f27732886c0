import CallsCore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// What a thrown transport error means for retrying and for the user.
struct TransportFailure: Error {
    var failure: RetryPolicy.Failure
    var error: CRMError

    /// Classifies an error from ``HTTPTransport/send(_:)`` for a request to `host`.
    init(_ error: any Error, host: String) {
        let code = (error as? URLError)?.code
        switch code {
        case .cannotConnectToHost?, .cannotFindHost?, .dnsLookupFailed?, .notConnectedToInternet?, .cannotLoadFromNetwork?, .internationalRoamingOff?, .dataNotAllowed?:
            failure = .notSent
            let reason = code == .cannotConnectToHost ? "connection refused" : code == .notConnectedToInternet ? "no network" : "host not found"
            self.error = CRMError(kind: .offline, message: "Cannot reach \(host) (\(reason)): you seem to be offline, or the server is down. Nothing was changed.")
        case .timedOut?:
            failure = .lost
            self.error = CRMError(kind: .timeout, message: "\(host) did not answer in time. The change may or may not have been applied; refresh to check.")
        case .networkConnectionLost?:
            failure = .lost
            self.error = CRMError(kind: .offline, message: "The connection to \(host) dropped before an answer arrived.")
        case .secureConnectionFailed?, .serverCertificateUntrusted?, .serverCertificateHasBadDate?, .serverCertificateNotYetValid?, .serverCertificateHasUnknownRoot?, .clientCertificateRejected?:
            failure = .notSent
            self.error = CRMError(kind: .offline, message: "Could not open a secure connection to \(host) (TLS error). Check the base URL and the network.")
        default:
            failure = .lost
            self.error = CRMError(kind: .other, message: "The request to \(host) failed: \(Self.describe(error))")
        }
    }

    private static func describe(_ error: any Error) -> String {
        if let urlError = error as? URLError { return "network error \(urlError.code.rawValue)" }
        return String(describing: type(of: error))
    }
}
