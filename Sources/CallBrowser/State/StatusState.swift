import Foundation

/// The bottom line: one transient message, plus a spinner while effects run.
public struct StatusState: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case info, success, warning, error }

    public struct Message: Sendable, Equatable {
        public var text: String
        public var kind: Kind
        /// When the message goes away; `nil` keeps it until the next one.
        public var expires: Date?

        public init(text: String, kind: Kind, expires: Date? = nil) {
            self.text = text
            self.kind = kind
            self.expires = expires
        }
    }

    public var message: Message?
    /// Effects sent and not yet answered; the spinner turns while this is above zero.
    public var busy: Int = 0
    public var spinnerFrame: Int = 0

    public init() {}
}
