import CallsCore
import TerminalKit

/// One choice: TerminalKit's (an id, a label, an optional detail).
public typealias PickerItem = TerminalKit.PickerItem

/// A list of choices with type-to-filter: outcomes, record types, records, associations.
/// The choices, the typed query (a `FieldEditor`, so it edits with readline keys and shows a
/// cursor), the filtering and the highlight are TerminalKit's picker (``choices``); this adds
/// what the choice is for and the server search in flight.
public struct PickerState: Sendable, Equatable {
    public var purpose: PickerPurpose
    /// The choices, the query and the highlight.
    public var choices: TerminalKit.PickerState
    /// A search is out (record search); its token.
    public var loadingToken: Int?
    /// `<Enter>` came while the search for the typed query was out: the choice is made from
    /// its answer, not from the previous query's results still on the screen.
    public var chooseWhenFound = false

    public init(purpose: PickerPurpose, title: String, items: [PickerItem], currentID: String? = nil) {
        self.purpose = purpose
        // Record searches are filtered by the server as the user types; the other pickers
        // filter here, ignoring accents as the local store's search does.
        choices = TerminalKit.PickerState(title: title, items: items, currentID: currentID, filtersItems: !purpose.searchesServer, folding: .search)
    }

    public var title: String { choices.title }

    /// Every choice (visible or not); setting them keeps the highlight in range.
    public var items: [PickerItem] {
        get { choices.items }
        set { choices.setItems(newValue) }
    }

    /// The typed text.
    public var query: String { choices.query }

    /// The id of the current value, marked in the list.
    public var currentID: String? { choices.currentID }

    /// Index into ``visibleItems`` of the highlighted choice.
    public var cursor: Int {
        get { choices.list.selection ?? 0 }
        set { choices.highlight(newValue) }
    }

    /// Items matching the typed text (every term in label or detail, ignoring case and accents).
    public var visibleItems: [PickerItem] { choices.matches.map { choices.items[$0] } }

    public var selected: PickerItem? { choices.highlighted }
}

extension MatchFolding {
    /// Case, accents and compatibility forms ignored (`SearchFolding`), as fzf matches: `zoe`
    /// finds "Zoë", `odegaard` "Ødegaard".
    static let search = MatchFolding(name: "search", SearchFolding.fold)
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
