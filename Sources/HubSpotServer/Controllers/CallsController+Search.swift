import CallsCore
import HubSpotAPI
import Hummingbird

// MARK: - Search (FINDINGS.md §5.6, §6)

extension CallsController {
    /// `POST …/search`: filter groups (ORed) of filters (ANDed), one sort, free text, offset
    /// paging with `total`; HubSpot's limits answer 400 `VALIDATION_ERROR`.
    func search(_ request: Request, _ context: HubSpotRequestContext) async throws -> Response {
        let type = try Self.objectType(context)
        var request = request
        let wire = try await request.decodeJSON(PublicObjectSearchRequest.self, context: context)
        var search = try wire.searchRequest()
        try validate(search)
        let requested = search.properties
        search.properties = PropertyProjection.names(for: type, requested: requested)
        let remaining = searchLimits.resultCap - (Int(search.after ?? "0") ?? 0)
        search.limit = min(search.limit, remaining)
        let page = try await service.search(type, search)
        var results: [CRMObject] = []
        for var object in page.results {
            object.associations = [:]  // search never returns associations
            results.append(await projection.project(object, type: type, requested: requested))
        }
        return .json(data: RecordJSON.data(CollectionResponseWithTotal(SearchPage(total: page.total, results: results, nextAfter: page.nextAfter))))
    }

    func validate(_ search: SearchRequest) throws {
        let limits = searchLimits
        if search.limit < 0 || search.limit > limits.maxLimit {
            throw APIError.badRequest("limit must be between 0 and \(limits.maxLimit)", context: ["limit": [String(search.limit)]])
        }
        if let after = search.after {
            guard let offset = Int(after), offset >= 0 else {
                throw APIError.badRequest("after must be a non-negative integer for search", context: ["after": [after]])
            }
            if offset >= limits.resultCap {
                throw APIError.badRequest("Search results are limited to \(limits.resultCap); page beyond them by narrowing the filters", context: ["after": [after]])
            }
        }
        if let query = search.query, query.count > limits.maxQueryLength {
            throw APIError.badRequest("query must be at most \(limits.maxQueryLength) characters")
        }
        if search.filterGroups.count > limits.maxFilterGroups {
            throw APIError.badRequest("Too many filter groups: at most \(limits.maxFilterGroups) are allowed", context: ["filterGroups": [String(search.filterGroups.count)]])
        }
        for group in search.filterGroups where group.filters.count > limits.maxFiltersPerGroup {
            throw APIError.badRequest("Too many filters in a group: at most \(limits.maxFiltersPerGroup) are allowed", context: ["filters": [String(group.filters.count)]])
        }
        let total = search.filterGroups.reduce(0) { $0 + $1.filters.count }
        if total > limits.maxFilters {
            throw APIError.badRequest("Too many filters: at most \(limits.maxFilters) are allowed in all groups", context: ["filters": [String(total)]])
        }
    }
}
