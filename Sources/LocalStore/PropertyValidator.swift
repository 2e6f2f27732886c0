import CallsCore

/// Checks and normalises property values on create and update, as HubSpot does.
///
/// - Calls go through ``CallsCore/CallValidation`` (timestamp, URL, source, duration…).
/// - On create, a property the type does not define is a `PROPERTY_DOESNT_EXIST` error; on
///   update it is ignored (HubSpot's calls guide). Read-only properties are ignored.
/// - Enumeration values must be one of the options (`INVALID_OPTION`); matching ignores case
///   and the stored value is the option's own spelling. `hs_call_disposition` is checked
///   against the account's outcome catalogue.
/// - `hs_timestamp` is stored as ISO-8601 with milliseconds and `Z`.
struct PropertyValidator: Sendable {
    var type: ObjectType
    var outcomes: OutcomeCatalog

    /// Properties whose options ``CallsCore/CallValidation`` already checks with its own
    /// messages; here they are only normalised.
    private static let checkedByCallValidation: Set<String> = [
        CallProperty.direction, CallProperty.status, CallProperty.hasVoicemail, CallProperty.source,
    ]

    /// The changes to apply: a name mapped to its normalised value, or to `""` to clear it
    /// (update only; a create simply leaves out empty values).
    func normalize(_ input: [String: String], creating: Bool) throws(CRMError) -> [String: String] {
        var issues: [ValidationIssue] = []
        var accepted: [String: String] = [:]
        let definitions = StandardProperties.definitions(for: type, outcomes: outcomes)
        let byName = Dictionary(definitions.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

        for name in input.keys.sorted() {
            let value = input[name] ?? ""
            guard let definition = byName[name] else {
                if creating {
                    issues.append(ValidationIssue(property: name, code: "PROPERTY_DOESNT_EXIST", message: "Property \"\(name)\" does not exist"))
                }
                continue
            }
            if definition.readOnlyValue || definition.calculated { continue }
            if value.isEmpty {
                if !creating { accepted[name] = "" }
                continue
            }
            if definition.type == .enumeration || definition.type == .bool, !definition.options.isEmpty {
                if let option = definition.options.first(where: { $0.value.lowercased() == value.lowercased() }) {
                    accepted[name] = option.value
                } else {
                    if !Self.checkedByCallValidation.contains(name) || type != .calls {
                        issues.append(invalidOption(name: name, value: value, definition: definition))
                    }
                    accepted[name] = value
                }
                continue
            }
            accepted[name] = value
        }

        if type == .calls {
            var callInput = input
            if creating { callInput = callInput.filter { !$0.value.isEmpty || $0.key == CallProperty.timestamp } }
            issues.insert(contentsOf: CallValidation.validate(callInput, creating: creating), at: 0)
            if let raw = accepted[CallProperty.timestamp], !raw.isEmpty, let date = HubSpotTimestamp.parse(raw) {
                accepted[CallProperty.timestamp] = HubSpotTimestamp.format(date)
            }
        }
        if let error = CallValidation.error(for: issues, objectType: type) { throw error }
        return accepted
    }

    private func invalidOption(name: String, value: String, definition: PropertyDefinition) -> ValidationIssue {
        let clipped = value.count > 60 ? String(value.prefix(60)) + "…" : value
        let valid: String
        if name == CallProperty.disposition {
            valid = definition.options.map { "\($0.label) (\($0.value))" }.joined(separator: ", ")
        } else {
            valid = definition.options.map(\.value).joined(separator: ", ")
        }
        return ValidationIssue(property: name, code: "INVALID_OPTION", message: "\"\(clipped)\" was not one of the allowed options for \(name): \(valid)")
    }
}
