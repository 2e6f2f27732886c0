import Foundation

/// Values remembered per query and database version (`changeCounter.n`, which every write to
/// records or associations moves, from any process). The browser pages one query many
/// times: its matches are counted (or, for text searches, listed) once.
///
/// When full, a new key first displaces entries of other versions (a write made them
/// useless to every later read), then the entry used least recently: one more query must
/// not cost the others their entries (a third sort order used to drop both of the
/// browser's).
final class VersionedCache<Value>: @unchecked Sendable {
    private struct Entry {
        var version: Int64
        var value: Value
        /// When the entry was stored or last returned (`clock`).
        var used: UInt64
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var clock: UInt64 = 0
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    func value(for key: String, version: Int64) -> Value? {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = entries[key], entry.version == version else { return nil }
        clock += 1
        entries[key]?.used = clock
        return entry.value
    }

    /// The keys held, sorted (tests).
    var keys: [String] {
        lock.lock()
        defer { lock.unlock() }
        return entries.keys.sorted()
    }

    func store(_ value: Value, for key: String, version: Int64) {
        lock.lock()
        defer { lock.unlock() }
        clock += 1
        if entries[key] == nil, entries.count >= capacity {
            entries = entries.filter { $0.value.version == version }
            if entries.count >= capacity, let oldest = entries.min(by: { $0.value.used < $1.value.used })?.key {
                entries[oldest] = nil
            }
        }
        entries[key] = Entry(version: version, value: value, used: clock)
    }
}
