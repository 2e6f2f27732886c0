import CallsCore
import TerminalKit

/// The key reference generated from the action table and effective bindings: the plain
/// table `hubcalls keys` prints, and the Markdown that is the README's `keys` section.
public enum KeyReference {
    /// One row per action and context: context, keys, config name, help.
    public static func rows(_ bindings: Bindings) -> [(context: String, keys: String, action: String, help: String)] {
        ActionTable.rows.map { row in
            let keys = bindings.referenceKeys(for: row.action, in: row.context)
            return (row.context.rawValue, keys.isEmpty ? "(unbound)" : keys.joined(separator: " "), ActionTable.configName(of: row.action), row.help + (row.dangerous ? " (asks first)" : ""))
        }
    }

    /// An aligned plain-text table.
    public static func table(_ bindings: Bindings) -> String {
        let all = rows(bindings)
        let header = (context: "CONTEXT", keys: "KEYS", action: "ACTION", help: "WHAT IT DOES")
        let w0 = max(header.context.count, all.map(\.context.displayWidth).max() ?? 0)
        let w1 = max(header.keys.count, all.map(\.keys.displayWidth).max() ?? 0)
        let w2 = max(header.action.count, all.map(\.action.displayWidth).max() ?? 0)
        return ([header] + all).map { row in
            row.context.padded(toWidth: w0) + "  " + row.keys.padded(toWidth: w1) + "  " + row.action.padded(toWidth: w2) + "  " + row.help
        }.joined(separator: "\n") + "\n"
    }

    /// The README's `keys` section body: key tables per group, the badge legend, and the
    /// tmux popup binding for quick-log.
    public static func markdown(_ bindings: Bindings) -> String {
        var out = "Generated from the action table (`hubcalls keys --markdown`); change keys in\n"
        out += "`$XDG_CONFIG_HOME/hubcalls/keymap.conf` (see `keymap.conf` for the syntax).\n"
        var groups: [String] = []
        for row in ActionTable.rows where !groups.contains(row.group) { groups.append(row.group) }
        for group in groups {
            out += "\n**\(group)**\n\n| Keys | Action | Context | What it does |\n|---|---|---|---|\n"
            for row in ActionTable.rows where row.group == group {
                let keys = bindings.referenceKeys(for: row.action, in: row.context) { "`\($0.replacingOccurrences(of: "|", with: "\\|"))`" }.joined(separator: " ")
                out += "| \(keys.isEmpty ? "—" : keys) | `\(ActionTable.configName(of: row.action))` | \(row.context.rawValue) | \(row.help.replacingOccurrences(of: "|", with: "\\|"))\(row.dangerous ? " (asks first)" : "") |\n"
            }
        }
        out += "\n**Badges** (distinct glyphs, so they stay apart without colour, e.g. under `NO_COLOR`)\n\n| Badge | Meaning |\n|---|---|\n"
        for badge in VoicemailBadge.allCases {
            out += "| `\(Theme.glyph(badge))` \(Theme.name(badge)) | \(badge.meaning) |\n"
        }
        out += "| `→` / `←` | Outbound / inbound call |\n"
        out += """

        **Quick-log from anywhere in tmux**: add this to `~/.tmux.conf`, then press prefix + `C`
        to log a call in a popup (the form saves with `<C-s>`, or `<Enter>` on its last field):

        ```
        bind-key C display-popup -E -w 80% -h 60% 'hubcalls log --interactive'
        ```

        """
        return out
    }
}
