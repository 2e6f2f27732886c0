public import CallsCore

/// `PublicObjectSearchRequest` (FINDINGS.md §5.6). Every field is optional on input; `sorts`
/// items may be strings (`"-hs_timestamp"`) or objects; `limit`/`after` may be numbers or
/// strings.
public struct PublicObjectSearchRequest: Codable, Sendable, Equatable {
    public var filterGroups: [WireFilterGroup]?
    public var sorts: [WireSort]?
    public var query: String?
    public var properties: [String]?
    public var limit: Int?
    public var after: String?

    public init(filterGroups: [WireFilterGroup]? = nil, sorts: [WireSort]? = nil, query: String? = nil, properties: [String]? = nil, limit: Int? = nil, after: String? = nil) {
        self.filterGroups = filterGroups
        self.sorts = sorts
        self.query = query
        self.properties = properties
        self.limit = limit
        self.after = after
    }

    private enum CodingKeys: String, CodingKey { case filterGroups, sorts, query, properties, limit, after }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        filterGroups = try c.decodeIfPresent([WireFilterGroup].self, forKey: .filterGroups)
        sorts = try c.decodeIfPresent([WireSort].self, forKey: .sorts)
        query = c.lenientString(.query)
        properties = c.lenientStrings(.properties)
        limit = c.lenientInt(.limit)
        after = c.lenientString(.after)
    }
}

/// `FilterGroup`: filters ANDed together.
public struct WireFilterGroup: Codable, Sendable, Equatable {
    public var filters: [WireFilter]

    public init(filters: [WireFilter]) { self.filters = filters }

    private enum CodingKeys: String, CodingKey { case filters }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        filters = try c.decodeIfPresent([WireFilter].self, forKey: .filters) ?? []
    }
}

/// `Filter`: `{propertyName, operator, value?, highValue?, values?}`; values may be numbers.
public struct WireFilter: Codable, Sendable, Equatable {
    public var propertyName: String
    public var `operator`: String
    public var value: String?
    public var highValue: String?
    public var values: [String]?

    public init(propertyName: String, operator op: String, value: String? = nil, highValue: String? = nil, values: [String]? = nil) {
        self.propertyName = propertyName
        self.operator = op
        self.value = value
        self.highValue = highValue
        self.values = values
    }

    private enum CodingKeys: String, CodingKey { case propertyName, `operator`, value, highValue, values }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        propertyName = c.lenientString(.propertyName) ?? ""
        self.operator = c.lenientString(.operator) ?? "EQ"
        value = c.lenientString(.value)
        highValue = c.lenientString(.highValue)
        values = c.lenientStrings(.values)
    }
}

/// One sort rule: a string (`"hs_timestamp"`, `"-hs_timestamp"`) or an object
/// `{propertyName, direction: ASCENDING|DESCENDING}`. Encoded as the object form.
public struct WireSort: Codable, Sendable, Equatable {
    public var propertyName: String
    public var direction: String

    public init(propertyName: String, direction: String = "ASCENDING") {
        self.propertyName = propertyName
        self.direction = direction
    }

    private enum CodingKeys: String, CodingKey { case propertyName, direction }

    public init(from decoder: any Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            let rule = SortRule(shorthand: text.trimmingCharacters(in: .whitespaces))
            self.init(propertyName: rule.propertyName, direction: rule.ascending ? "ASCENDING" : "DESCENDING")
            return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(propertyName: c.lenientString(.propertyName) ?? "", direction: (c.lenientString(.direction) ?? "ASCENDING").uppercased())
    }

    public var ascending: Bool { !direction.hasPrefix("DESC") }
}

// MARK: - Domain conversion

extension PublicObjectSearchRequest {
    public init(_ request: SearchRequest) {
        self.init(
            filterGroups: request.filterGroups.isEmpty ? nil : request.filterGroups.map { group in
                WireFilterGroup(filters: group.filters.map {
                    WireFilter(propertyName: $0.propertyName, operator: $0.op.rawValue, value: $0.value, highValue: $0.highValue, values: $0.values)
                })
            },
            sorts: request.sorts.isEmpty ? nil : request.sorts.map { WireSort(propertyName: $0.propertyName, direction: $0.ascending ? "ASCENDING" : "DESCENDING") },
            query: request.query,
            properties: request.properties,
            limit: request.limit,
            after: request.after
        )
    }

    /// The domain request. An unknown operator is an error HubSpot reports as a 400.
    public func searchRequest() throws(CRMError) -> SearchRequest {
        var groups: [FilterGroup] = []
        for group in filterGroups ?? [] {
            var filters: [Filter] = []
            for filter in group.filters {
                guard let op = Filter.Operator(rawValue: filter.operator.uppercased()) else {
                    throw CRMError.invalid("Invalid input JSON: unknown operator \(filter.operator)", context: ["operator": [filter.operator]])
                }
                filters.append(Filter(filter.propertyName, op, filter.value, highValue: filter.highValue, values: filter.values))
            }
            groups.append(FilterGroup(filters))
        }
        return SearchRequest(
            filterGroups: groups,
            sorts: (sorts ?? []).filter { !$0.propertyName.isEmpty }.map { SortRule($0.propertyName, ascending: $0.ascending) },
            query: query,
            properties: properties,
            limit: limit ?? 10,
            after: after
        )
    }
}
