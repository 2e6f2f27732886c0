import Foundation

// What can go wrong with the `hubcalls-https` helper itself, as opposed to the network behind
// it. ``TransportFailure`` turns each into a retry decision and a message that names the
// helper, not the network. None of them carries a request's headers, so none can carry the
// token.

/// The helper cannot be started, or stopped again right after a restart: nothing was sent,
/// and nothing will be until hubcalls is reinstalled or fixed. Never retried.
public struct TransportHelperUnavailable: Error, Sendable, CustomStringConvertible {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}

/// The helper ended while a request was in its hands (crashed, was killed, exited).
///
/// The next request starts it again (see ``TransportHelperClient``).
public struct TransportHelperStopped: Error, Sendable, CustomStringConvertible {
    /// How it ended: `exited with status 3`, `was killed by signal 9 (SIGKILL)`; nil when
    /// unknown.
    public var exit: String?
    /// Whether the request had been handed to the helper (it may have reached the server).
    /// A request the helper never read was not sent.
    public var handedOver: Bool

    public init(exit: String?, handedOver: Bool) {
        self.exit = exit
        self.handedOver = handedOver
    }

    public var description: String { "the hubcalls-https helper \(stoppedText)" }

    /// `stopped (exited with status 3)`.
    var stoppedText: String { "stopped" + (exit.map { " (\($0))" } ?? "") }
}

/// The helper did not answer a request within the client's deadline (well past the request's
/// own timeout, which the helper enforces): it was stopped, and the next request starts it
/// again.
public struct TransportHelperUnresponsive: Error, Sendable, CustomStringConvertible {
    /// The deadline that passed, in seconds.
    public var seconds: Double

    public init(seconds: Double) { self.seconds = seconds }

    public var description: String { "the hubcalls-https helper did not answer within \(Self.format(seconds)) s" }

    static func format(_ seconds: Double) -> String {
        seconds >= 10 || seconds == seconds.rounded() ? String(Int(seconds.rounded())) : String(format: "%.1f", seconds)
    }
}
