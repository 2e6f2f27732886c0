import Foundation
import LocalStore

/// A value behind a lock, for test doubles shared with `@Sendable` closures.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    var value: Value { lock.withLock { stored } }
    func set(_ value: Value) { lock.withLock { stored = value } }
}

enum LocalStoreFactory {
    static func empty() throws -> LocalCRMService { try LocalCRMService.inMemory() }
}
