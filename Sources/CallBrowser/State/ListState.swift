import CallsCore

/// The call list: the rows loaded so far (a prefix of the search result, grown page by page as
/// the cursor nears its end), the cursor, and what the list is filtered and sorted by.
public struct ListState: Sendable, Equatable {
    /// Rows loaded so far, in result order; never the whole table, only the pages reached.
    public var rows: [CallRow] = []
    /// Matches on the server for the current filter (HubSpot's `total`).
    public var total: Int = 0
    public var cursor: Int = 0
    /// Index of the first visible row.
    public var scroll: Int = 0
    /// The filter as typed, and its parsed form.
    public var filterText: String = ""
    public var filter: CallFilter = CallFilter()
    /// The filter bar's text while it is open for editing.
    public var editingFilter: String?
    public var sort: CallSort = .newestFirst
    /// Offset cursor of the next page (`nil`: everything is loaded).
    public var nextAfter: String?
    /// Set when a page request is out; its token.
    public var loadingToken: Int?
    /// Bumped whenever filter or sort change, so late pages of an old query are dropped.
    public var generation: Int = 0
    public var marked: Set<String> = []
    public var loadedOnce = false
    /// The page being loaded replaces the rows (first page) rather than extending them.
    public var replaceOnLoad = false
    /// After a reload, put the cursor back on this call.
    public var keepSelectionID: String?

    public init() {}

    /// Rows fetched per page.
    public static let pageSize = 100
    /// Load the next page when the cursor is this close to the end of what is loaded.
    public static let prefetchDistance = 30

    public var selected: CallRow? { rows.indices.contains(cursor) ? rows[cursor] : nil }

    public var hasMore: Bool { nextAfter != nil }

    /// Index of the row with this id.
    public func index(of id: String) -> Int? { rows.firstIndex { $0.id == id } }
}

/// The orders the list can be sorted in (HubSpot honours one sort rule).
public enum CallSort: String, Sendable, Equatable, CaseIterable {
    case newestFirst, oldestFirst, longestFirst, shortestFirst

    public var rule: SortRule {
        switch self {
        case .newestFirst: SortRule(CallProperty.timestamp, ascending: false)
        case .oldestFirst: SortRule(CallProperty.timestamp, ascending: true)
        case .longestFirst: SortRule(CallProperty.duration, ascending: false)
        case .shortestFirst: SortRule(CallProperty.duration, ascending: true)
        }
    }

    public var label: String {
        switch self {
        case .newestFirst: "newest first"
        case .oldestFirst: "oldest first"
        case .longestFirst: "longest first"
        case .shortestFirst: "shortest first"
        }
    }
}
