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

    /// Every associated record in display order (contacts, companies, deals, tickets).
    public var allRecords: [RecordSummary] {
        ObjectType.recordTypes.flatMap { associations[$0] ?? [] }
    }
}
