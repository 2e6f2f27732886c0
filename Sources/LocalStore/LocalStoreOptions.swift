import CallsCore

/// Limits and behaviour switches of a ``LocalCRMService``.
///
/// The defaults are HubSpot's (FINDINGS.md §6) so the store refuses what HubSpot refuses. The
/// browser on the local backend pages through every call, so it turns the 10 000 result cap
/// off with ``localBrowser``.
public struct LocalStoreOptions: Sendable, Equatable {
    /// Largest search page (`limit`).
    public var maxSearchLimit: Int
    /// Searches cannot page past this many results (`nil`: no cap).
    public var searchResultCap: Int?
    public var maxFilterGroups: Int
    public var maxFiltersPerGroup: Int
    public var maxFilters: Int
    /// Largest list page; larger requests are clamped, as HubSpot does.
    public var maxListLimit: Int
    /// Largest batch (create/read/update/archive) input count.
    public var maxBatchSize: Int

    public init(
        maxSearchLimit: Int = SearchLimits.maxLimit,
        searchResultCap: Int? = SearchLimits.resultCap,
        maxFilterGroups: Int = SearchLimits.maxFilterGroups,
        maxFiltersPerGroup: Int = SearchLimits.maxFiltersPerGroup,
        maxFilters: Int = SearchLimits.maxFilters,
        maxListLimit: Int = 100,
        maxBatchSize: Int = 100
    ) {
        self.maxSearchLimit = maxSearchLimit
        self.searchResultCap = searchResultCap
        self.maxFilterGroups = maxFilterGroups
        self.maxFiltersPerGroup = maxFiltersPerGroup
        self.maxFilters = maxFilters
        self.maxListLimit = maxListLimit
        self.maxBatchSize = maxBatchSize
    }

    /// HubSpot's limits: the default.
    public static let hubSpot = LocalStoreOptions()

    /// For the browser on the local backend: no 10 000 result cap, pages up to 1 000 rows.
    public static let localBrowser = LocalStoreOptions(maxSearchLimit: 1000, searchResultCap: nil)
}
