import CallsCore
import Foundation
import HubSpotAPI
import Testing

/// `HubSpotCRMService.pages`: every page of a list, the next one asked for before the current
/// one is decoded — the same records as paging with `list`, one request per page.
@Suite struct PagesTests {
    static func seed(_ backend: Backend, calls: Int) async throws {
        for index in 0..<calls {
            _ = try await backend.store.create(.calls, ObjectInput(properties: Fixture.call("Call \(index)", minute: index)))
        }
    }

    @Test func pagesYieldWhatListPagingYieldsAtOneRequestPerPage() async throws {
        try await withBackend(.hubspot) { backend in
            try await Self.seed(backend, calls: 250)
            let client = try #require(backend.client)
            let request = ListRequest(limit: 100, properties: [CallProperty.title], associations: [.contacts])
            var listed: [CRMObject] = []
            var after: String?
            repeat {
                var step = request
                step.after = after
                let page = try await client.list(.calls, step)
                listed += page.results
                after = page.nextAfter
            } while after != nil

            try await backend.server!.resetStats()
            var streamed: [CRMObject] = []
            var cursors: [String?] = []
            for try await page in client.pages(.calls, request) {
                streamed += page.results
                cursors.append(page.nextAfter)
            }
            #expect(streamed == listed)
            #expect(streamed.count == 250)
            #expect(cursors.count == 3)
            #expect(cursors.last == .some(nil))
            #expect(try await backend.server!.stats().totalRequests == 3)
        }
    }

    @Test func stoppingAfterTheFirstPageLeavesAtMostOneRequestAhead() async throws {
        try await withBackend(.hubspot) { backend in
            try await Self.seed(backend, calls: 250)
            let client = try #require(backend.client)
            try await backend.server!.resetStats()
            for try await page in client.pages(.calls, ListRequest(limit: 50, properties: [CallProperty.title])) {
                #expect(page.results.count == 50)
                break
            }
            try await Task.sleep(for: .milliseconds(200))
            #expect(try await backend.server!.stats().totalRequests <= 2)
        }
    }

    @Test func aSlowCallerHasAtMostOnePageAskedForAhead() async throws {
        try await withBackend(.hubspot) { backend in
            try await Self.seed(backend, calls: 250)
            let client = try #require(backend.client)
            try await backend.server!.resetStats()
            var pages = client.pages(.calls, ListRequest(limit: 50, properties: [CallProperty.title])).makeAsyncIterator()
            _ = try await pages.next()
            try await Task.sleep(for: .milliseconds(300))  // the caller is busy with page 1
            #expect(try await backend.server!.stats().totalRequests == 2)
            _ = try await pages.next()
            try await Task.sleep(for: .milliseconds(300))
            #expect(try await backend.server!.stats().totalRequests == 3)
        }
    }

    @Test func aFailingPageEndsTheStreamWithItsError() async throws {
        try await withBackend(.hubspot, retry: RetryPolicy(maxAttempts: 1), wrap: { FailNthTransport($0, failing: 2) }) { backend in
            try await Self.seed(backend, calls: 30)
            let client = try #require(backend.client)
            var pages = 0
            let error = await #expect(throws: CRMError.self) {
                for try await _ in client.pages(.calls, ListRequest(limit: 10, properties: [CallProperty.title])) { pages += 1 }
            }
            #expect(pages == 1)
            #expect(error?.kind == .server)
        }
    }
}

/// Answers the `n`th request (1-based) with a 500 instead of sending it.
final class FailNthTransport: HTTPTransport, @unchecked Sendable {
    private let inner: any HTTPTransport
    private let failing: Int
    private let seen = Locked(0)

    init(_ inner: any HTTPTransport, failing: Int) {
        self.inner = inner
        self.failing = failing
    }

    func send(_ request: TransportRequest) async throws -> TransportResponse {
        let count = seen.value + 1
        seen.set(count)
        if count == failing {
            return TransportResponse(status: 500, headers: [:], body: Data(#"{"status":"error","message":"injected","category":"INTERNAL_ERROR"}"#.utf8))
        }
        return try await inner.send(request)
    }
}
