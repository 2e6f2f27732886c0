/// A CRM search (`POST /crm/v3/objects/{type}/search`) with HubSpot's semantics
/// (FINDINGS.md §5.6): filter groups are ORed, the filters inside a group are ANDed, one sort
/// rule, free-text `query`, offset paging through `after`.
public struct SearchRequest: Sendable, Equatable {
    public var filterGroups: [FilterGroup]
    public var sorts: [SortRule]
    public var query: String?
    public var properties: [String]?
    public var limit: Int
    /// An integer offset as a string (HubSpot's search cursor).
    public var after: String?

    public init(filterGroups: [FilterGroup] = [], sorts: [SortRule] = [], query: String? = nil, properties: [String]? = nil, limit: Int = 10, after: String? = nil) {
        self.filterGroups = filterGroups
        self.sorts = sorts
        self.query = query
        self.properties = properties
        self.limit = limit
        self.after = after
    }
}

/// Filters that must all match.
public struct FilterGroup: Sendable, Equatable {
    public var filters: [Filter]
    public init(_ filters: [Filter]) { self.filters = filters }
}

/// One condition on a property (or the `associations.contact` pseudo-property).
public struct Filter: Sendable, Equatable {
    public enum Operator: String, Sendable, Equatable, CaseIterable {
        case eq = "EQ", neq = "NEQ", lt = "LT", lte = "LTE", gt = "GT", gte = "GTE"
        case between = "BETWEEN", `in` = "IN", notIn = "NOT_IN"
        case hasProperty = "HAS_PROPERTY", notHasProperty = "NOT_HAS_PROPERTY"
        case containsToken = "CONTAINS_TOKEN", notContainsToken = "NOT_CONTAINS_TOKEN"
    }

    public var propertyName: String
    public var op: Operator
    public var value: String?
    public var highValue: String?
    public var values: [String]?

    public init(_ propertyName: String, _ op: Operator, _ value: String? = nil, highValue: String? = nil, values: [String]? = nil) {
        self.propertyName = propertyName
        self.op = op
        self.value = value
        self.highValue = highValue
        self.values = values
    }
}

/// The single sort rule HubSpot honours.
public struct SortRule: Sendable, Equatable {
    public var propertyName: String
    public var ascending: Bool

    public init(_ propertyName: String, ascending: Bool) {
        self.propertyName = propertyName
        self.ascending = ascending
    }

    /// Parses `"-hs_timestamp"` (descending) or `"hs_timestamp"` (ascending).
    public init(shorthand: String) {
        if shorthand.hasPrefix("-") {
            self.init(String(shorthand.dropFirst()), ascending: false)
        } else {
            self.init(shorthand, ascending: true)
        }
    }
}

/// A search result page: the total number of matches and the cursor to the next page.
public struct SearchPage: Sendable, Equatable {
    public var total: Int
    public var results: [CRMObject]
    public var nextAfter: String?

    public init(total: Int, results: [CRMObject], nextAfter: String?) {
        self.total = total
        self.results = results
        self.nextAfter = nextAfter
    }
}

/// Limits HubSpot enforces on search (FINDINGS.md §6); backends share them.
public enum SearchLimits {
    public static let maxLimit = 200
    public static let resultCap = 10_000
    public static let maxFilterGroups = 5
    public static let maxFiltersPerGroup = 6
    public static let maxFilters = 18
    public static let maxQueryLength = 3000
}
