import Foundation
import TerminalKit

/// The browser's keymap: the action table as TerminalKit action specs, the default
/// `keymap.conf` text, and loading defaults plus a user file into ``Bindings``.
public enum BrowserKeymap {
    /// One spec per action. An action offered in several contexts (`move-down` in the list,
    /// the detail, pickers and help) is declared `global`, so it may be bound in any context.
    public static let specs: [ActionSpec] = {
        var specs: [ActionSpec] = []
        for action in Action.allCases {
            let rows = ActionTable.rows.filter { $0.action == action }
            guard let first = rows.first else { continue }
            let contexts = Set(rows.map(\.context))
            specs.append(ActionSpec(
                name: action.rawValue,
                context: contexts.count == 1 ? first.context.rawValue : BrowserContext.global.rawValue,
                defaultKeys: first.defaultKeys,
                help: first.help,
                group: first.group,
                dangerous: rows.contains { $0.dangerous }
            ))
        }
        return specs
    }()

    public static let contexts = BrowserContext.allCases.map(\.rawValue)

    /// Old names still accepted in user files, with a warning.
    public static let aliases: [String: String] = ["copy-call-id": "copyID", "open": "openCall", "delete": "deleteCall"]

    /// The defaults in `keymap.conf` syntax, generated from the action table. The repo's
    /// `keymap.conf` and ``DefaultKeymap/text`` must equal this (tests check both).
    public static func generatedDefaults() -> String {
        var out = """
        # hubcalls key bindings: the defaults compiled into the app.
        #
        # Copy this file to $XDG_CONFIG_HOME/hubcalls/keymap.conf (or pass --keymap PATH) and
        # change what you like; your file is read after these defaults.
        #
        #   bind <context> <keys> <action>     bind keys (e.g. j, G, gg, <C-s>, <Enter>, <F1>)
        #   bind <context> <keys> none         remove a binding
        #   unbind <context> <keys>            the same
        #
        # Contexts: global, list, detail, form, picker, confirm, help. The list and detail
        # panes fall back to global; forms, pickers, dialogs and help do not.
        # `hubcalls keys` prints the effective bindings and any warnings.

        """
        var lastHeading = ""
        for row in ActionTable.rows {
            let heading = "\(row.context.rawValue): \(row.group)"
            if heading != lastHeading {
                out += "\n# \(row.group) (\(row.context.rawValue))\n"
                lastHeading = heading
            }
            for key in row.defaultKeys {
                out += "bind \(row.context.rawValue) \(key) \(ActionTable.configName(of: row.action))\n"
            }
        }
        return out
    }

    /// Parses the defaults and, when given, a user file after them.
    public static func load(userText: String? = nil, userFile: String = "keymap.conf") -> (bindings: Bindings, diagnostics: [KeymapDiagnostic]) {
        var keymap = Keymap(actions: specs, contexts: contexts, aliases: aliases)
        var diagnostics = keymap.load(DefaultKeymap.text, file: "defaults")
        if let userText { diagnostics += keymap.load(userText, file: userFile) }
        return (bindings(from: keymap), diagnostics)
    }

    /// Loads `--keymap PATH`, else `$XDG_CONFIG_HOME/hubcalls/keymap.conf` when it exists.
    public static func loadEffective(path: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> (bindings: Bindings, diagnostics: [KeymapDiagnostic]) {
        let file = path ?? userKeymapPath(environment: environment)
        guard let file, FileManager.default.fileExists(atPath: file) else {
            if let path {
                var result = load()
                result.diagnostics.append(KeymapDiagnostic(file: path, line: 0, kind: .malformedLine, message: "keymap file not found; using the defaults"))
                return result
            }
            return load()
        }
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            var result = load()
            result.diagnostics.append(KeymapDiagnostic(file: file, line: 0, kind: .malformedLine, message: "keymap file is not readable UTF-8 text; using the defaults"))
            return result
        }
        return load(userText: text, userFile: file)
    }

    public static func userKeymapPath(environment: [String: String]) -> String? {
        if let config = environment["XDG_CONFIG_HOME"], !config.isEmpty { return config + "/hubcalls/keymap.conf" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.config/hubcalls/keymap.conf" }
        return nil
    }

    /// The parsed keymap as the reducer's bindings.
    static func bindings(from keymap: Keymap) -> Bindings {
        var table: [BrowserContext: [[String]: Action]] = [:]
        for context in BrowserContext.allCases {
            for binding in keymap.bindings(in: context.rawValue) {
                guard let action = Action(rawValue: binding.action) else { continue }
                table[context, default: [:]][binding.keys.keys.map(\.notation)] = action
            }
        }
        return Bindings(table: table)
    }
}
