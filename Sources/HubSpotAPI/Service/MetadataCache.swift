import CallsCore

/// Account metadata that changes rarely — owners, property definitions, outcomes — fetched
/// once per session. Concurrent callers share one in-flight request instead of each sending
/// their own (the list screen and the detail pane both ask for owners at start-up).
actor MetadataCache {
    private var owners: Task<[Owner], any Error>?
    private var properties: [ObjectType: Task<[PropertyDefinition], any Error>] = [:]
    private var outcomes: Task<[Outcome], any Error>?

    func owners(_ load: @escaping @Sendable () async throws -> [Owner]) async throws -> [Owner] {
        let task = owners ?? Task { try await load() }
        owners = task
        do { return try await task.value } catch {
            // A failure is not cached: the next caller tries again.
            if owners == task { owners = nil }
            throw error
        }
    }

    func properties(_ type: ObjectType, _ load: @escaping @Sendable () async throws -> [PropertyDefinition]) async throws -> [PropertyDefinition] {
        let task = properties[type] ?? Task { try await load() }
        properties[type] = task
        do { return try await task.value } catch {
            if properties[type] == task { properties[type] = nil }
            throw error
        }
    }

    func outcomes(_ load: @escaping @Sendable () async throws -> [Outcome]) async throws -> [Outcome] {
        let task = outcomes ?? Task { try await load() }
        outcomes = task
        do { return try await task.value } catch {
            if outcomes == task { outcomes = nil }
            throw error
        }
    }

    func clear() {
        owners = nil
        properties = [:]
        outcomes = nil
    }
}
