import CallsCore
import Foundation
import Testing
@testable import LocalStore

@Suite struct BatchTests {
    @Test("Batch create with trace ids reports each bad input and creates the good ones", arguments: StoreKind.allCases)
    func createWithTraceIDs(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            let result = try await store.batchCreate(.calls, [
                callInput("One", trace: "t1"),
                callInput("Two", ["nope": "x"], trace: "t2"),
                callInput("Three", trace: "t3"),
                ObjectInput(properties: [CallProperty.title: "No time"], objectWriteTraceId: "t4"),
            ])
            #expect(result.results.map { $0[property: CallProperty.title] } == ["One", "Three"])
            #expect(result.numErrors == 2)
            #expect(result.errors.map { $0.context["objectWriteTraceId"] } == [["t2"], ["t4"]])
            #expect(result.errors[0].message.contains("PROPERTY_DOESNT_EXIST"))
            #expect(result.errors[1].context["properties"] == [CallProperty.timestamp])
            #expect(try await store.count(.calls) == 2)
        }
    }

    @Test("Batch create without trace ids fails whole when one input is bad")
    func createWithoutTraceIDs() async throws {
        try await withStore(.memory) { store in
            do {
                _ = try await store.batchCreate(.calls, [callInput("One"), callInput("Two", [CallProperty.status: "LOST"])])
                Issue.record("expected the batch to fail")
            } catch let error as CRMError {
                #expect(error.kind == .validation)
                #expect(error.message.contains("INVALID_OPTION"))
            }
            #expect(try await store.count(.calls) == 0)
        }
    }

    @Test("Batch read returns what exists and a not-found error per missing id")
    func read() async throws {
        try await withStore(.memory) { store in
            let a = try await store.create(.calls, callInput("A")).id
            let b = try await store.create(.calls, callInput("B")).id
            try await store.archive(.calls, id: b)
            let result = try await store.batchRead(.calls, ids: [a, b, "42"], properties: [CallProperty.title])
            #expect(result.results.map(\.id) == [a])
            #expect(result.errors.map(\.id) == [b, "42"])
            #expect(result.errors.allSatisfy { $0.kind == .notFound && $0.hubSpotCategory == "OBJECT_NOT_FOUND" })
        }
    }

    @Test("Batch update applies valid changes and reports the rest by id")
    func update() async throws {
        try await withStore(.memory) { store in
            let a = try await store.create(.calls, callInput("A")).id
            let b = try await store.create(.calls, callInput("B")).id
            let result = try await store.batchUpdate(.calls, [
                ObjectUpdate(id: a, properties: [CallProperty.title: "A2"]),
                ObjectUpdate(id: b, properties: [CallProperty.timestamp: "1746194400"]),
                ObjectUpdate(id: "7", properties: [CallProperty.title: "ghost"]),
            ])
            #expect(result.results.map(\.id) == [a])
            #expect(result.errors.map(\.id) == [b, "7"])
            #expect(result.errors[0].kind == .validation)
            #expect(result.errors[1].kind == .notFound)
            #expect(try await store.get(.calls, id: a)[property: CallProperty.title] == "A2")
            #expect(try await store.get(.calls, id: b)[property: CallProperty.timestamp] == "2025-05-02T14:00:00.000Z")
        }
    }

    @Test("Batch archive moves what exists to the recycle bin and reports the rest")
    func archive() async throws {
        try await withStore(.memory) { store in
            let a = try await store.create(.calls, callInput("A")).id
            let result = try await store.batchArchive(.calls, ids: [a, "9"])
            #expect(result.errors.map(\.id) == ["9"])
            #expect(try await store.count(.calls, archived: true) == 1)
        }
    }

    @Test("A batch of more than 100 inputs is refused")
    func sizeLimit() async throws {
        try await withStore(.memory) { store in
            await #expect(throws: CRMError.self) {
                try await store.batchRead(.calls, ids: (0..<101).map(String.init), properties: nil)
            }
        }
    }
}
