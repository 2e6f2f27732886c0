public import CallsCore

/// One failed item of a batch (`StandardError`, FINDINGS.md §5.4).
///
/// `category` and `subCategory` are strings in practice but objects in older generated models;
/// both decode.
public struct StandardError: Codable, Sendable, Equatable {
    public var status: String
    public var id: String?
    public var category: String
    public var subCategory: String?
    public var message: String
    public var errors: [ErrorDetail]
    public var context: [String: [String]]
    public var links: [String: String]

    public init(
        status: String = "error", id: String? = nil, category: String, subCategory: String? = nil, message: String,
        errors: [ErrorDetail] = [], context: [String: [String]] = [:], links: [String: String] = [:]
    ) {
        self.status = status
        self.id = id
        self.category = category
        self.subCategory = subCategory
        self.message = message
        self.errors = errors
        self.context = context
        self.links = links
    }

    private enum CodingKeys: String, CodingKey { case status, id, category, subCategory, message, errors, context, links }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        status = c.lenientString(.status) ?? "error"
        id = c.lenientString(.id)
        category = c.lenient(LenientCategory.self, .category)?.name ?? ""
        subCategory = c.lenient(LenientCategory.self, .subCategory)?.name
        message = c.lenientString(.message) ?? ""
        errors = c.lenient([ErrorDetail].self, .errors) ?? []
        context = c.lenientStringLists(.context) ?? [:]
        links = c.lenient([String: String].self, .links) ?? [:]
    }
}

/// `ErrorDetail`: one entry of an error's `errors` list.
public struct ErrorDetail: Codable, Sendable, Equatable {
    public var message: String
    public var code: String?
    public var `in`: String?
    public var subCategory: String?
    public var context: [String: [String]]?

    public init(message: String, code: String? = nil, in location: String? = nil, subCategory: String? = nil, context: [String: [String]]? = nil) {
        self.message = message
        self.code = code
        self.in = location
        self.subCategory = subCategory
        self.context = context
    }

    private enum CodingKeys: String, CodingKey { case message, code, `in`, subCategory, context }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        message = c.lenientString(.message) ?? ""
        code = c.lenientString(.code)
        self.in = c.lenientString(.in)
        subCategory = c.lenient(LenientCategory.self, .subCategory)?.name
        context = c.lenientStringLists(.context)
    }
}

// MARK: - CRMError conversion

extension ErrorDetail {
    public init(_ detail: CRMError.Detail) {
        self.init(message: detail.message, code: detail.code, subCategory: detail.subCategory, context: detail.context)
    }

    public var crmDetail: CRMError.Detail {
        CRMError.Detail(message: message, code: code, subCategory: subCategory, context: context)
    }
}

extension StandardError {
    /// The per-item error a server sends for a failed batch item.
    public init(_ error: CRMError) {
        self.init(
            id: error.id, category: error.hubSpotCategory, subCategory: error.subCategory, message: error.message,
            errors: error.errors.map(ErrorDetail.init), context: error.context
        )
    }

    /// The domain error; the kind comes from the category (there is no per-item status code).
    public var crmError: CRMError {
        CRMError(
            kind: CRMError.kind(status: 0, category: category), message: message, category: category.isEmpty ? nil : category,
            subCategory: subCategory, context: context, errors: errors.map(\.crmDetail), id: id ?? context["ids"]?.first ?? context["id"]?.first
        )
    }
}
