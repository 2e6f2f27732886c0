// MARK: - ActionSpec

/// One action the app offers, declared once: the keymap, the help screen and the status-line
/// hints are all generated from a table of these.
///
/// TerminalKit knows nothing about what an action does; the app maps ``name`` back to its
/// own action type. Names in `keymap.conf` are ``configName``, derived by
/// ``ActionName/configName(_:)`` (`moveDown` → `move-down`).
///
/// ```swift
/// ActionSpec(name: "moveDown", context: "list", defaultKeys: ["j", "<Down>"],
///            help: "Move down", group: "Cursor navigation")
/// ```
public struct ActionSpec: Hashable, Sendable {
    /// The app's name for the action (usually an enum case name in lowerCamel case).
    public var name: String
    /// The context the action belongs to; `global` actions can be bound in every context.
    public var context: String
    /// Default key sequences in key notation (`j`, `gg`, `<C-s>`).
    public var defaultKeys: [String]
    /// One line of help.
    public var help: String
    /// Heading under which help lists the action.
    public var group: String
    /// Whether the action destroys something (the app must confirm it; read-only modes hide it).
    public var dangerous: Bool

    public init(name: String, context: String, defaultKeys: [String], help: String, group: String, dangerous: Bool = false) {
        self.name = name
        self.context = context
        self.defaultKeys = defaultKeys
        self.help = help
        self.group = group
        self.dangerous = dangerous
    }

    /// The name used in `keymap.conf`.
    public var configName: String { ActionName.configName(name) }
}
