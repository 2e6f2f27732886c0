// MARK: - Keymap

/// Key bindings per context, built from a table of ``ActionSpec``s and `keymap.conf` text.
///
/// Lookups try the given context first, then `global`. A keymap is a value: build it once at
/// start-up (defaults, then the user's file), keep the diagnostics for `hubcalls keys` and
/// the status line, and hand it to a ``KeySequenceResolver`` for each key press.
///
/// ```swift
/// var keymap = Keymap(actions: table, contexts: ["global", "list", "detail"])
/// var warnings = keymap.loadDefaults()
/// warnings += keymap.load(userText, file: "~/.config/hubcalls/keymap.conf")
/// keymap.action(for: KeySequence(notation: "gg")!, in: "list") // "moveTop"
/// ```
///
/// ## Topics
/// - ``load(_:file:)``
/// - ``loadDefaults()``
/// - ``action(for:in:)``
/// - ``keys(for:in:)``
/// - ``helpSections(contexts:)``
public struct Keymap: Equatable, Sendable {
    /// The fallback context every lookup ends in.
    public static let globalContext = "global"

    /// The action table, in declaration order.
    public let actions: [ActionSpec]
    /// Known contexts (always including `global`).
    public let contexts: [String]
    /// Old config names (normalised) → current action name, for renamed actions.
    public let aliases: [String: String]

    /// context → sequence → action name (``ActionSpec/name``).
    private(set) var table: [String: [KeySequence: String]] = [:]
    let actionsByConfigName: [String: ActionSpec]

    /// An empty keymap (no bindings) for the given actions and contexts.
    public init(actions: [ActionSpec], contexts: [String], aliases: [String: String] = [:]) {
        self.actions = actions
        var contexts = contexts
        if !contexts.contains(Keymap.globalContext) { contexts.insert(Keymap.globalContext, at: 0) }
        self.contexts = contexts
        self.aliases = Dictionary(aliases.map { (ActionName.normalized($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
        var byName: [String: ActionSpec] = [:]
        for action in actions where byName[ActionName.normalized(action.configName)] == nil {
            byName[ActionName.normalized(action.configName)] = action
        }
        self.actionsByConfigName = byName
    }

    // MARK: - Lookup

    /// The action bound to exactly this sequence in `context`, else in `global`.
    public func action(for sequence: KeySequence, in context: String) -> String? {
        table[context]?[sequence] ?? table[Keymap.globalContext]?[sequence]
    }

    /// Whether some longer sequence that starts with `sequence` is bound in `context` or `global`.
    public func hasLongerBinding(startingWith sequence: KeySequence, in context: String) -> Bool {
        let scopes = context == Keymap.globalContext ? [context] : [context, Keymap.globalContext]
        return scopes.contains { scope in
            table[scope]?.keys.contains { sequence.isProperPrefix(of: $0) } ?? false
        }
    }

    /// The sequences bound to an action, in `context` (and `global`) or, when `context` is
    /// nil, anywhere; shortest first, plain characters before named keys (`j` before
    /// `<Down>`), then by notation.
    public func keys(for actionName: String, in context: String? = nil) -> [KeySequence] {
        let scopes: [String]
        if let context {
            scopes = context == Keymap.globalContext ? [context] : [context, Keymap.globalContext]
        } else {
            scopes = contexts
        }
        var result: [KeySequence] = []
        for scope in scopes {
            for (sequence, name) in table[scope] ?? [:] where name == actionName && !result.contains(sequence) {
                // A context binding hides the same keys bound in global.
                if scope == Keymap.globalContext, let context, context != scope, table[context]?[sequence] != nil { continue }
                result.append(sequence)
            }
        }
        return result.sorted { ($0.count, $0.sortsAfterPlainKeys, $0.notation) < ($1.count, $1.sortsAfterPlainKeys, $1.notation) }
    }

    /// All bindings of one context (without `global`), sorted by notation.
    public func bindings(in context: String) -> [(keys: KeySequence, action: String)] {
        (table[context] ?? [:]).map { (keys: $0.key, action: $0.value) }.sorted { $0.keys.notation < $1.keys.notation }
    }

    /// The action with this config or app name (case-insensitive, `-` and `_` alike).
    public func spec(named name: String) -> ActionSpec? {
        actionsByConfigName[ActionName.normalized(ActionName.configName(name))]
            ?? actionsByConfigName[ActionName.normalized(name)]
    }

    // MARK: - Editing

    /// Binds keys to an action, replacing what they were bound to in that context.
    public mutating func bind(_ sequence: KeySequence, to actionName: String, in context: String) {
        table[context, default: [:]][sequence] = actionName
    }

    /// Removes a binding from a context.
    public mutating func unbind(_ sequence: KeySequence, in context: String) {
        table[context]?[sequence] = nil
    }
}

extension KeySequence {
    /// 1 when the sequence starts with a named key (`<…>`), so plain keys sort first in help.
    fileprivate var sortsAfterPlainKeys: Int {
        if case .character(let character) = keys.first?.code, keys.first?.modifiers.isEmpty == true, character != " ", character != "<" {
            return 0
        }
        return 1
    }
}
