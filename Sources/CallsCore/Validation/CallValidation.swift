import Foundation

/// One reason a property value is refused, in HubSpot's vocabulary (`error` codes inside a
/// `VALIDATION_ERROR` message: `REQUIRED`, `INVALID_OPTION`, `INVALID_DATE`, …).
public struct ValidationIssue: Sendable, Hashable {
    public var property: String
    public var code: String
    public var message: String

    public init(property: String, code: String, message: String) {
        self.property = property
        self.code = code
        self.message = message
    }
}

/// The rules HubSpot applies to call properties (FINDINGS.md §8), checked before anything is
/// sent so the edit form can show them inline and the local store refuses what HubSpot would.
public enum CallValidation {
    /// Checks `properties` (wire strings; `""` clears a value on update).
    /// - Parameter creating: a create needs `hs_timestamp`; an update may omit it.
    public static func validate(_ properties: [String: String], creating: Bool) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if let raw = properties[CallProperty.timestamp], !raw.isEmpty {
            if let issue = timestampIssue(raw) { issues.append(issue) }
        } else if creating || properties[CallProperty.timestamp] != nil {
            issues.append(ValidationIssue(property: CallProperty.timestamp, code: "REQUIRED", message: "hs_timestamp is required (epoch milliseconds or ISO-8601, e.g. 2025-05-02T14:00:00Z)"))
        }
        if let url = properties[CallProperty.recordingURL], !url.isEmpty {
            let parsed = URL(string: url)
            if parsed?.scheme?.lowercased() != "https" || (parsed?.host ?? "").isEmpty {
                issues.append(ValidationIssue(property: CallProperty.recordingURL, code: "INVALID_URL", message: "Recording URL must be an https:// URL, got \(quoted(url))"))
            }
        }
        if let source = properties[CallProperty.source], !source.isEmpty, source != "INTEGRATIONS_PLATFORM" {
            issues.append(ValidationIssue(property: CallProperty.source, code: "INVALID_OPTION", message: "hs_call_source may only be INTEGRATIONS_PLATFORM, got \(quoted(source))"))
        }
        if let duration = properties[CallProperty.duration], !duration.isEmpty {
            if let value = Double(duration), value.isFinite {
                if value < 0 { issues.append(ValidationIssue(property: CallProperty.duration, code: "INVALID_NUMBER", message: "Duration must not be negative (milliseconds), got \(duration)")) }
            } else {
                issues.append(ValidationIssue(property: CallProperty.duration, code: "INVALID_NUMBER", message: "Duration must be a number of milliseconds, got \(quoted(duration))"))
            }
        }
        if let direction = properties[CallProperty.direction], !direction.isEmpty, case .unknown = CallDirection(direction) {
            issues.append(ValidationIssue(property: CallProperty.direction, code: "INVALID_OPTION", message: "\(quoted(direction)) is not a call direction; use INBOUND or OUTBOUND"))
        }
        if let status = properties[CallProperty.status], !status.isEmpty, case .unknown = CallStatus(status) {
            issues.append(ValidationIssue(property: CallProperty.status, code: "INVALID_OPTION", message: "\(quoted(status)) is not a call status; use one of \(CallStatus.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        if let flag = properties[CallProperty.hasVoicemail], !flag.isEmpty, !["true", "false"].contains(flag.lowercased()) {
            issues.append(ValidationIssue(property: CallProperty.hasVoicemail, code: "INVALID_OPTION", message: "hs_call_has_voicemail must be true or false, got \(quoted(flag))"))
        }
        return issues
    }

    /// The problem with one `hs_timestamp` value, or `nil` when it is fine.
    public static func timestampIssue(_ raw: String) -> ValidationIssue? {
        switch HubSpotTimestamp.validate(raw) {
        case .success: return nil
        case .failure(let error) where error.problem == .seconds:
            return ValidationIssue(property: CallProperty.timestamp, code: "INVALID_DATE", message: "hs_timestamp \(raw) looks like epoch seconds; HubSpot wants milliseconds (\(raw)000) or ISO-8601, otherwise the call lands in 1970")
        case .failure(let error):
            if case .outOfRange(let why) = error.problem {
                return ValidationIssue(property: CallProperty.timestamp, code: "INVALID_DATE", message: "hs_timestamp \(quoted(raw)) is no such date: \(why)")
            }
            return ValidationIssue(property: CallProperty.timestamp, code: "INVALID_DATE", message: "hs_timestamp \(quoted(raw)) is not epoch milliseconds or an ISO-8601 date such as 2025-05-02T14:00:00Z")
        }
    }

    /// A `VALIDATION_ERROR` in HubSpot's shape for these issues, or `nil` when there are none.
    public static func error(for issues: [ValidationIssue], objectType: ObjectType = .calls) -> CRMError? {
        guard !issues.isEmpty else { return nil }
        if issues.count == 1, issues[0].code == "REQUIRED" {
            return CRMError(kind: .validation, status: 400, message: "Error creating \(objectType.singular.uppercased()). Some required properties were not set.", category: "VALIDATION_ERROR", context: ["properties": issues.map(\.property)])
        }
        let list = issues.map { ["isValid": false, "message": $0.message, "error": $0.code, "name": $0.property] as [String: Any] }
        let json = (try? JSONSerialization.data(withJSONObject: list, options: [.sortedKeys])).flatMap { String(data: $0, encoding: .utf8) } ?? ""
        return CRMError(kind: .validation, status: 400, message: "Property values were not valid: \(json)", category: "VALIDATION_ERROR", errors: issues.map { CRMError.Detail(message: $0.message, code: $0.code, context: ["propertyName": [$0.property]]) })
    }

    private static func quoted(_ value: String) -> String {
        let clipped = value.count > 80 ? String(value.prefix(80)) + "…" : value
        return "\"\(clipped)\""
    }
}
