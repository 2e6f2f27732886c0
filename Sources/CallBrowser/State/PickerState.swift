import CallsCore

/// A list of choices with type-to-filter: outcomes, record types, records, associations.
public struct PickerState: Sendable, Equatable {
    public var purpose: PickerPurpose
    public var title: String
    public var items: [PickerItem]
    public var query: String = ""
    /// Index into ``visibleItems``.
    public var cursor: Int = 0
    /// The id of the current value, marked in the list.
    public var currentID: String?
    /// A search is out (record search); its token.
    public var loadingToken: Int?

    public init(purpose: PickerPurpose, title: String, items: [PickerItem], currentID: String? = nil) {
        self.purpose = purpose
        self.title = title
        self.items = items
        self.currentID = currentID
        if let currentID, let index = items.firstIndex(where: { $0.id == currentID }) { cursor = index }
    }

    /// Items matching the typed text (case-insensitive, in label or detail). Record searches
    /// are filtered by the server instead.
    public var visibleItems: [PickerItem] {
        if purpose.searchesServer || query.isEmpty { return items }
        let key = query.lowercased()
        return items.filter { $0.label.lowercased().contains(key) || ($0.detail?.lowercased().contains(key) ?? false) }
    }

    public var selected: PickerItem? {
        let visible = visibleItems
        return visible.indices.contains(cursor) ? visible[cursor] : nil
    }
}

/// One choice.
public struct PickerItem: Sendable, Equatable {
    public var id: String
    public var label: String
    public var detail: String?

    public init(id: String, label: String, detail: String? = nil) {
        self.id = id
        self.label = label
        self.detail = detail
    }
}

/// What a picker's choice does.
public enum PickerPurpose: Sendable, Equatable {
    /// Set the outcome of these calls (one, or the marked ones).
    case outcome(callIDs: [String])
    /// First step of associating: which record type.
    case associateType(callID: String)
    /// Second step: search records of the type and pick one.
    case associateRecord(callID: String, type: ObjectType)
    /// Which association to remove (then confirmed).
    case removeAssociation(callID: String)
    /// Which record to pin the call on (or unpin from).
    case pin(callID: String)
    /// A choice for a form field (enumerations, owners, records); the form stays open below.
    case formField(name: String)
    /// The quick-log record field: contacts searched on the server, plus the field's options.
    case formRecord(name: String)

    /// Record searches filter on the server as the user types.
    public var searchesServer: Bool {
        switch self {
        case .associateRecord, .formRecord: true
        default: false
        }
    }
}
