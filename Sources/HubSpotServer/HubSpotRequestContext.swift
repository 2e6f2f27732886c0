import Foundation
public import Hummingbird

/// The request context of `hubcalls serve`: Hummingbird's core storage plus what the
/// middleware chain needs to know about a request.
public struct HubSpotRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by ``CorrelationIdMiddleware``; every error body and log line quotes it.
    public var correlationId: String
    /// Whether the peer is on this machine (or unknown, as in router tests): the test-aid
    /// endpoints answer only then.
    public let isLocalPeer: Bool
    /// Closes the connection without a response (fault injection's "dropped connection").
    let closeConnection: @Sendable () -> Void

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        correlationId = UUID().uuidString.lowercased()
        let channel = source.channel
        if let address = channel.remoteAddress?.ipAddress {
            isLocalPeer = address == "127.0.0.1" || address == "::1" || address.hasPrefix("::ffff:127.")
        } else {
            isLocalPeer = true
        }
        closeConnection = { channel.close(promise: nil) }
    }

    /// Request bodies larger than this get a 413 (HubSpot's batch bodies stay far below it).
    public var maxUploadSize: Int { 4 * 1024 * 1024 }
}
