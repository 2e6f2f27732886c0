// MARK: - KeySequenceResolver

/// Turns key presses into actions, waiting for the rest of a multi-key sequence (`gg`).
///
/// It is a pure value: the caller passes the time of every event, and calls
/// ``expire(now:context:keymap:)`` when no key arrived (e.g. on each idle poll) so a
/// pending prefix that is also bound on its own (`g` with `gg` bound) fires after
/// ``timeout``.
///
/// ```swift
/// var resolver = KeySequenceResolver(timeout: .seconds(1))
/// resolver.handle(.character("g"), now: t0, context: "list", keymap: keymap)          // []  (pending)
/// resolver.handle(.character("g"), now: t0 + .milliseconds(200), context: "list", keymap: keymap)
/// // [.action("moveTop", keys: gg)]
/// ```
public struct KeySequenceResolver: Hashable, Sendable {
    /// What a key press resolved to.
    public enum Outcome: Hashable, Sendable {
        /// The keys are bound to this action (``ActionSpec/name``).
        case action(String, keys: KeySequence)
        /// The keys are bound to nothing: a text field may take a lone printable key.
        case unbound(KeySequence)
    }

    /// How long a prefix waits for the next key.
    public var timeout: Duration
    /// Keys typed so far of an unfinished sequence.
    public private(set) var pending: [Key] = []
    private var pendingSince: ContinuousClock.Instant?

    public init(timeout: Duration = .seconds(1)) {
        self.timeout = timeout
    }

    /// When the pending prefix expires, if there is one.
    public var deadline: ContinuousClock.Instant? {
        pendingSince.map { $0 + timeout }
    }

    /// Feeds one key; returns zero or more outcomes (zero while a sequence is pending; two
    /// when an expired or dead-end prefix resolves before the new key).
    public mutating func handle(_ key: Key, now: ContinuousClock.Instant, context: String, keymap: Keymap) -> [Outcome] {
        var outcomes = expire(now: now, context: context, keymap: keymap)
        let sequence = KeySequence(pending + [key])
        if keymap.hasLongerBinding(startingWith: sequence, in: context) {
            pending = sequence.keys
            pendingSince = now
            return outcomes
        }
        if let action = keymap.action(for: sequence, in: context) {
            clear()
            outcomes.append(.action(action, keys: sequence))
            return outcomes
        }
        if pending.isEmpty {
            outcomes.append(.unbound(sequence))
            return outcomes
        }
        // Dead end: resolve the prefix on its own, then treat the new key afresh.
        outcomes += flush(context: context, keymap: keymap)
        outcomes += handle(key, now: now, context: context, keymap: keymap)
        return outcomes
    }

    /// Resolves a pending prefix whose timeout has passed.
    public mutating func expire(now: ContinuousClock.Instant, context: String, keymap: Keymap) -> [Outcome] {
        guard let deadline, now >= deadline else { return [] }
        return flush(context: context, keymap: keymap)
    }

    /// Forgets a pending prefix (e.g. when the context changes).
    public mutating func clear() {
        pending = []
        pendingSince = nil
    }

    private mutating func flush(context: String, keymap: Keymap) -> [Outcome] {
        guard !pending.isEmpty else { return [] }
        let sequence = KeySequence(pending)
        clear()
        if let action = keymap.action(for: sequence, in: context) {
            return [.action(action, keys: sequence)]
        }
        return [.unbound(sequence)]
    }
}
