import CallsCore

/// The call list: a sparse window over the search result (the pages near the top and, after
/// `G`, near the bottom), the cursor, and what the list is filtered and sorted by.
public struct ListState: Sendable, Equatable {
    /// The rows: every position of the result exists, only the pages reached are loaded.
    public var rows = RowWindow()
    /// Positions in the list: the matches on the server for the current filter (HubSpot's
    /// `total`), less the calls hidden while their delete waits.
    public var total: Int { rows.count }
    /// The cursor's position (it may be on a row that is still loading).
    public var cursor: Int = 0
    /// Index of the first visible row.
    public var scroll: Int = 0
    /// The filter as typed, and its parsed form.
    public var filter: CallFilter = CallFilter()
    public var filterText: String = ""
    /// The filter bar's text while it is open for editing.
    public var editingFilter: String? {
        didSet { filterCaret = min(filterCaret, editingFilter?.count ?? 0) }
    }
    /// The filter bar's cursor, a grapheme index into ``editingFilter``.
    public var filterCaret: Int = 0
    public var sort: CallSort = .newestFirst
    /// Set when a page request is out; its token.
    public var loadingToken: Int?
    /// The part of the window the page being loaded extends.
    public var loadingSegment: RowWindow.Segment = .head
    /// Bumped whenever filter or sort change, so late pages of an old query are dropped.
    public var generation: Int = 0
    public var marked: Set<String> = []
    public var loadedOnce = false
    /// Why the last load failed, shown in the empty list until a load succeeds.
    public var loadError: CRMError?
    /// After a reload, put the cursor back on this call.
    public var keepSelectionID: String?
    /// A call the cursor goes to once it is found, wherever the order puts it (a quick-logged
    /// call): on the first page, else at the position a ``Effect/locateCall(token:generation:callID:_:)``
    /// reports, then on its row when the page around that position arrives. Moving the cursor
    /// stops following.
    public var followID: String?
    /// The list was reloaded once for ``followID`` because the search listed it late; it is
    /// not reloaded again for it.
    public var followReloaded = false
    /// Rows an edit moved past the loaded pages (into the gap of ``rows``), by id: an undo
    /// of the edit puts the row back among the loaded ones (QA3 R2). Dropped with a new query.
    public var movedToGap: [String: CallRow] = [:]
    /// A refresh (`R`) is waiting for its first page, which then says it is done.
    public var refreshing = false

    public init() {}

    /// Rows fetched per page.
    public static let pageSize = 100
    /// Load the next page when the cursor is within this many rows of the loaded end (or
    /// two screens, if more), so a held key does not wait at page boundaries.
    public static let prefetchDistance = 50

    /// The row under the cursor (`nil` while its page loads).
    public var selected: CallRow? { rows[cursor] }

    /// Index of the loaded row with this id.
    public func index(of id: String) -> Int? { rows.index(of: id) }

    /// The segment to load next for the cursor's position, if any: the head when the
    /// cursor nears (or passes) its end, the tail when the cursor nears its start from
    /// below; in the gap, whichever segment is closer and can still grow.
    public func segmentToLoad(screenRows: Int) -> RowWindow.Segment? {
        guard !rows.isComplete else { return nil }
        let headEnd = rows.head.count, tailStart = rows.tailStart
        let headCanGrow = rows.headCursor.canGrow, tailCanGrow = rows.tailCursor.canGrow
        let distance = max(ListState.prefetchDistance, 2 * screenRows)
        if cursor < headEnd { return cursor >= headEnd - distance && headCanGrow ? .head : nil }
        if cursor >= tailStart { return cursor < tailStart + distance && tailCanGrow ? .tail : nil }
        // In the gap.
        let nearHead = cursor - headEnd <= tailStart - 1 - cursor
        if nearHead, headCanGrow { return .head }
        if tailCanGrow { return .tail }
        return headCanGrow ? .head : nil
    }
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

    /// The same order backwards: the tail of the list is the first page of this one.
    public var reversed: CallSort {
        switch self {
        case .newestFirst: .oldestFirst
        case .oldestFirst: .newestFirst
        case .longestFirst: .shortestFirst
        case .shortestFirst: .longestFirst
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
