import Foundation

/// A value behind a lock, for the few mutable bits `Sendable` types share between threads:
/// caches read by the browser and by tests running in parallel, a server's rate windows and
/// counters, a client's pacing. Never held across an `await`.
///
/// `Synchronization.Mutex` does this in the standard library from macOS 15; the package
/// still builds for macOS 14, so this is the one lock wrapper every module uses.
public final class Locked<Value>: @unchecked Sendable {
    // @unchecked: every access to `value` goes through `lock`.
    private let lock = NSLock()
    private var value: Value

    public init(_ value: Value) { self.value = value }

    public func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }

    /// A copy of the value.
    public var current: Value { withLock { $0 } }
}
