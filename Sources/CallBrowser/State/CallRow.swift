import CallsCore

/// One row of the call list: the call and the name of the record it is about.
public struct CallRow: Sendable, Equatable {
    public var call: Call
    /// The first associated contact, else company, as the list shows it.
    public var record: RecordSummary?

    public init(call: Call, record: RecordSummary? = nil) {
        self.call = call
        self.record = record
    }

    public var id: String { call.id }

    /// The record a row is named after: its first contact, else its first company. The one
    /// rule for the list loader and for association changes, so that after `a`, `x`, their
    /// undo or a rollback the row shows what a reload would (QA4 Q4-2).
    static func namingRecord<Record>(contacts: [Record], companies: [Record]) -> Record? {
        contacts.first ?? companies.first
    }
}

/// A record associated with a call: enough to name it, pick it and tell whether the call is
/// pinned on it.
public struct RecordSummary: Sendable, Equatable, Hashable {
    public var ref: ObjectRef
    public var name: String
    /// Email for contacts, domain for companies.
    public var subtitle: String?
    /// The record's `hs_pinned_engagement_id`.
    public var pinnedEngagementID: String?

    public init(ref: ObjectRef, name: String, subtitle: String? = nil, pinnedEngagementID: String? = nil) {
        self.ref = ref
        self.name = name
        self.subtitle = subtitle
        self.pinnedEngagementID = pinnedEngagementID
    }

    /// Whether `callID` is the engagement pinned on this record.
    public func pins(_ callID: String) -> Bool { pinnedEngagementID == callID }

    /// Builds a summary from a record as the service returns it.
    public init(_ object: CRMObject, type: ObjectType) {
        let subtitle: String? = switch type {
        case .contacts: object.nonEmpty("email")
        case .companies: object.nonEmpty("domain")
        case .deals: object.nonEmpty("dealstage")
        case .tickets: object.nonEmpty("hs_pipeline_stage")
        case .calls: nil
        }
        self.init(ref: ObjectRef(type, object.id), name: object.displayName(as: type), subtitle: subtitle, pinnedEngagementID: object.nonEmpty(CallProperty.pinnedEngagement))
    }

    /// The properties to read for a summary of a record of `type`.
    public static func properties(for type: ObjectType) -> [String] {
        let names: [String] = switch type {
        case .contacts: ["firstname", "lastname", "email"]
        case .companies: ["name", "domain"]
        case .deals: ["dealname", "dealstage"]
        case .tickets: ["subject", "hs_pipeline_stage"]
        case .calls: [CallProperty.title]
        }
        return names + [CallProperty.pinnedEngagement]
    }
}

/// A call with everything the detail pane shows: all properties and its associated records
/// grouped by type.
public struct CallDetail: Sendable, Equatable {
    public var call: Call
    public var associations: [ObjectType: [RecordSummary]]

    public init(call: Call, associations: [ObjectType: [RecordSummary]] = [:]) {
        self.call = call
        self.associations = associations
    }

    /// The record the call's list row is named after (see ``CallRow/namingRecord(contacts:companies:)``).
    var rowRecord: RecordSummary? {
        CallRow.namingRecord(contacts: associations[.contacts] ?? [], companies: associations[.companies] ?? [])
    }

    /// Every associated record in display order (contacts, companies, deals, tickets).
    public var allRecords: [RecordSummary] {
        ObjectType.recordTypes.flatMap { associations[$0] ?? [] }
    }
}
