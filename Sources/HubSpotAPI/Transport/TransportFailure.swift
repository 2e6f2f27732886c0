import CallsCore
import Foundation

/// What a thrown transport error means for retrying and for the user.
struct TransportFailure: Error {
    var failure: RetryPolicy.Failure
    var error: CRMError

    /// Classifies an error from ``HTTPTransport/send(_:)`` for a request to `host`.
    init(_ error: any Error, host: String) {
        if let unavailable = error as? TransportHelperUnavailable {
            failure = .notSent
            self.error = CRMError(kind: .other, message: "Cannot send requests to \(host): \(unavailable.reason). Nothing was changed.")
            return
        }
        // URLError by its NSError code: `URLError` itself lives in FoundationNetworking, which
        // this module does not link (see ``TransportError``).
        let code = TransportError.urlErrorCode(of: error)
        switch code {
        case TransportError.cannotConnectToHost?, TransportError.cannotFindHost?, TransportError.dnsLookupFailed?,
             TransportError.notConnectedToInternet?, TransportError.cannotLoadFromNetwork?,
             TransportError.internationalRoamingOff?, TransportError.dataNotAllowed?:
            failure = .notSent
            let reason = code == TransportError.cannotConnectToHost ? "connection refused" : code == TransportError.notConnectedToInternet ? "no network" : "host not found"
            self.error = CRMError(kind: .offline, message: "Cannot reach \(host) (\(reason)): you seem to be offline, or the server is down. Nothing was changed.")
        case TransportError.timedOut?:
            failure = .lost
            self.error = CRMError(kind: .timeout, message: "\(host) did not answer in time. The change may or may not have been applied; refresh to check.")
        case TransportError.networkConnectionLost?:
            failure = .lost
            self.error = CRMError(kind: .offline, message: "The connection to \(host) dropped before an answer arrived.")
        case TransportError.secureConnectionFailed?, TransportError.serverCertificateUntrusted?, TransportError.serverCertificateHasBadDate?,
             TransportError.serverCertificateNotYetValid?, TransportError.serverCertificateHasUnknownRoot?, TransportError.clientCertificateRejected?:
            failure = .notSent
            self.error = CRMError(kind: .offline, message: "Could not open a secure connection to \(host) (TLS error). Check the base URL and the network.")
        default:
            failure = .lost
            self.error = CRMError(kind: .other, message: "The request to \(host) failed: \(Self.describe(error, code: code))")
        }
    }

    private static func describe(_ error: any Error, code: Int?) -> String {
        if let code { return "network error \(code)" }
        return String(describing: type(of: error))
    }
}
