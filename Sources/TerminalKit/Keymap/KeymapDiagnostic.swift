// MARK: - KeymapDiagnostic

/// A problem found while loading key bindings. Loading never stops on one: the line is
/// skipped (or, for conflicts and renamed actions, applied) and loading goes on.
///
/// Its ``description`` reads `file:line: reason`, e.g.
/// `keymap.conf:7: unknown action 'mvoe-down'`.
public struct KeymapDiagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        /// Not `bind <context> <keys> <action>` or `unbind <context> <keys>`. Skipped.
        case malformedLine
        /// The context is not one the app declared. Skipped.
        case unknownContext
        /// No action has this name. Skipped.
        case unknownAction
        /// The action exists but belongs to another context. Skipped.
        case actionNotInContext
        /// The keys are not valid key notation. Skipped.
        case badKeyNotation
        /// The same keys were bound twice in one context in the same file. The later line wins.
        case conflict
        /// One sequence is a prefix of another (`g` and `gg`) in a context or in a context and
        /// `global`: the shorter one only fires after the sequence timeout. Applied.
        case prefixConflict
        /// The action was renamed; the binding applies to the new name.
        case renamedAction
    }

    public var file: String
    public var line: Int
    public var kind: Kind
    /// Human-readable reason, without the location.
    public var message: String

    public init(file: String, line: Int, kind: Kind, message: String) {
        self.file = file
        self.line = line
        self.kind = kind
        self.message = message
    }

    /// `file:line: reason`, or `file: reason` for the file as a whole (line 0).
    public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
}
