// MARK: - Help

/// One line of generated help: an action, its effective keys and its help text.
public struct HelpEntry: Hashable, Sendable {
    /// The app's action name (``ActionSpec/name``).
    public var action: String
    /// The config name shown to users.
    public var configName: String
    public var context: String
    /// Effective key notations, shortest first; empty when the user unbound every key.
    public var keys: [String]
    public var help: String
    public var dangerous: Bool
}

/// Help entries under one heading (``ActionSpec/group``).
public struct HelpSection: Hashable, Sendable {
    public var group: String
    public var entries: [HelpEntry]
}

extension Keymap {
    /// Help for every action (or only those of the given contexts), grouped by
    /// ``ActionSpec/group`` in table order, each with the keys currently bound to it.
    public func helpSections(contexts wanted: [String]? = nil) -> [HelpSection] {
        var sections: [HelpSection] = []
        for action in actions where wanted.map({ $0.contains(action.context) }) ?? true {
            let entry = HelpEntry(
                action: action.name,
                configName: action.configName,
                context: action.context,
                keys: keys(for: action.name).map(\.notation),
                help: action.help,
                dangerous: action.dangerous
            )
            if let index = sections.firstIndex(where: { $0.group == action.group }) {
                sections[index].entries.append(entry)
            } else {
                sections.append(HelpSection(group: action.group, entries: [entry]))
            }
        }
        return sections
    }

    /// A short hint such as `e edit` for a status line: the first key of the action in the
    /// context, or nil if it has none.
    public func hint(for actionName: String, in context: String) -> String? {
        keys(for: actionName, in: context).first?.notation
    }
}
