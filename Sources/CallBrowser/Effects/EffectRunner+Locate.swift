import CallsCore

extension EffectRunner {
    /// The position of `callID` in the list's query `request` (its filter and sort), without
    /// reading the pages before it: one search asks whether the filter shows the call at all
    /// (and reads its sort key), a second counts the matches that sort strictly before it.
    /// Calls with an equal key may come first; the list finds the exact row once the page
    /// around the position arrives. `nil` when the filter leaves the call out, or when it has
    /// no sort key (where backends put those is their own business).
    func position(of callID: String, in request: SearchRequest) async throws -> Int? {
        guard let sort = request.sorts.first else { return nil }
        var probe = request
        probe.after = nil
        probe.limit = 1
        probe.properties = [sort.propertyName]
        probe.filterGroups = Self.adding(Filter(CallProperty.objectId, .eq, callID), to: request.filterGroups)
        let found = try await service.search(.calls, probe)
        guard found.total > 0, let call = found.results.first(where: { $0.id == callID }) else { return nil }
        guard let key = call[property: sort.propertyName], !key.isEmpty else { return nil }
        var before = probe
        before.filterGroups = Self.adding(Filter(sort.propertyName, sort.ascending ? .lt : .gt, key), to: request.filterGroups)
        return try await service.search(.calls, before).total
    }

    /// `filter` ANDed into every group (the groups are ORed), or the only group.
    static func adding(_ filter: Filter, to groups: [FilterGroup]) -> [FilterGroup] {
        guard !groups.isEmpty else { return [FilterGroup([filter])] }
        return groups.map { FilterGroup($0.filters + [filter]) }
    }
}
