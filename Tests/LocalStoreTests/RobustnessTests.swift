import CallsCore
import Foundation
import Testing
@testable import LocalStore

@Suite struct RobustnessTests {
    @Test("A 10 MB HTML body is stored whole, previewed and searchable by its start")
    func hugeBody() async throws {
        try await withStore(.file) { store in
            let paragraph = "<p>Quarterly \u{1B}[31mreview\u{1B}[0m with 東京 team &amp; partners.</p>\n"
            let body = "Opening line zebracorn. " + String(repeating: paragraph, count: 10_000_000 / paragraph.utf8.count)
            let call = try await store.create(.calls, callInput("Huge", [CallProperty.body: body]))
            let read = try await store.get(.calls, id: call.id)
            #expect(read[property: CallProperty.body]?.utf8.count == body.utf8.count)
            let preview = try #require(read[property: CallProperty.bodyPreview])
            #expect(preview.hasPrefix("Opening line zebracorn. Quarterly"))
            #expect(preview.count <= BodyPreview.length)
            #expect(try await store.search(.calls, SearchRequest(query: "zebracorn")).total == 1)
        }
    }

    @Test("Concurrent creates on one file get distinct ids and all land")
    func concurrentWrites() async throws {
        try await withStore(.file) { store in
            let ids = try await withThrowingTaskGroup(of: String.self) { group in
                for index in 0..<40 {
                    group.addTask { try await store.create(.calls, callInput("Parallel \(index)")).id }
                }
                var out: [String] = []
                for try await id in group { out.append(id) }
                return out
            }
            #expect(Set(ids).count == 40)
            #expect(try await store.count(.calls) == 40)
        }
    }
}
