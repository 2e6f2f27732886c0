import CallsCore

/// A failure the user can act on, printed by ArgumentParser as `Error: <message>` on stderr
/// with a non-zero exit status.
struct CLIError: Error, CustomStringConvertible {
    var message: String

    init(_ message: String) { self.message = message }

    var description: String { message }

    /// A ``CRMError`` in words: the details of a validation error one per line, without the
    /// JSON HubSpot packs into its message.
    init(_ error: CRMError) {
        if !error.errors.isEmpty {
            message = error.errors.map(\.message).joined(separator: "\n")
        } else if error.kind == .validation, error.context["properties"] != nil, error.message.contains("required") {
            message = "\(error.message) Missing: \(error.context["properties"]!.joined(separator: ", "))"
        } else {
            message = error.message
        }
        // What HubSpot support asks for first; local errors carry no correlation id.
        if let correlationId = error.correlationId {
            message += " (\(error.category ?? error.hubSpotCategory), correlation id \(correlationId))"
        }
        message = TerminalText.sanitize(message, multiline: true)
    }

    /// Runs a command body, turning ``CRMError``s into ``CLIError``s.
    static func reporting<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as CRMError {
            throw CLIError(error)
        }
    }
}
