import Foundation

/// Values remembered per query and database version (`changeCounter.n`, which every write to
/// records or associations moves, from any process). The browser pages one query many
/// times: its matches are counted (or, for text searches, listed) once.
final class VersionedCache<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: (version: Int64, value: Value)] = [:]
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    func value(for key: String, version: Int64) -> Value? {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = entries[key], entry.version == version else { return nil }
        return entry.value
    }

    func store(_ value: Value, for key: String, version: Int64) {
        lock.lock()
        defer { lock.unlock() }
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[key] = (version, value)
    }
}
