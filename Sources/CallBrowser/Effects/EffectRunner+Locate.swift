import CallsCore

extension EffectRunner {
    /// Where `callID` is in the list's query `request` (its filter and sort), without reading
    /// the pages before it: one search finds the call by id (asked again after a pause while
    /// the search does not list it yet: HubSpot lists a new call after a moment), one asks
    /// whether the filter shows it (when there is a filter), and one counts the matches that
    /// sort strictly before it. Calls with an equal key may come first; the list finds the
    /// exact row once the page around the position arrives. A call without a sort key is
    /// ``CallPlace/notListed`` (where backends put those is their own business).
    func place(of callID: String, in request: SearchRequest) async throws -> CallPlace {
        guard let sort = request.sorts.first else { return .notListed }
        let byID = Filter(CallProperty.objectId, .eq, callID)
        var waited = false
        for attempt in 1...max(1, locateAttempts) {
            let probe = SearchRequest(filterGroups: [FilterGroup([byID])], properties: [sort.propertyName], limit: 1)
            if let call = try await service.search(.calls, probe).results.first(where: { $0.id == callID }) {
                return try await place(of: call, sort: sort, in: request, byID: byID, waited: waited)
            }
            guard attempt < locateAttempts else { break }
            try await Task.sleep(for: locateRetryDelay)
            waited = true
        }
        return .notListed
    }

    private func place(of call: CRMObject, sort: SortRule, in request: SearchRequest, byID: Filter, waited: Bool) async throws -> CallPlace {
        var probe = request
        probe.after = nil
        probe.limit = 1
        probe.properties = [sort.propertyName]
        if !request.filterGroups.isEmpty || !(request.query ?? "").isEmpty {
            probe.filterGroups = Self.adding(byID, to: request.filterGroups)
            guard try await service.search(.calls, probe).total > 0 else { return .filteredOut }
        }
        guard let key = call[property: sort.propertyName], !key.isEmpty else { return .notListed }
        probe.filterGroups = Self.adding(Filter(sort.propertyName, sort.ascending ? .lt : .gt, key), to: request.filterGroups)
        return .position(try await service.search(.calls, probe).total, afterWaiting: waited)
    }

    /// `filter` ANDed into every group (the groups are ORed), or the only group.
    static func adding(_ filter: Filter, to groups: [FilterGroup]) -> [FilterGroup] {
        guard !groups.isEmpty else { return [FilterGroup([filter])] }
        return groups.map { FilterGroup($0.filters + [filter]) }
    }
}
