import Foundation
@testable import HubSpotAPI
import Testing

/// Failures whose code says nothing are put in words a user can act on (QA4 Q4-18), like a
/// connection closed without an answer (QA3 R10).
@Suite struct TransportFailureWordsTests {
    @Test func aTLSFailureWithoutItsOwnCodeIsNamedFromTheLibrarysWords() {
        let error = TransportError(code: TransportError.unknown, detail: "OpenSSL/3.0.19: error:0A00010B:SSL routines::wrong version number")
        let failure = TransportFailure(error, host: "127.0.0.1:38191")
        #expect(failure.failure == .notSent)
        #expect(failure.error.message == "Could not open a secure connection to 127.0.0.1:38191: the TLS handshake failed (OpenSSL/3.0.19: error:0A00010B:SSL routines::wrong version number). Is it an https server (not plain http)? A proxy or certificate problem? Check the base URL and the network.")
    }

    @Test func anUnknownFailureQuotesTheLibraryInsteadOfABareCode() {
        let failure = TransportFailure(TransportError(code: TransportError.unknown, detail: "Weird server reply"), host: "api.hubapi.com")
        #expect(failure.error.message == "The request to api.hubapi.com failed: Weird server reply (network error -1)")
    }

    @Test func anIPv6LiteralOtherThanLoopbackIsRefusedWithAReasonAndNotRetried() {
        let failure = TransportFailure(TransportError(code: TransportError.badURL), host: "[2001:db8::1]:443")
        #expect(failure.failure == .cannotSend)
        #expect(failure.error.message.contains("IPv6 address URLs other than [::1]"))
    }

    @Test(arguments: [
        ("http://[::1]:42325/crm/v3/objects/calls?limit=1", "http://localhost:42325/crm/v3/objects/calls?limit=1"),
        ("http://[0:0:0:0:0:0:0:1]:8080/x", "http://localhost:8080/x"),
        ("http://[2001:db8::1]:8080/x", "http://[2001:db8::1]:8080/x"),
        ("http://127.0.0.1:8080/x", "http://127.0.0.1:8080/x"),
        ("https://api.hubapi.com/crm/v3", "https://api.hubapi.com/crm/v3"),
    ])
    func onlyTheIPv6LoopbackLiteralIsSentAsLocalhost(url: String, sent: String) {
        #expect(IPv6LoopbackURL.reachable(URL(string: url)!).absoluteString == sent)
    }

    @Test func controlCharactersInTheLibrarysWordsAreDropped() {
        let error = NSError(domain: "NSURLErrorDomain", code: -1, userInfo: [NSLocalizedDescriptionKey: "bad\u{1B}[31m reply\n"])
        #expect(TransportError.detail(of: error) == "bad[31m reply")
    }
}
