import Foundation

/// The bottom line: one transient message, plus a spinner while effects run.
public struct StatusState: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case info, success, warning, error }

    public struct Message: Sendable, Equatable {
        public var text: String
        public var kind: Kind
        /// When the message goes away; `nil` keeps it until the next one.
        public var expires: Date?
        /// The message is only about the key just pressed ("W does nothing here"): the next
        /// key that runs an action clears it, so it does not sit over that action's hints.
        public var untilNextAction: Bool

        public init(text: String, kind: Kind, expires: Date? = nil, untilNextAction: Bool = false) {
            self.text = text
            self.kind = kind
            self.expires = expires
            self.untilNextAction = untilNextAction
        }
    }

    public var message: Message?
    /// Effects sent and not yet answered; the spinner turns while this is above zero.
    public var busy: Int = 0
    /// Clock ticks since the effects in flight began (reset when none are): the spinner
    /// shows from ``spinnerDelay`` ticks on, so work that ends sooner does not flash it.
    public var spinnerFrame: Int = 0
    /// Two ticks of 100 ms: a local load or a save never shows the spinner; an HTTP request
    /// that takes its time does.
    public static let spinnerDelay = 2

    /// The spinner's glyph index, or nil while nothing has been in flight long enough.
    public var spinnerPhase: Int? {
        busy > 0 && spinnerFrame >= Self.spinnerDelay ? spinnerFrame - Self.spinnerDelay : nil
    }

    public init() {}
}
