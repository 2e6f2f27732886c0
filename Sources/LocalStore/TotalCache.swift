import Foundation

/// Search totals remembered per query and database version (`changeCounter.n`, which every
/// write to records or associations moves, from any process). The browser pages one query
/// many times; its matches are counted once.
final class TotalCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: (version: Int64, total: Int)] = [:]
    private let capacity = 128

    func total(for key: String, version: Int64) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = entries[key], entry.version == version else { return nil }
        return entry.total
    }

    func store(_ total: Int, for key: String, version: Int64) {
        lock.lock()
        defer { lock.unlock() }
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[key] = (version, total)
    }
}
