public import CallsCore

/// `Property` (FINDINGS.md §3.7), as `GET /crm/v3/properties/{objectType}` lists it.
public struct Property: Codable, Sendable, Equatable {
    public var name: String
    public var label: String
    public var type: String
    public var fieldType: String
    public var groupName: String
    public var description: String
    public var options: [PropertyOptionWire]
    public var hasUniqueValue: Bool?
    public var hidden: Bool?
    public var calculated: Bool?
    public var externalOptions: Bool?
    public var hubspotDefined: Bool?
    public var formField: Bool?
    public var displayOrder: Int?
    public var modificationMetadata: PropertyModificationMetadata?
    public var createdAt: String?
    public var updatedAt: String?
    public var archived: Bool?

    public init(
        name: String, label: String, type: String, fieldType: String, groupName: String, description: String = "",
        options: [PropertyOptionWire] = [], hasUniqueValue: Bool? = nil, hidden: Bool? = nil, calculated: Bool? = nil,
        externalOptions: Bool? = nil, hubspotDefined: Bool? = nil, formField: Bool? = nil, displayOrder: Int? = nil,
        modificationMetadata: PropertyModificationMetadata? = nil, createdAt: String? = nil, updatedAt: String? = nil, archived: Bool? = nil
    ) {
        self.name = name
        self.label = label
        self.type = type
        self.fieldType = fieldType
        self.groupName = groupName
        self.description = description
        self.options = options
        self.hasUniqueValue = hasUniqueValue
        self.hidden = hidden
        self.calculated = calculated
        self.externalOptions = externalOptions
        self.hubspotDefined = hubspotDefined
        self.formField = formField
        self.displayOrder = displayOrder
        self.modificationMetadata = modificationMetadata
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.archived = archived
    }

    private enum CodingKeys: String, CodingKey {
        case name, label, type, fieldType, groupName, description, options, hasUniqueValue, hidden, calculated
        case externalOptions, hubspotDefined, formField, displayOrder, modificationMetadata, createdAt, updatedAt, archived
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = c.lenientString(.name) ?? ""
        label = c.lenientString(.label) ?? name
        type = c.lenientString(.type) ?? "string"
        fieldType = c.lenientString(.fieldType) ?? "text"
        groupName = c.lenientString(.groupName) ?? ""
        description = c.lenientString(.description) ?? ""
        options = c.lenient([PropertyOptionWire].self, .options) ?? []
        hasUniqueValue = c.lenientBool(.hasUniqueValue)
        hidden = c.lenientBool(.hidden)
        calculated = c.lenientBool(.calculated)
        externalOptions = c.lenientBool(.externalOptions)
        hubspotDefined = c.lenientBool(.hubspotDefined)
        formField = c.lenientBool(.formField)
        displayOrder = c.lenientInt(.displayOrder)
        modificationMetadata = c.lenient(PropertyModificationMetadata.self, .modificationMetadata)
        createdAt = c.lenientString(.createdAt)
        updatedAt = c.lenientString(.updatedAt)
        archived = c.lenientBool(.archived)
    }
}

/// `Option`: one allowed value of an enumeration property.
public struct PropertyOptionWire: Codable, Sendable, Equatable {
    public var label: String
    public var value: String
    public var hidden: Bool
    public var displayOrder: Int?
    public var description: String?

    public init(label: String, value: String, hidden: Bool = false, displayOrder: Int? = nil, description: String? = nil) {
        self.label = label
        self.value = value
        self.hidden = hidden
        self.displayOrder = displayOrder
        self.description = description
    }

    private enum CodingKeys: String, CodingKey { case label, value, hidden, displayOrder, description }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        value = c.lenientString(.value) ?? ""
        label = c.lenientString(.label) ?? value
        hidden = c.lenientBool(.hidden) ?? false
        displayOrder = c.lenientInt(.displayOrder)
        description = c.lenientString(.description)
    }
}

/// `PropertyModificationMetadata`.
public struct PropertyModificationMetadata: Codable, Sendable, Equatable {
    public var archivable: Bool
    public var readOnlyDefinition: Bool
    public var readOnlyValue: Bool
    public var readOnlyOptions: Bool?

    public init(archivable: Bool, readOnlyDefinition: Bool, readOnlyValue: Bool, readOnlyOptions: Bool? = nil) {
        self.archivable = archivable
        self.readOnlyDefinition = readOnlyDefinition
        self.readOnlyValue = readOnlyValue
        self.readOnlyOptions = readOnlyOptions
    }

    private enum CodingKeys: String, CodingKey { case archivable, readOnlyDefinition, readOnlyValue, readOnlyOptions }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        archivable = c.lenientBool(.archivable) ?? false
        readOnlyDefinition = c.lenientBool(.readOnlyDefinition) ?? false
        readOnlyValue = c.lenientBool(.readOnlyValue) ?? false
        readOnlyOptions = c.lenientBool(.readOnlyOptions)
    }
}

// MARK: - Domain conversion

extension Property {
    public init(_ definition: PropertyDefinition) {
        self.init(
            name: definition.name, label: definition.label, type: definition.type.rawValue, fieldType: definition.fieldType,
            groupName: definition.groupName, description: definition.description,
            options: definition.options.map { PropertyOptionWire(label: $0.label, value: $0.value, hidden: $0.hidden, displayOrder: $0.displayOrder) },
            hasUniqueValue: false, hidden: definition.hidden, calculated: definition.calculated, externalOptions: false,
            hubspotDefined: definition.hubspotDefined, formField: !definition.readOnlyValue,
            displayOrder: definition.displayOrder,
            modificationMetadata: PropertyModificationMetadata(
                archivable: !definition.hubspotDefined, readOnlyDefinition: definition.hubspotDefined,
                readOnlyValue: definition.readOnlyValue, readOnlyOptions: definition.hubspotDefined && definition.type != .enumeration
            )
        )
    }

    /// The domain definition; an unknown `type` reads as `string`.
    public var propertyDefinition: PropertyDefinition {
        PropertyDefinition(
            name: name, label: label, type: PropertyDefinition.ValueType(rawValue: type) ?? .string, fieldType: fieldType,
            groupName: groupName, description: description,
            options: options.enumerated().map { PropertyOption(label: $1.label, value: $1.value, hidden: $1.hidden, displayOrder: $1.displayOrder ?? $0) },
            readOnlyValue: modificationMetadata?.readOnlyValue ?? (calculated ?? false),
            hidden: hidden ?? false, calculated: calculated ?? false, hubspotDefined: hubspotDefined ?? false,
            displayOrder: displayOrder ?? -1
        )
    }
}
