import CallsCore
import Foundation
@testable import LocalStore

/// The two ways a store is opened: in memory (`DatabaseQueue`) and on disk (`DatabasePool`,
/// WAL). Tests that take a `StoreKind` argument run against both.
enum StoreKind: String, CaseIterable, Sendable {
    case memory, file
}


/// Opens a fresh store of `kind`, runs `body`, and removes the temporary file afterwards.
@discardableResult
func withStore<T>(_ kind: StoreKind, options: LocalStoreOptions = .hubSpot, _ body: (LocalCRMService) async throws -> T) async throws -> T {
    switch kind {
    case .memory:
        return try await body(try LocalCRMService.inMemory(options: options))
    case .file:
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hubcalls-store-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try LocalCRMService(path: directory.appendingPathComponent("test.sqlite").path, options: options)
        return try await body(store)
    }
}

/// A minimal valid call.
func callInput(_ title: String = "Test call", at timestamp: String = "2025-05-02T14:00:00Z", _ extra: [String: String] = [:], associations: [AssociationInput] = [], trace: String? = nil) -> ObjectInput {
    var properties = [CallProperty.timestamp: timestamp, CallProperty.title: title]
    properties.merge(extra) { _, new in new }
    return ObjectInput(properties: properties, associations: associations, objectWriteTraceId: trace)
}

extension LocalCRMService {
    /// Creates a contact and returns its id.
    func makeContact(_ first: String = "Ada", _ last: String = "Lovelace") async throws -> String {
        try await create(.contacts, ObjectInput(properties: ["firstname": first, "lastname": last])).id
    }
}
