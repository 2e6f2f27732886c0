/// `Paging`: the cursor to the next page (`paging` is absent on the last page).
public struct Paging: Codable, Sendable, Equatable {
    public var next: NextPage?
    public var prev: PreviousPage?

    public init(next: NextPage? = nil, prev: PreviousPage? = nil) {
        self.next = next
        self.prev = prev
    }

    /// A paging object for a cursor, or `nil` (omit `paging`) when there is no next page.
    public static func after(_ cursor: String?, link: String? = nil) -> Paging? {
        cursor.map { Paging(next: NextPage(after: $0, link: link)) }
    }

    private enum CodingKeys: String, CodingKey { case next, prev }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        next = c.lenient(NextPage.self, .next)
        prev = c.lenient(PreviousPage.self, .prev)
    }
}

/// `NextPage`: `after` is the only field clients should use; `link` varies (relative or absolute).
public struct NextPage: Codable, Sendable, Equatable {
    public var after: String
    public var link: String?

    public init(after: String, link: String? = nil) {
        self.after = after
        self.link = link
    }

    private enum CodingKeys: String, CodingKey { case after, link }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        guard let after = c.lenientString(.after) else {
            throw DecodingError.keyNotFound(CodingKeys.after, .init(codingPath: c.codingPath, debugDescription: "next page without after"))
        }
        self.after = after
        link = c.lenientString(.link)
    }
}

/// `PreviousPage` (search paging only).
public struct PreviousPage: Codable, Sendable, Equatable {
    public var before: String
    public var link: String?

    public init(before: String, link: String? = nil) {
        self.before = before
        self.link = link
    }
}

/// `CollectionResponse…ForwardPaging`: a page of results and the next cursor.
public struct CollectionResponse<Item: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
    public var results: [Item]
    public var paging: Paging?

    public init(results: [Item], paging: Paging? = nil) {
        self.results = results
        self.paging = paging
    }

    private enum CodingKeys: String, CodingKey { case results, paging }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        results = try c.decodeIfPresent([Item].self, forKey: .results) ?? []
        paging = c.lenient(Paging.self, .paging)
    }

    /// The cursor to the next page, `nil` on the last one.
    public var nextAfter: String? { paging?.next?.after }
}

/// `CollectionResponseWithTotal…`: a search page with the total number of matches.
public struct CollectionResponseWithTotal<Item: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
    public var total: Int
    public var results: [Item]
    public var paging: Paging?

    public init(total: Int, results: [Item], paging: Paging? = nil) {
        self.total = total
        self.results = results
        self.paging = paging
    }

    private enum CodingKeys: String, CodingKey { case total, results, paging }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        results = try c.decodeIfPresent([Item].self, forKey: .results) ?? []
        total = c.lenientInt(.total) ?? results.count
        paging = c.lenient(Paging.self, .paging)
    }

    public var nextAfter: String? { paging?.next?.after }
}
