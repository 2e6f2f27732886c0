import CallsCore
import GRDB

// MARK: - Batches

/// HubSpot's batch semantics (FINDINGS.md §5.4): per-item errors in ``CallsCore/BatchResult``
/// (its 207). A batch create reports per-item errors only when every input has its own
/// `objectWriteTraceId`; otherwise one bad input fails the whole request and nothing is
/// created.
extension LocalCRMService {
    public func batchCreate(_ type: ObjectType, _ inputs: [ObjectInput]) async throws -> BatchResult {
        try checkBatchSize(inputs.count)
        let traceIDs = inputs.compactMap(\.objectWriteTraceId)
        let perItem = traceIDs.count == inputs.count && Set(traceIDs).count == inputs.count
        return try await write { db in
            let now = Self.nowMilliseconds()
            var result = BatchResult(results: [])
            for input in inputs {
                do {
                    // A savepoint per item so a failed item leaves nothing behind.
                    var created: CRMObject?
                    try db.inSavepoint {
                        created = try Self.create(db, type, input, now: now)
                        return .commit
                    }
                    if let created { result.results.append(created) }
                } catch {
                    var failure = Self.crmError(error)
                    guard perItem else { throw failure }
                    failure.context["objectWriteTraceId"] = [input.objectWriteTraceId ?? ""]
                    result.errors.append(failure)
                }
            }
            return result
        }
    }

    public func batchRead(_ type: ObjectType, ids: [String], properties: [String]?) async throws -> BatchResult {
        try checkBatchSize(ids.count)
        return try await read { db in
            // One query for the batch (the browser reads the names of a page's 100 contacts
            // this way), decoding only the requested properties.
            let rows = try ObjectTable.fetch(db, type, ids: ids, properties: properties)
            var result = BatchResult(results: [])
            for id in ids {
                if let row = rows[id] {
                    result.results.append(row.object(properties: properties))
                } else {
                    result.errors.append(CRMError.notFound(type, id: id))
                }
            }
            return result
        }
    }

    public func batchUpdate(_ type: ObjectType, _ inputs: [ObjectUpdate]) async throws -> BatchResult {
        try checkBatchSize(inputs.count)
        return try await write { db in
            let now = Self.nowMilliseconds()
            var result = BatchResult(results: [])
            for input in inputs {
                do {
                    var updated: CRMObject?
                    try db.inSavepoint {
                        updated = try Self.update(db, type, id: input.id, properties: input.properties, now: now)
                        return .commit
                    }
                    if let updated { result.results.append(updated) }
                } catch {
                    var failure = Self.crmError(error)
                    failure.id = input.id
                    if failure.context["id"] == nil { failure.context["id"] = [input.id] }
                    result.errors.append(failure)
                }
            }
            return result
        }
    }

    public func batchArchive(_ type: ObjectType, ids: [String]) async throws -> BatchResult {
        try checkBatchSize(ids.count)
        return try await write { db in
            let now = Self.nowMilliseconds()
            var result = BatchResult(results: [])
            for id in ids {
                if let row = try ObjectTable.fetch(db, type, id: id) {
                    try ObjectTable.setArchived(db, row, archived: true, at: now)
                } else {
                    result.errors.append(CRMError.notFound(type, id: id))
                }
            }
            return result
        }
    }

    private func checkBatchSize(_ count: Int) throws(CRMError) {
        guard count <= options.maxBatchSize else {
            throw CRMError.invalid("Too many inputs: \(count) (a batch takes at most \(options.maxBatchSize))", context: ["inputs": [String(count)]])
        }
    }
}
