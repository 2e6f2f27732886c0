public import CallsCore

// MARK: - Page / SearchPage conversion

extension CollectionResponse where Item == SimplePublicObject {
    /// The list response for a page of records.
    public init(_ page: Page) {
        self.init(results: page.results.map { SimplePublicObject($0) }, paging: .after(page.nextAfter))
    }

    /// The domain page; `type` resolves association type names.
    public func page(type: ObjectType? = nil) -> Page {
        Page(results: results.map { $0.crmObject(type: type) }, nextAfter: nextAfter)
    }
}

extension CollectionResponseWithTotal where Item == SimplePublicObject {
    /// The search response for a search page.
    public init(_ page: SearchPage) {
        self.init(total: page.total, results: page.results.map { SimplePublicObject($0) }, paging: .after(page.nextAfter))
    }

    public func searchPage(type: ObjectType? = nil) -> SearchPage {
        SearchPage(total: total, results: results.map { $0.crmObject(type: type) }, nextAfter: nextAfter)
    }
}
