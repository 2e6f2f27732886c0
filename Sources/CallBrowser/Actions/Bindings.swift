import TerminalKit

/// Effective key bindings: per context, key sequences (in notation, one entry per key) to
/// actions. Built from the parsed keymap at start; the defaults come from the action table.
public struct Bindings: Sendable, Equatable {
    public var table: [BrowserContext: [[String]: Action]]

    public init(table: [BrowserContext: [[String]: Action]]) {
        self.table = table
    }

    /// What a key sequence means in a context chain.
    public enum Match: Sendable, Equatable {
        case action(Action, BrowserContext)
        /// The keys start a longer sequence: wait for the next key.
        case prefix
        case none
    }

    /// Looks `keys` up in `context`'s chain, most specific context first.
    public func match(_ keys: [String], in context: BrowserContext) -> Match {
        for ctx in context.lookupChain {
            guard let map = table[ctx] else { continue }
            if let action = map[keys] { return .action(action, ctx) }
        }
        for ctx in context.lookupChain {
            guard let map = table[ctx] else { continue }
            if map.keys.contains(where: { $0.count > keys.count && Array($0.prefix(keys.count)) == keys }) { return .prefix }
        }
        return .none
    }

    /// The keys bound to an action in a context, in notation (`gg`, `<C-s>`), sorted so
    /// single letters come first.
    public func keys(for action: Action, in context: BrowserContext) -> [String] {
        (table[context] ?? [:]).filter { $0.value == action }.map { $0.key.joined() }.sorted { lhs, rhs in
            lhs.hasPrefix("<") == rhs.hasPrefix("<") ? (lhs.count, lhs) < (rhs.count, rhs) : !lhs.hasPrefix("<")
        }
    }

    /// The keys for an action of `context` (a row of the action table) as references list
    /// them: its own keys, then keys a keymap bound to it in a context that inherits from
    /// `context` (`bind list X delete-call` makes `X` delete in the list), marked with that
    /// context (`X (list)`), so no working key is left out of `?` and `hubcalls keys`;
    /// unless the action has a row of its own in that context (`back` in the detail).
    public func referenceKeys(for action: Action, in context: BrowserContext, code: (String) -> String = { $0 }) -> [String] {
        var keys = self.keys(for: action, in: context).map(code)
        // A context where the action has a row of its own lists its keys there.
        let ownRows = Set(ActionTable.rows.filter { $0.action == action }.map(\.context))
        for other in BrowserContext.allCases where !ownRows.contains(other) && other.lookupChain.contains(context) {
            keys += self.keys(for: action, in: other).map { "\(code($0)) (\(other.rawValue))" }
        }
        return keys
    }

    /// The first key for an action reachable from a context (for hints such as "u to undo").
    public func firstKey(for action: Action, from context: BrowserContext) -> String? {
        for ctx in context.lookupChain {
            if let key = keys(for: action, in: ctx).first { return key }
        }
        return nil
    }

    /// The bindings of the action table's default keys.
    public static let defaults: Bindings = {
        var table: [BrowserContext: [[String]: Action]] = [:]
        for row in ActionTable.rows {
            for key in row.defaultKeys {
                let keys = KeySequence(notation: key)?.keys.map(\.notation) ?? KeyNotation.split(key)
                table[row.context, default: [:]][keys] = row.action
            }
        }
        return Bindings(table: table)
    }()
}

/// The text a key types, if it types any: `a` → "a", `<Space>` → " ", `<lt>` → "<".
func typedText(_ notation: String) -> String? {
    switch notation {
    case "<Space>": return " "
    case "<lt>": return "<"
    default: return notation.count == 1 ? notation : nil
    }
}

/// Splits key notation into keys: `gg` → `g`, `g`; `<C-x>d` → `<C-x>`, `d`.
public enum KeyNotation {
    public static func split(_ notation: String) -> [String] {
        var keys: [String] = []
        var current = ""
        var inAngle = false
        for c in notation {
            if inAngle {
                current.append(c)
                if c == ">" { keys.append(current); current = ""; inAngle = false }
            } else if c == "<" && notation.count > 1 {
                inAngle = true
                current = "<"
            } else {
                keys.append(String(c))
            }
        }
        if !current.isEmpty { keys.append(contentsOf: current.map(String.init)) }
        return keys
    }
}
