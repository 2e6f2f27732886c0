import CallsCore
import Foundation

// MARK: - Search

extension HubSpotCRMService {
    /// `POST /crm/v3/objects/{type}/search`, paced at the search budget.
    ///
    /// Sorted by `hs_timestamp`, the search goes on past HubSpot's 10 000-result cap by
    /// moving to a new time window (see `SearchCursor`); the `after` cursor it returns is
    /// then its own. With any other sort it stops at the cap (`nextAfter` is `nil`).
    public func search(_ type: ObjectType, _ request: SearchRequest) async throws -> SearchPage {
        let cap = configuration.searchResultCap
        let limit = min(max(request.limit, 1), SearchLimits.maxLimit)
        var properties = try await propertyNames(type, request.properties)
        guard request.sorts.count == 1, request.sorts[0].propertyName == CallProperty.timestamp else {
            // Plain offsets: clip the last page to the cap rather than ask for a 400.
            var plain = request
            plain.properties = properties
            let offset = Int(request.after ?? "0") ?? 0
            guard offset < cap else { return SearchPage(total: 0, results: [], nextAfter: nil) }
            plain.limit = min(limit, cap - offset)
            var page = try await rawSearch(type, plain)
            if let next = page.nextAfter, let nextOffset = Int(next), nextOffset >= cap { page.nextAfter = nil }
            return page
        }

        guard let cursor = SearchCursor(request.after) else {
            throw CRMError.invalid("Invalid search cursor \(request.after ?? "")", context: ["after": [request.after ?? ""]])
        }
        let ascending = request.sorts[0].ascending
        let addedTimestamp = !properties.contains(CallProperty.timestamp)
        if addedTimestamp { properties.append(CallProperty.timestamp) }

        var windowed = request
        windowed.properties = properties
        windowed.limit = min(limit, max(cap - cursor.offset, 1))
        windowed.after = String(cursor.offset)
        if let bound = cursor.bound {
            let filter = Filter(CallProperty.timestamp, ascending ? .gte : .lte, String(bound))
            windowed.filterGroups = request.filterGroups.isEmpty ? [FilterGroup([filter])] : request.filterGroups.map { FilterGroup($0.filters + [filter]) }
        }
        let page = try await rawSearch(type, windowed)

        var next = cursor
        next.observe(page.results.map { $0[property: CallProperty.timestamp].flatMap(HubSpotTimestamp.parse).map(HubSpotTimestamp.milliseconds) })
        let following = next.next(afterPageOf: page.results.count, windowTotal: page.total, limit: limit, cap: cap, canAddFilter: Self.canAddFilter(to: request.filterGroups))
        var results = page.results
        if addedTimestamp {
            results = results.map { object in
                var object = object
                object.properties[CallProperty.timestamp] = nil
                return object
            }
        }
        let nextAfter = following.map { $0.bound == nil && $0.lastTimestamp == nil ? String($0.offset) : $0.encoded }
        return SearchPage(total: cursor.total(windowTotal: page.total), results: results, nextAfter: nextAfter)
    }

    /// One search request exactly as given.
    func rawSearch(_ type: ObjectType, _ request: SearchRequest) async throws -> SearchPage {
        let http = HubSpotRequest(
            .post, "\(Self.objectsPath(type))/search", endpoint: "/crm/v3/objects/{type}/search",
            body: body(PublicObjectSearchRequest(request)), bucket: .search, idempotent: true
        )
        return try await fetch(CollectionResponseWithTotal<SimplePublicObject>.self, http).searchPage(type: type)
    }

    /// Whether one more filter per group stays within HubSpot's limits (FINDINGS.md §6).
    static func canAddFilter(to groups: [FilterGroup]) -> Bool {
        let total = groups.reduce(0) { $0 + $1.filters.count }
        return groups.allSatisfy { $0.filters.count < SearchLimits.maxFiltersPerGroup }
            && total + max(groups.count, 1) <= SearchLimits.maxFilters
    }
}
