import CallsCore
import Foundation

// MARK: - Every page of a list, one page ahead

extension HubSpotCRMService {
    /// Every page of `GET /crm/v3/objects/{type}` from `request.after` on, in order.
    ///
    /// A list cursor is opaque, so page k+1 cannot be asked for before page k's answer has
    /// arrived; but it can be asked for before page k is decoded. The request for the next
    /// page goes out as soon as the cursor is read from the body (a partial decode of
    /// `paging` only), and page k is decoded while the server works on page k+1. Under the
    /// rate limit a long fetch is a chain of round trips in its first window, so this takes
    /// the decoding off that chain. Pacing, retries and errors are those of ``list(_:_:)``;
    /// at most one request is ahead of the caller.
    ///
    /// ```swift
    /// for try await page in service.pages(.calls, ListRequest(limit: 100, properties: CallProperty.listSet)) {
    ///     export(page.results)
    /// }
    /// ```
    public func pages(_ type: ObjectType, _ request: ListRequest) -> AsyncThrowingStream<Page, any Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                var ahead: Task<TransportResponse, any Error>?
                do {
                    var request = request
                    request.properties = try await propertyNames(type, request.properties)
                    let first = listRequest(type, request)
                    var current: (http: HubSpotRequest, response: TransportResponse)? = (first, try await executor.send(first))
                    while let step = current {
                        let (http, response) = step
                        try Task.checkCancellation()
                        var next: HubSpotRequest?
                        if let after = try decode(PagingOnly.self, response, for: http).paging?.next?.after {
                            request.after = after
                            let nextHTTP = listRequest(type, request)
                            next = nextHTTP
                            ahead = Task { [executor] in try await executor.send(nextHTTP) }
                        }
                        let page = try decode(CollectionResponse<SimplePublicObject>.self, response, for: http).page(type: type)
                        continuation.yield(Page(results: page.results.map { Self.withRequestedAssociations($0, request.associations) }, nextAfter: page.nextAfter))
                        if let next, let pending = ahead {
                            current = (next, try await pending.value)
                            ahead = nil
                        } else {
                            current = nil
                        }
                    }
                    continuation.finish()
                } catch {
                    ahead?.cancel()
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
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

/// Only the `paging` of a collection response: the cursor, read without the results.
struct PagingOnly: Decodable {
    var paging: Paging?

    private enum CodingKeys: String, CodingKey { case paging }

    init(from decoder: any Decoder) throws {
        paging = try decoder.container(keyedBy: CodingKeys.self).lenient(Paging.self, .paging)
    }
}
