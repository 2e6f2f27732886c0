import CallsCore
import GRDB

/// Turns a ``CallsCore/SearchRequest`` into SQL over `object o`: a WHERE clause and an
/// ORDER BY, with arguments. Properties with an indexed column use it (so the browser's
/// main query is an index scan); every other property is read with `json_extract`.
struct SearchQueryBuilder {
    var type: ObjectType

    /// A piece of SQL and its arguments.
    struct Fragment: Sendable {
        var sql: String
        var arguments: [DatabaseValue] = []

        mutating func append(_ other: Fragment, separator: String) {
            sql += separator + other.sql
            arguments += other.arguments
        }
    }

    /// How a property's values compare.
    enum Kind {
        /// Numbers and dates, compared numerically (dates as epoch ms).
        case number
        /// Enumerations: exact, case-sensitive.
        case enumeration
        /// Booleans: `true`/`false`, any case.
        case bool
        /// Free text: case-insensitive.
        case text
    }

    /// A property as an SQL expression: `raw` for presence tests, `compared` for comparisons.
    struct Expression {
        var raw: Fragment
        var kind: Kind

        var compared: Fragment {
            switch kind {
            case .number, .enumeration: raw
            case .bool: Fragment(sql: "lower(\(raw.sql))", arguments: raw.arguments)
            case .text: Fragment(sql: "hc_fold(\(raw.sql))", arguments: raw.arguments)
            }
        }
    }

    // MARK: - Properties

    func expression(for name: String) -> Expression {
        switch name {
        case CallProperty.objectId: return Expression(raw: Fragment(sql: "o.num"), kind: .number)
        case CallProperty.createDate: return Expression(raw: Fragment(sql: "o.createdAt"), kind: .number)
        case CallProperty.lastModified: return Expression(raw: Fragment(sql: "o.updatedAt"), kind: .number)
        case CallProperty.owner: return Expression(raw: Fragment(sql: "o.owner"), kind: .enumeration)
        default: break
        }
        if type == .calls {
            switch name {
            case CallProperty.timestamp: return Expression(raw: Fragment(sql: "o.ts"), kind: .number)
            case CallProperty.status: return Expression(raw: Fragment(sql: "o.status"), kind: .enumeration)
            case CallProperty.disposition: return Expression(raw: Fragment(sql: "o.disposition"), kind: .enumeration)
            case CallProperty.direction: return Expression(raw: Fragment(sql: "o.direction"), kind: .enumeration)
            case CallProperty.hasVoicemail: return Expression(raw: Fragment(sql: "o.hasVoicemail"), kind: .bool)
            case CallProperty.duration: return Expression(raw: Fragment(sql: "o.duration"), kind: .number)
            default: break
            }
        }
        let path = DatabaseValue(value: "$.\"" + name.replacingOccurrences(of: "\"", with: "") + "\"")
        let kind: Kind
        switch PropertyCatalog.definition(name, for: type)?.type {
        case .number?, .datetime?, .date?: kind = .number
        case .enumeration?: kind = .enumeration
        case .bool?: kind = .bool
        default: kind = .text
        }
        if kind == .number {
            return Expression(raw: Fragment(sql: "CAST(json_extract(o.properties, ?) AS REAL)", arguments: [path!]), kind: .number)
        }
        return Expression(raw: Fragment(sql: "json_extract(o.properties, ?)", arguments: [path!]), kind: kind)
    }

    /// A filter value in the form the column holds.
    func value(_ text: String, kind: Kind, property: String) throws(CRMError) -> DatabaseValue {
        switch kind {
        case .number:
            if let number = Int64(text) { return number.databaseValue }
            if let number = Double(text), number.isFinite { return number.databaseValue }
            if let date = HubSpotTimestamp.parse(text) { return HubSpotTimestamp.milliseconds(date).databaseValue }
            throw CRMError.invalid("Filter value \"\(text.prefix(60))\" for \(property) is not a number or a date (epoch milliseconds or ISO-8601)", context: ["propertyName": [property]])
        case .enumeration: return text.databaseValue
        case .bool: return text.lowercased().databaseValue
        case .text: return text.lowercased().databaseValue
        }
    }

    // MARK: - Filters

    func condition(for filter: Filter) throws(CRMError) -> Fragment {
        if filter.propertyName.lowercased().hasPrefix("associations.") {
            return try associationCondition(filter)
        }
        let expression = expression(for: filter.propertyName)
        let compared = expression.compared
        func one() throws(CRMError) -> DatabaseValue {
            guard let raw = filter.value else { throw missingValue(filter) }
            return try value(raw, kind: expression.kind, property: filter.propertyName)
        }
        func many() throws(CRMError) -> [DatabaseValue] {
            guard let raw = filter.values, !raw.isEmpty else { throw missingValue(filter, field: "values") }
            var out: [DatabaseValue] = []
            for item in raw { out.append(try value(item, kind: expression.kind, property: filter.propertyName)) }
            return out
        }
        let c = compared.sql, ca = compared.arguments
        switch filter.op {
        case .eq: return Fragment(sql: "\(c) = ?", arguments: ca + [try one()])
        case .neq: return Fragment(sql: "(\(c) IS NULL OR \(c) != ?)", arguments: ca + ca + [try one()])
        case .lt: return Fragment(sql: "\(c) < ?", arguments: ca + [try one()])
        case .lte: return Fragment(sql: "\(c) <= ?", arguments: ca + [try one()])
        case .gt: return Fragment(sql: "\(c) > ?", arguments: ca + [try one()])
        case .gte: return Fragment(sql: "\(c) >= ?", arguments: ca + [try one()])
        case .between:
            guard let high = filter.highValue else { throw missingValue(filter, field: "highValue") }
            let low = try one()
            let highValue = try value(high, kind: expression.kind, property: filter.propertyName)
            return Fragment(sql: "\(c) BETWEEN ? AND ?", arguments: ca + [low, highValue])
        case .in:
            let values = try many()
            return Fragment(sql: "\(c) IN (\(marks(values.count)))", arguments: ca + values)
        case .notIn:
            let values = try many()
            return Fragment(sql: "(\(c) IS NULL OR \(c) NOT IN (\(marks(values.count))))", arguments: ca + ca + values)
        case .hasProperty:
            return Fragment(sql: "\(expression.raw.sql) IS NOT NULL", arguments: expression.raw.arguments)
        case .notHasProperty:
            return Fragment(sql: "\(expression.raw.sql) IS NULL", arguments: expression.raw.arguments)
        case .containsToken:
            guard let raw = filter.value else { throw missingValue(filter) }
            return Fragment(sql: "hc_contains_token(\(expression.raw.sql), ?)", arguments: expression.raw.arguments + [raw.databaseValue])
        case .notContainsToken:
            guard let raw = filter.value else { throw missingValue(filter) }
            let r = expression.raw
            return Fragment(sql: "(\(r.sql) IS NULL OR NOT hc_contains_token(\(r.sql), ?))", arguments: r.arguments + r.arguments + [raw.databaseValue])
        }
    }

    /// `associations.contact` (or `.contacts`, `.0-1`): records linked to the given ids.
    private func associationCondition(_ filter: Filter) throws(CRMError) -> Fragment {
        let name = String(filter.propertyName.dropFirst("associations.".count))
        guard let target = ObjectType(apiName: name) else {
            throw CRMError.invalid("Unknown object type \"\(name.prefix(40))\" in \(filter.propertyName.prefix(60)); use associations.contact, .company, .deal or .ticket", context: ["propertyName": [filter.propertyName]])
        }
        let linked = "SELECT a.fromId FROM association a WHERE a.fromType = ? AND a.toType = ? AND a.toId"
        let scope: [DatabaseValue] = [type.rawValue.databaseValue, target.rawValue.databaseValue]
        let exists = "EXISTS (SELECT 1 FROM association a WHERE a.fromType = ? AND a.fromId = o.id AND a.toType = ?)"
        switch filter.op {
        case .eq, .neq:
            guard let id = filter.value else { throw missingValue(filter) }
            let not = filter.op == .neq ? "NOT " : ""
            return Fragment(sql: "o.id \(not)IN (\(linked) = ?)", arguments: scope + [id.databaseValue])
        case .in, .notIn:
            guard let ids = filter.values, !ids.isEmpty else { throw missingValue(filter, field: "values") }
            let not = filter.op == .notIn ? "NOT " : ""
            return Fragment(sql: "o.id \(not)IN (\(linked) IN (\(marks(ids.count))))", arguments: scope + ids.map(\.databaseValue))
        case .hasProperty: return Fragment(sql: exists, arguments: scope)
        case .notHasProperty: return Fragment(sql: "NOT \(exists)", arguments: scope)
        default:
            throw CRMError.invalid("Operator \(filter.op.rawValue) is not supported on \(filter.propertyName); use EQ, NEQ, IN, NOT_IN, HAS_PROPERTY or NOT_HAS_PROPERTY", context: ["propertyName": [filter.propertyName]])
        }
    }

    /// Filter groups ORed, the filters of a group ANDed; `nil` when there are none.
    func condition(for groups: [FilterGroup]) throws(CRMError) -> Fragment? {
        guard !groups.isEmpty else { return nil }
        var out = Fragment(sql: "")
        for (index, group) in groups.enumerated() {
            var inner = Fragment(sql: "")
            for (position, filter) in group.filters.enumerated() {
                inner.append(try condition(for: filter), separator: position == 0 ? "" : " AND ")
            }
            if group.filters.isEmpty { inner.sql = "1" }
            out.append(Fragment(sql: "(\(inner.sql))", arguments: inner.arguments), separator: index == 0 ? "" : " OR ")
        }
        return Fragment(sql: "(\(out.sql))", arguments: out.arguments)
    }

    // MARK: - Free text

    /// `query` split into an FTS5 MATCH expression for the words the trigram index can
    /// answer (three characters or more) and a condition for the shorter ones, so that a
    /// search can start from the index's matches rather than walk every row (see
    /// `LocalCRMService.plan`). The words are folded as the indexed text is (``words(of:)``).
    func textCondition(forQuery query: String) -> (match: String?, others: Fragment?) {
        let words = Self.words(of: query)
        guard !words.isEmpty else { return (nil, nil) }
        var parts: [Fragment] = []
        let long = words.filter { $0.count >= 3 }
        let match = long.isEmpty ? nil : long.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: " AND ")
        for word in words where word.count < 3 {
            let like = likeCondition(word)
            parts.append(Fragment(sql: "o.rowid IN (SELECT rowid FROM object_fts WHERE \(like.sql))", arguments: like.arguments))
        }
        guard !parts.isEmpty else { return (match, nil) }
        var out = Fragment(sql: "")
        for (index, part) in parts.enumerated() { out.append(part, separator: index == 0 ? "" : " AND ") }
        return (match, out)
    }

    /// `query` as a condition on `object_fts` alone (the same words and rules as
    /// ``textCondition(forQuery:)``), for searches that order the matching rowids without
    /// reading `object`; `nil` for a query with no words.
    func fullTextCondition(forQuery query: String) -> Fragment? {
        let words = Self.words(of: query)
        guard !words.isEmpty else { return nil }
        var out = Fragment(sql: "")
        if let match = textCondition(forQuery: query).match {
            out.append(Fragment(sql: "object_fts MATCH ?", arguments: [match.databaseValue]), separator: "")
        }
        for word in words where word.count < 3 {
            out.append(likeCondition(word), separator: out.sql.isEmpty ? "" : " AND ")
        }
        return out
    }

    /// The words of a free-text query, folded like the text in `object_fts`
    /// (`SearchFolding`: case, accents, compatibility forms), so `muller` finds "Müller" and
    /// `Müller` still does. Folded before splitting, as the indexed text is: a folded
    /// no-break space is a space on both sides.
    static func words(of query: String) -> [String] {
        SearchFolding.fold(query).split(whereSeparator: \.isWhitespace).map(String.init)
    }

    /// A word of one or two characters anywhere in the title or notes of an `object_fts` row.
    private func likeCondition(_ word: String) -> Fragment {
        let escaped = word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
        let pattern = ("%" + escaped + "%").databaseValue
        return Fragment(sql: "(title LIKE ? ESCAPE '\\' OR body LIKE ? ESCAPE '\\')", arguments: [pattern, pattern])
    }

    // MARK: - Sort

    /// The column of `object` a sort rule orders by and its direction, when the order is a
    /// plain column with `num` as tie-break (see ``order(for:)``), so ``SortRanks`` can hold
    /// it; `nil` for orders on computed values (JSON properties, folded booleans).
    func rankedOrder(for sorts: [SortRule]) -> (column: String, ascending: Bool)? {
        guard let rule = sorts.first else { return ("createdAt", true) }
        guard !rule.propertyName.lowercased().hasPrefix("associations.") else { return nil }
        let expression = expression(for: rule.propertyName)
        guard expression.kind == .number || expression.kind == .enumeration, expression.raw.arguments.isEmpty,
              expression.raw.sql.hasPrefix("o."), expression.compared.sql == expression.raw.sql else { return nil }
        return (String(expression.raw.sql.dropFirst(2)), rule.ascending)
    }

    /// One sort rule (HubSpot honours one); ties broken by id in the same direction.
    /// Without a rule: creation order, oldest first.
    func order(for sorts: [SortRule]) throws(CRMError) -> Fragment {
        guard let rule = sorts.first else { return Fragment(sql: "o.createdAt ASC, o.num ASC") }
        if rule.propertyName.lowercased().hasPrefix("associations.") {
            throw CRMError.invalid("Cannot sort by \(rule.propertyName.prefix(60))", context: ["propertyName": [rule.propertyName]])
        }
        let direction = rule.ascending ? "ASC" : "DESC"
        let expression = expression(for: rule.propertyName).compared
        return Fragment(sql: "\(expression.sql) \(direction), o.num \(direction)", arguments: expression.arguments)
    }

    // MARK: - Helpers

    private func marks(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ",")
    }

    private func missingValue(_ filter: Filter, field: String = "value") -> CRMError {
        CRMError.invalid("Filter on \(filter.propertyName.prefix(60)) with operator \(filter.op.rawValue) needs `\(field)`", context: ["propertyName": [filter.propertyName]])
    }
}
