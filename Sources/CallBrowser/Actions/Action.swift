/// Everything a user can ask the browser to do. One case per action; the kebab-case config
/// name used in `keymap.conf` is derived from the case name by ``ActionTable/configName(of:)``.
public enum Action: String, Sendable, Hashable, CaseIterable {
    // MARK: Global
    case quit, back, showHelp, refresh, redraw

    // MARK: Call actions (list and detail)
    case editCall, setOutcome, quickLog, pinCall, associateRecord, removeAssociation
    case deleteCall, undo, copyID

    // MARK: Movement (list, detail, picker, help)
    case moveDown, moveUp, moveTop, moveBottom, pageDown, pageUp, halfPageDown, halfPageUp

    // MARK: List
    case openCall, filter, toggleSortTime, toggleSortDuration, toggleMark, clearMarks

    // MARK: Forms
    case nextField, previousField, save, cancel, choose, toggleTimer

    // MARK: Confirm
    case confirmYes, confirmNo, toggleChoice
}

/// A keymap context: one per screen, plus `global`, which the panes fall back to.
public enum BrowserContext: String, Sendable, Hashable, CaseIterable {
    case global, list, detail, form, picker, confirm, help

    /// Contexts searched for a key, most specific first. Modal contexts do not fall back to
    /// `global`, so letters typed into a form or a picker filter stay text.
    public var lookupChain: [BrowserContext] {
        switch self {
        case .list, .detail: [self, .global]
        case .global: [.global]
        case .form, .picker, .confirm, .help: [self]
        }
    }
}
