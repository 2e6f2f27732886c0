/// A HubSpot private-app or OAuth access token.
///
/// The value is only ever read by the request executor to build the `Authorization: Bearer`
/// header. Its descriptions are redacted so that a token printed by accident (string
/// interpolation, `dump`, an error message, a test failure) shows as `<redacted>`.
public struct AccessToken: Sendable, Equatable {
    /// Where the token came from, for messages ("from HUBSPOT_ACCESS_TOKEN").
    public var source: String
    let value: String

    /// Wraps a token; surrounding whitespace (a trailing newline from a file or a command) is
    /// dropped. Returns `nil` for an empty token.
    public init?(_ value: String, source: String) {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        self.value = trimmed
        self.source = source
    }

    /// The header value, `Bearer <token>`; only the transport layer calls this.
    var authorizationHeader: String { "Bearer \(value)" }
}

// MARK: - Redaction

extension AccessToken: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { "<redacted token \(source)>" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["source": source]) }
}
