import CallsCore
import Foundation

// MARK: - Batches (100 inputs per request; per-item errors kept)

extension HubSpotCRMService {
    static let batchSize = 100

    /// `POST …/batch/create`. Every input gets a unique `objectWriteTraceId` so that HubSpot
    /// reports bad inputs per item (207) instead of failing the whole request. A chunk whose
    /// outcome is unknown is looked up and only the inputs not found are sent again.
    public func batchCreate(_ type: ObjectType, _ inputs: [ObjectInput]) async throws -> BatchResult {
        var combined = BatchResult(results: [])
        for start in stride(from: 0, to: inputs.count, by: Self.batchSize) {
            var chunk = Array(inputs[start..<min(start + Self.batchSize, inputs.count)])
            for index in chunk.indices where chunk[index].objectWriteTraceId == nil {
                chunk[index].objectWriteTraceId = UUID().uuidString.lowercased()
            }
            let part = try await createChunk(type, chunk)
            combined.results += part.results
            combined.errors += part.errors
        }
        return combined
    }

    private func createChunk(_ type: ObjectType, _ inputs: [ObjectInput]) async throws -> BatchResult {
        var remaining = inputs
        var recovered: [CRMObject] = []
        let since = Date()
        var attempt = 1
        while true {
            let http = HubSpotRequest(
                .post, "\(Self.objectsPath(type))/batch/create", endpoint: "/crm/v3/objects/{type}/batch/create",
                body: body(BatchInput(inputs: remaining.map(SimplePublicObjectInputForCreate.init))), idempotent: false
            )
            do {
                let response = try await executor.send(http, firstAttempt: attempt)
                var result = try decode(BatchResponse<SimplePublicObject>.self, response, for: http).batchResult(type: type)
                result.results = recovered + result.results
                return result
            } catch let unknown as OutcomeUnknown {
                let found = try await findCreated(type, remaining, since: since)
                if !found.isEmpty {
                    let read = try await batchRead(type, ids: found.keys.sorted().compactMap { found[$0] }, properties: nil)
                    recovered += read.results
                }
                remaining = remaining.enumerated().filter { found[$0.offset] == nil }.map(\.element)
                if remaining.isEmpty { return BatchResult(results: recovered) }
                attempt = unknown.attempt + 1
                try await executor.wait(unknown.delay)
            }
        }
    }

    /// `POST …/batch/read`; ids that do not exist come back in ``BatchResult/errors``.
    public func batchRead(_ type: ObjectType, ids: [String], properties: [String]?) async throws -> BatchResult {
        let names = try await propertyNames(type, properties)
        return try await chunked(ids, type: type) { chunk in
            HubSpotRequest(
                .post, "\(Self.objectsPath(type))/batch/read", endpoint: "/crm/v3/objects/{type}/batch/read",
                body: body(BatchReadInput(inputs: chunk.map { PublicObjectId(id: $0) }, properties: names)), idempotent: true
            )
        }
    }

    /// `POST …/batch/update`; per-item failures in ``BatchResult/errors``.
    public func batchUpdate(_ type: ObjectType, _ inputs: [ObjectUpdate]) async throws -> BatchResult {
        try await chunked(inputs, type: type) { chunk in
            HubSpotRequest(
                .post, "\(Self.objectsPath(type))/batch/update", endpoint: "/crm/v3/objects/{type}/batch/update",
                body: body(BatchInput(inputs: chunk.map(SimplePublicObjectBatchInput.init))), idempotent: true
            )
        }
    }

    /// `POST …/batch/archive` (HubSpot answers 204 with no per-item detail).
    public func batchArchive(_ type: ObjectType, ids: [String]) async throws -> BatchResult {
        try await chunked(ids, type: type) { chunk in
            HubSpotRequest(
                .post, "\(Self.objectsPath(type))/batch/archive", endpoint: "/crm/v3/objects/{type}/batch/archive",
                body: body(BatchInput(inputs: chunk.map { PublicObjectId(id: $0) })), idempotent: true
            )
        }
    }

    /// Sends `items` in chunks of ``batchSize`` and merges results and errors; an empty body
    /// (204) is an empty result.
    private func chunked<Item>(_ items: [Item], type: ObjectType, request: (ArraySlice<Item>) -> HubSpotRequest) async throws -> BatchResult {
        var combined = BatchResult(results: [])
        for start in stride(from: 0, to: items.count, by: Self.batchSize) {
            let http = request(items[start..<min(start + Self.batchSize, items.count)])
            let response = try await executor.send(http)
            guard !response.body.isEmpty, response.status != 204 else { continue }
            let part = try decode(BatchResponse<SimplePublicObject>.self, response, for: http).batchResult(type: type)
            combined.results += part.results
            combined.errors += part.errors
        }
        return combined
    }
}
