import CallsCore
import Foundation

// MARK: - Every page of a list, one page ahead

extension HubSpotCRMService {
    /// Every page of `GET /crm/v3/objects/{type}` from `request.after` on, in order.
    ///
    /// A list cursor is opaque, so page k+1 cannot be asked for before page k's answer has
    /// arrived; but it can be asked for before page k is decoded. The request for the next
    /// page goes out as soon as the cursor is read from the body (a partial decode of
    /// `paging` only), and page k is decoded — and handed to the caller — while the server
    /// works on page k+1. Under the rate limit a long fetch is a chain of round trips in its
    /// first window, so this takes decoding off that chain. Pacing, retries and errors are
    /// those of ``list(_:_:)``. At most one request is ahead of the caller: the next page is
    /// asked for when the caller asks for the current one.
    ///
    /// ```swift
    /// for try await page in service.pages(.calls, ListRequest(limit: 100, properties: CallProperty.listSet)) {
    ///     export(page.results)
    /// }
    /// ```
    public func pages(_ type: ObjectType, _ request: ListRequest) -> ListPages {
        ListPages(service: self, type: type, request: request)
    }

    /// The `GET /crm/v3/objects/{type}` request for one page (properties already resolved).
    func listRequest(_ type: ObjectType, _ request: ListRequest) -> HubSpotRequest {
        var query: [(name: String, value: String)] = [("limit", String(min(max(request.limit, 1), 100)))]
        if let after = request.after, !after.isEmpty { query.append(("after", after)) }
        query += Self.listQuery("properties", request.properties ?? [])
        query += Self.listQuery("associations", request.associations.map(\.rawValue))
        if request.archived { query.append(("archived", "true")) }
        return HubSpotRequest(.get, Self.objectsPath(type), endpoint: "/crm/v3/objects/{type}", query: query)
    }
}

/// The pages of a list, each asked for one step ahead (``HubSpotCRMService/pages(_:_:)``).
public struct ListPages: AsyncSequence, Sendable {
    public typealias Element = Page

    let service: HubSpotCRMService
    let type: ObjectType
    let request: ListRequest

    public func makeAsyncIterator() -> Iterator { Iterator(pages: self) }

    public struct Iterator: AsyncIteratorProtocol {
        private let pages: ListPages
        private var request: ListRequest
        /// The request for the page `next()` returns next, already on its way.
        private var ahead: Task<(HubSpotRequest, TransportResponse), any Error>?
        private var started = false
        private var finished = false

        init(pages: ListPages) {
            self.pages = pages
            request = pages.request
        }

        public mutating func next() async throws -> Page? {
            guard !finished else { return nil }
            do {
                if !started {
                    started = true
                    request.properties = try await pages.service.propertyNames(pages.type, request.properties)
                    ahead = send(request)
                }
                guard let pending = ahead else {
                    finished = true
                    return nil
                }
                let (http, response) = try await withTaskCancellationHandler { try await pending.value } onCancel: { pending.cancel() }
                let service = pages.service
                ahead = nil
                if let after = try service.decode(PagingOnly.self, response, for: http).paging?.next?.after {
                    request.after = after
                    ahead = send(request)
                }
                let page = try service.decode(CollectionResponse<SimplePublicObject>.self, response, for: http).page(type: pages.type)
                return Page(results: page.results.map { HubSpotCRMService.withRequestedAssociations($0, request.associations) }, nextAfter: page.nextAfter)
            } catch {
                finished = true
                ahead?.cancel()
                ahead = nil
                throw error
            }
        }

        private func send(_ request: ListRequest) -> Task<(HubSpotRequest, TransportResponse), any Error> {
            let http = pages.service.listRequest(pages.type, request)
            let executor = pages.service.executor
            return Task { (http, try await executor.send(http)) }
        }
    }
}

/// Only the `paging` of a collection response: the cursor, read without the results.
struct PagingOnly: Decodable {
    var paging: Paging?

    private enum CodingKeys: String, CodingKey { case paging }

    init(from decoder: any Decoder) throws {
        paging = try decoder.container(keyedBy: CodingKeys.self).lenient(Paging.self, .paging)
    }
}
