import CallsCore
import Foundation

/// What a thrown transport error means for retrying and for the user.
struct TransportFailure: Error {
    var failure: RetryPolicy.Failure
    var error: CRMError

    init(failure: RetryPolicy.Failure, error: CRMError) {
        self.failure = failure
        self.error = error
    }

    /// Classifies an error from ``HTTPTransport/send(_:)`` for a request to `host`; `changes`:
    /// whether the request may change data (a lost read need not be checked).
    init(_ error: any Error, host: String, changes: Bool = true) {
        if let helperFailure = Self.helperFailure(error, host: host) {
            self = helperFailure
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
            self.error = CRMError(kind: .offline, message: "The connection to \(host) dropped before an answer arrived.\(changes ? " " + Self.mayHaveApplied : "")")
        case TransportError.badServerResponse?:
            // libcurl's "empty reply from server" (a server restarting, a proxy or load balancer
            // closing the connection) or a reply that is not HTTP: either way no answer.
            failure = .lost
            self.error = CRMError(kind: .offline, message: "\(host) closed the connection without answering.\(changes ? " " + Self.mayHaveApplied : "")")
        case TransportError.secureConnectionFailed?, TransportError.serverCertificateUntrusted?, TransportError.serverCertificateHasBadDate?,
             TransportError.serverCertificateNotYetValid?, TransportError.serverCertificateHasUnknownRoot?, TransportError.clientCertificateRejected?:
            failure = .notSent
            self.error = CRMError(kind: .offline, message: Self.tlsMessage(host, detail: TransportError.detail(of: error)))
        case TransportError.unknown? where Self.isTLS(TransportError.detail(of: error)):
            // FoundationNetworking has no code for most TLS failures (libcurl's SSL connect
            // error): only OpenSSL's words tell them apart.
            failure = .notSent
            self.error = CRMError(kind: .offline, message: Self.tlsMessage(host, detail: TransportError.detail(of: error)))
        case TransportError.badURL? where host.hasPrefix("["):
            // Waiting would not help: the network library refuses such URLs outright.
            failure = .cannotSend
            self.error = CRMError(kind: .other, message: "Cannot send requests to \(host): this build's network library refuses IPv6 address URLs other than [::1] (a Foundation bug). Use a host name for that address. Nothing was changed.")
        default:
            failure = .lost
            self.error = CRMError(kind: .other, message: "The request to \(host) failed: \(Self.describe(error, code: code))")
        }
    }

    /// What a failure of the `hubcalls-https` helper means: its own words, never the
    /// network's (a helper that stopped did not drop a connection).
    private static func helperFailure(_ error: any Error, host: String) -> TransportFailure? {
        let restart = "hubcalls starts the helper again for the next request; if this keeps happening, reinstall hubcalls (hubcalls-https must sit next to hubcalls, from the same build)."
        switch error {
        case let unavailable as TransportHelperUnavailable:
            // It will not get better by waiting: say so at once instead of retrying.
            return TransportFailure(
                failure: .cannotSend,
                error: CRMError(kind: .other, message: "Cannot send requests to \(host): \(unavailable.reason). Nothing was changed.")
            )
        case let stopped as TransportHelperStopped where !stopped.handedOver:
            return TransportFailure(
                failure: .notSent,
                error: CRMError(kind: .other, message: "The HTTPS helper (hubcalls-https) \(stopped.stoppedText) before the request to \(host) was handed to it. Nothing was changed. \(restart)")
            )
        case let stopped as TransportHelperStopped:
            return TransportFailure(
                failure: .lost,
                error: CRMError(kind: .other, message: "The HTTPS helper (hubcalls-https) \(stopped.stoppedText) before \(host) answered. The change may or may not have been applied; refresh to check. \(restart)")
            )
        case let unresponsive as TransportHelperUnresponsive:
            return TransportFailure(
                failure: .lost,
                error: CRMError(kind: .timeout, message: "No answer from \(host) within \(TransportHelperUnresponsive.format(unresponsive.seconds)) s: the HTTPS helper (hubcalls-https) hung and was stopped. The change may or may not have been applied; refresh to check. \(restart)")
            )
        default:
            return nil
        }
    }

    private static let mayHaveApplied = "The change may or may not have been applied; refresh to check."

    /// A failed TLS handshake, in words that point at the usual causes.
    private static func tlsMessage(_ host: String, detail: String?) -> String {
        let why = detail.map { " (\($0))" } ?? ""
        return "Could not open a secure connection to \(host): the TLS handshake failed\(why). Is it an https server (not plain http)? A proxy or certificate problem? Check the base URL and the network."
    }

    private static func isTLS(_ detail: String?) -> Bool {
        guard let detail else { return false }
        return ["SSL", "TLS", "certificate"].contains { detail.localizedCaseInsensitiveContains($0) }
    }

    private static func describe(_ error: any Error, code: Int?) -> String {
        if let code, let detail = TransportError.detail(of: error) { return "\(detail) (network error \(code))" }
        if let code { return "network error \(code) (NSURLErrorDomain)" }
        return String(describing: type(of: error))
    }
}
