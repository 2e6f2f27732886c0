/// A property definition as `GET /crm/v3/properties/{objectType}` returns it (FINDINGS.md
/// §3.7). The edit form is generated from these.
public struct PropertyDefinition: Sendable, Hashable, Codable {
    /// HubSpot's `type`: how the value is stored.
    public enum ValueType: String, Sendable, Hashable, Codable {
        case string, number, datetime, date, enumeration, bool
        case phoneNumber = "phone_number"
    }

    public var name: String
    public var label: String
    public var type: ValueType
    /// HubSpot's `fieldType`: how the UI shows it (`text`, `textarea`, `number`, `select`,
    /// `radio`, `booleancheckbox`, `date`, `calculation_equation`, `phonenumber`, `html`).
    public var fieldType: String
    public var groupName: String
    public var description: String
    public var options: [PropertyOption]
    /// `modificationMetadata.readOnlyValue`: the value cannot be set through the API.
    public var readOnlyValue: Bool
    public var hidden: Bool
    public var calculated: Bool
    public var hubspotDefined: Bool
    public var displayOrder: Int
    /// An owner picker: the value is an owner id (`hubspot_owner_id`).
    public var referencesOwner: Bool { name == CallProperty.owner || fieldType == "owner" }

    public init(
        name: String, label: String, type: ValueType, fieldType: String,
        groupName: String = "callinformation", description: String = "",
        options: [PropertyOption] = [], readOnlyValue: Bool = false, hidden: Bool = false,
        calculated: Bool = false, hubspotDefined: Bool = true, displayOrder: Int = -1
    ) {
        self.name = name
        self.label = label
        self.type = type
        self.fieldType = fieldType
        self.groupName = groupName
        self.description = description
        self.options = options
        self.readOnlyValue = readOnlyValue
        self.hidden = hidden
        self.calculated = calculated
        self.hubspotDefined = hubspotDefined
        self.displayOrder = displayOrder
    }
}

/// One allowed value of an enumeration property.
public struct PropertyOption: Sendable, Hashable, Codable {
    public var label: String
    public var value: String
    public var hidden: Bool
    public var displayOrder: Int

    public init(label: String, value: String, hidden: Bool = false, displayOrder: Int = 0) {
        self.label = label
        self.value = value
        self.hidden = hidden
        self.displayOrder = displayOrder
    }
}
