/// The property definitions hubcalls ships for each object type: what HubSpot defines for
/// calls (FINDINGS.md §8) and the record properties the pickers and pinning need. The local
/// store and `hubcalls serve` answer the properties API from these.
public enum StandardProperties {
    public static func definitions(for type: ObjectType, outcomes: OutcomeCatalog = OutcomeCatalog()) -> [PropertyDefinition] {
        let common = [
            PropertyDefinition(name: CallProperty.objectId, label: "Record ID", type: .number, fieldType: "number", groupName: "\(type.singular)information", readOnlyValue: true, displayOrder: 90),
            PropertyDefinition(name: CallProperty.createDate, label: "Create date", type: .datetime, fieldType: "date", groupName: "\(type.singular)information", readOnlyValue: true, displayOrder: 91),
            PropertyDefinition(name: CallProperty.lastModified, label: "Last modified date", type: .datetime, fieldType: "date", groupName: "\(type.singular)information", readOnlyValue: true, displayOrder: 92),
        ]
        switch type {
        case .calls: return calls(outcomes: outcomes) + common
        case .contacts:
            return [
                text("firstname", "First name", 0), text("lastname", "Last name", 1), text("email", "Email", 2),
                PropertyDefinition(name: "phone", label: "Phone number", type: .string, fieldType: "phonenumber", groupName: "contactinformation", displayOrder: 3),
                text("company", "Company name", 4), text("jobtitle", "Job title", 5), pinned(),
                owner(6),
            ] + common
        case .companies:
            return [text("name", "Company name", 0), text("domain", "Company domain name", 1), text("city", "City", 2), pinned(), owner(3)] + common
        case .deals:
            return [
                text("dealname", "Deal name", 0),
                PropertyDefinition(name: "amount", label: "Amount", type: .number, fieldType: "number", groupName: "dealinformation", displayOrder: 1),
                text("dealstage", "Deal stage", 2), pinned(), owner(3),
            ] + common
        case .tickets:
            return [text("subject", "Ticket name", 0), text("content", "Ticket description", 1), text("hs_pipeline_stage", "Ticket status", 2), pinned(), owner(3)] + common
        }
    }

    static func calls(outcomes: OutcomeCatalog) -> [PropertyDefinition] {
        let group = "callinformation"
        return [
            PropertyDefinition(name: CallProperty.title, label: "Call title", type: .string, fieldType: "text", groupName: group, displayOrder: 0),
            PropertyDefinition(name: CallProperty.timestamp, label: "Activity date", type: .datetime, fieldType: "date", groupName: group, description: "When the call happened. Required.", displayOrder: 1),
            PropertyDefinition(
                name: CallProperty.direction, label: "Call direction", type: .enumeration, fieldType: "select", groupName: group,
                options: CallDirection.allCases.enumerated().map { PropertyOption(label: $1.label, value: $1.rawValue, displayOrder: $0) },
                displayOrder: 2),
            PropertyDefinition(
                name: CallProperty.status, label: "Call status", type: .enumeration, fieldType: "select", groupName: group,
                options: CallStatus.allCases.enumerated().map { PropertyOption(label: $1.label, value: $1.rawValue, displayOrder: $0) },
                displayOrder: 3),
            PropertyDefinition(
                name: CallProperty.disposition, label: "Call outcome", type: .enumeration, fieldType: "select", groupName: group,
                options: outcomes.outcomes.enumerated().map { PropertyOption(label: $1.label, value: $1.id, displayOrder: $0) },
                displayOrder: 4),
            PropertyDefinition(name: CallProperty.duration, label: "Call duration", type: .number, fieldType: "number", groupName: group, description: "Milliseconds.", displayOrder: 5),
            PropertyDefinition(name: CallProperty.owner, label: "Activity assigned to", type: .enumeration, fieldType: "select", groupName: group, displayOrder: 6),
            PropertyDefinition(name: CallProperty.body, label: "Call notes", type: .string, fieldType: "html", groupName: group, displayOrder: 7),
            PropertyDefinition(name: CallProperty.fromNumber, label: "From number", type: .string, fieldType: "text", groupName: group, displayOrder: 8),
            PropertyDefinition(name: CallProperty.toNumber, label: "To number", type: .string, fieldType: "text", groupName: group, displayOrder: 9),
            PropertyDefinition(name: CallProperty.recordingURL, label: "Recording URL", type: .string, fieldType: "text", groupName: group, description: "HTTPS only.", displayOrder: 10),
            PropertyDefinition(
                name: CallProperty.hasVoicemail, label: "Has voicemail", type: .bool, fieldType: "booleancheckbox", groupName: group,
                options: [PropertyOption(label: "True", value: "true", displayOrder: 0), PropertyOption(label: "False", value: "false", displayOrder: 1)],
                displayOrder: 11),
            PropertyDefinition(
                name: CallProperty.source, label: "Call source", type: .enumeration, fieldType: "select", groupName: group,
                options: [PropertyOption(label: "Integrations platform", value: "INTEGRATIONS_PLATFORM")], displayOrder: 12),
            PropertyDefinition(name: CallProperty.bodyPreview, label: "Call notes preview", type: .string, fieldType: "text", groupName: group, readOnlyValue: true, calculated: true, displayOrder: 13),
            PropertyDefinition(name: CallProperty.calleeObjectId, label: "Callee object id", type: .number, fieldType: "number", groupName: group, readOnlyValue: true, displayOrder: 14),
            PropertyDefinition(name: CallProperty.calleeObjectType, label: "Callee object type", type: .string, fieldType: "text", groupName: group, readOnlyValue: true, displayOrder: 15),
        ]
    }

    private static func text(_ name: String, _ label: String, _ order: Int) -> PropertyDefinition {
        PropertyDefinition(name: name, label: label, type: .string, fieldType: "text", groupName: "recordinformation", displayOrder: order)
    }

    private static func pinned() -> PropertyDefinition {
        PropertyDefinition(name: CallProperty.pinnedEngagement, label: "Pinned engagement ID", type: .number, fieldType: "number", groupName: "recordinformation", displayOrder: 50)
    }

    private static func owner(_ order: Int) -> PropertyDefinition {
        PropertyDefinition(name: CallProperty.owner, label: "Owner", type: .enumeration, fieldType: "select", groupName: "recordinformation", displayOrder: order)
    }
}
