public import CallsCore

/// HubSpot's top-level error body (`Error`, FINDINGS.md §5.5), including the rate-limit
/// variant (`errorType`, `policyName`, §9.3). Every field is optional when decoding.
public struct ErrorBody: Codable, Sendable, Equatable {
    /// Always `"error"` in HubSpot's bodies.
    public var status: String
    public var message: String
    public var correlationId: String
    public var category: String?
    public var subCategory: String?
    public var context: [String: [String]]?
    public var errors: [ErrorDetail]?
    public var links: [String: String]?
    /// 429s: `RATE_LIMIT`.
    public var errorType: String?
    /// 429s: `TEN_SECONDLY_ROLLING`, `SECONDLY` or `DAILY`.
    public var policyName: String?
    public var groupName: String?
    public var requestId: String?

    public init(
        status: String = "error", message: String, correlationId: String, category: String?, subCategory: String? = nil,
        context: [String: [String]]? = nil, errors: [ErrorDetail]? = nil, links: [String: String]? = nil,
        errorType: String? = nil, policyName: String? = nil, groupName: String? = nil, requestId: String? = nil
    ) {
        self.status = status
        self.message = message
        self.correlationId = correlationId
        self.category = category
        self.subCategory = subCategory
        self.context = context
        self.errors = errors
        self.links = links
        self.errorType = errorType
        self.policyName = policyName
        self.groupName = groupName
        self.requestId = requestId
    }

    private enum CodingKeys: String, CodingKey {
        case status, message, correlationId, category, subCategory, context, errors, links, errorType, policyName, groupName, requestId
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        status = c.lenientString(.status) ?? "error"
        message = c.lenientString(.message) ?? ""
        correlationId = c.lenientString(.correlationId) ?? ""
        category = c.lenient(LenientCategory.self, .category)?.name
        subCategory = c.lenient(LenientCategory.self, .subCategory)?.name
        context = c.lenientStringLists(.context)
        errors = c.lenient([ErrorDetail].self, .errors)
        links = c.lenient([String: String].self, .links)
        errorType = c.lenientString(.errorType)
        policyName = c.lenientString(.policyName)
        groupName = c.lenientString(.groupName)
        requestId = c.lenientString(.requestId)
    }
}

// MARK: - Rate limits

extension ErrorBody {
    /// The 429 body for a policy (`TEN_SECONDLY_ROLLING`, `SECONDLY`, `DAILY`). It carries both
    /// `errorType: RATE_LIMIT` (what HubSpot sends) and `category: RATE_LIMITS` (what some
    /// clients key off).
    public static func rateLimit(policyName: String, correlationId: String) -> ErrorBody {
        let message: String
        switch policyName {
        case "SECONDLY": message = "You have reached your secondly limit."
        case "DAILY": message = "You have reached your daily limit."
        default: message = "You have reached your \(policyName.lowercased()) limit."
        }
        return ErrorBody(message: message, correlationId: correlationId, category: "RATE_LIMITS", errorType: "RATE_LIMIT", policyName: policyName)
    }
}

// MARK: - CRMError conversion

extension ErrorBody {
    /// The body a server sends for an error; `correlationId` is the request's.
    public init(_ error: CRMError, correlationId: String) {
        self.init(
            message: error.message, correlationId: correlationId, category: error.hubSpotCategory, subCategory: error.subCategory,
            context: error.context.isEmpty ? nil : error.context,
            errors: error.errors.isEmpty ? nil : error.errors.map(ErrorDetail.init),
            errorType: error.kind == .rateLimited ? "RATE_LIMIT" : nil, policyName: error.policyName
        )
    }

    /// The domain error for an HTTP status and this body.
    public func crmError(status: Int, retryAfter: Double? = nil) -> CRMError {
        let category = self.category ?? errorType
        return CRMError(
            kind: CRMError.kind(status: status, category: category), status: status,
            message: message.isEmpty ? "HTTP \(status)" : message,
            correlationId: correlationId.isEmpty ? nil : correlationId, category: category, subCategory: subCategory,
            context: context ?? [:], errors: (errors ?? []).map(\.crmDetail), policyName: policyName, retryAfter: retryAfter
        )
    }
}
