/// One row of the action table: an action as it is offered in one context.
public struct ActionRow: Sendable, Hashable {
    public var action: Action
    public var context: BrowserContext
    /// Heading the help screen and the README group rows under.
    public var group: String
    /// Default keys, in keymap notation (`j`, `<C-s>`, `gg`).
    public var defaultKeys: [String]
    /// One line for the help screen.
    public var help: String
    /// A word or two for the status-line hints; `nil` keeps the action out of the hints.
    public var hint: String?
    /// Dangerous actions always pass through a confirm dialog and vanish in read-only mode.
    public var dangerous: Bool

    public init(_ action: Action, _ context: BrowserContext, _ group: String, _ keys: [String], _ help: String, hint: String? = nil, dangerous: Bool = false) {
        self.action = action
        self.context = context
        self.group = group
        self.defaultKeys = keys
        self.help = help
        self.hint = hint
        self.dangerous = dangerous
    }
}

/// The single source of every action: help, hints, the README key table and the default
/// `keymap.conf` are all generated from ``rows``.
public enum ActionTable {
    public static let rows: [ActionRow] = [
        // MARK: Global
        ActionRow(.quit, .global, "General", ["Q", "<C-c>"], "Quit (pending deletes are sent first)"),
        ActionRow(.back, .global, "General", ["q"], "Back: close the detail view, or quit from the list", hint: "quit"),
        ActionRow(.showHelp, .global, "General", ["?", "<F1>"], "Show this help", hint: "help"),
        ActionRow(.refresh, .global, "General", ["R"], "Reload calls and account data"),
        ActionRow(.redraw, .global, "General", ["<C-l>"], "Redraw the screen if another program garbled it"),
        ActionRow(.undo, .global, "General", ["u"], "Undo the last change (edit, outcome, associate, pin, delete)", hint: "undo"),
        ActionRow(.copyID, .global, "General", ["y"], "Copy the call id to the clipboard (OSC 52)"),

        ActionRow(.editCall, .global, "Call", ["e"], "Edit the call's properties", hint: "edit"),
        ActionRow(.setOutcome, .global, "Call", ["o"], "Set the outcome (of the marked calls, if any)", hint: "outcome"),
        ActionRow(.quickLog, .global, "Call", ["c"], "Quick-log a new call for the record under the cursor", hint: "log"),
        ActionRow(.pinCall, .global, "Call", ["p"], "Pin or unpin the call on an associated record", hint: "pin"),
        ActionRow(.associateRecord, .global, "Call", ["a"], "Associate the call with a contact, company, deal or ticket", hint: "assoc"),
        ActionRow(.removeAssociation, .global, "Call", ["x"], "Remove one of the call's associations", dangerous: true),
        ActionRow(.deleteCall, .global, "Call", ["d"], "Delete the call (or the marked calls); u undoes for a few seconds", hint: "delete", dangerous: true),

        // MARK: List
        ActionRow(.moveDown, .list, "List", ["j", "<Down>"], "Next call"),
        ActionRow(.moveUp, .list, "List", ["k", "<Up>"], "Previous call"),
        ActionRow(.moveTop, .list, "List", ["gg", "<Home>"], "First call"),
        ActionRow(.moveBottom, .list, "List", ["G", "<End>"], "Last call (loads only the pages at the end)"),
        ActionRow(.pageDown, .list, "List", ["<PgDn>", "<C-f>"], "Page down"),
        ActionRow(.pageUp, .list, "List", ["<PgUp>", "<C-b>"], "Page up"),
        ActionRow(.halfPageDown, .list, "List", ["<C-d>"], "Half a page down (the view scrolls with the cursor)"),
        ActionRow(.halfPageUp, .list, "List", ["<C-u>"], "Half a page up"),
        ActionRow(.openCall, .list, "List", ["<Enter>", "l"], "Open the call's details", hint: "open"),
        ActionRow(.filter, .list, "List", ["/"], "Filter: text and terms like status:missed outcome:\"No answer\" has:voicemail", hint: "filter"),
        ActionRow(.toggleSortTime, .list, "List", ["s"], "Sort by time: newest first / oldest first", hint: "sort"),
        ActionRow(.toggleSortDuration, .list, "List", ["S"], "Sort by duration: longest first / shortest first"),
        ActionRow(.toggleMark, .list, "List", ["<Space>"], "Mark or unmark the call for a batch delete or outcome", hint: "mark"),
        ActionRow(.clearMarks, .list, "List", ["<Esc>"], "Clear the marks and the filter"),

        // MARK: Detail
        ActionRow(.moveDown, .detail, "Detail", ["j", "<Down>"], "Scroll down"),
        ActionRow(.moveUp, .detail, "Detail", ["k", "<Up>"], "Scroll up"),
        ActionRow(.moveTop, .detail, "Detail", ["gg", "<Home>"], "Scroll to the top"),
        ActionRow(.moveBottom, .detail, "Detail", ["G", "<End>"], "Scroll to the end"),
        ActionRow(.pageDown, .detail, "Detail", ["<PgDn>", "<Space>"], "Page down"),
        ActionRow(.pageUp, .detail, "Detail", ["<PgUp>"], "Page up"),
        ActionRow(.halfPageDown, .detail, "Detail", ["<C-d>"], "Half a page down"),
        ActionRow(.halfPageUp, .detail, "Detail", ["<C-u>"], "Half a page up"),
        ActionRow(.back, .detail, "Detail", ["<Esc>", "h"], "Back to the list", hint: "back"),

        // MARK: Form
        ActionRow(.nextField, .form, "Form", ["<Tab>", "<Down>"], "Next field", hint: "next"),
        ActionRow(.previousField, .form, "Form", ["<S-Tab>", "<Up>"], "Previous field"),
        ActionRow(.save, .form, "Form", ["<C-s>"], "Save (only the changed properties)", hint: "save"),
        ActionRow(.cancel, .form, "Form", ["<Esc>"], "Cancel (asks when there are unsaved changes)", hint: "cancel"),
        ActionRow(.choose, .form, "Form", ["<Enter>"], "Open the choices of a field; on the last field, save", hint: "choose"),
        ActionRow(.toggleTimer, .form, "Form", ["<C-t>"], "Quick-log: start or stop the call timer (fills the duration)", hint: "timer"),
        // Not `?`: in a form that is text.
        ActionRow(.showHelp, .form, "Form", ["<F1>"], "Show this help over the form (and the last message whole)"),
        ActionRow(.redraw, .form, "Form", ["<C-l>"], "Redraw the screen"),

        // MARK: Picker
        ActionRow(.moveDown, .picker, "Picker", ["<Down>", "<C-n>"], "Next choice"),
        ActionRow(.moveUp, .picker, "Picker", ["<Up>", "<C-p>"], "Previous choice"),
        ActionRow(.pageDown, .picker, "Picker", ["<PgDn>"], "Page down"),
        ActionRow(.pageUp, .picker, "Picker", ["<PgUp>"], "Page up"),
        ActionRow(.choose, .picker, "Picker", ["<Enter>"], "Choose (type to filter)", hint: "choose"),
        ActionRow(.cancel, .picker, "Picker", ["<Esc>"], "Close without choosing", hint: "cancel"),

        // MARK: Confirm
        ActionRow(.confirmYes, .confirm, "Confirm", ["y"], "Yes", hint: "yes"),
        ActionRow(.confirmNo, .confirm, "Confirm", ["n", "<Esc>"], "No", hint: "no"),
        ActionRow(.toggleChoice, .confirm, "Confirm", ["<Tab>", "<Left>", "<Right>"], "Switch between Yes and No"),
        ActionRow(.choose, .confirm, "Confirm", ["<Enter>"], "Answer with the highlighted button (No by default)"),

        // MARK: Help
        ActionRow(.moveDown, .help, "Help", ["j", "<Down>"], "Scroll down"),
        ActionRow(.moveUp, .help, "Help", ["k", "<Up>"], "Scroll up"),
        ActionRow(.pageDown, .help, "Help", ["<PgDn>", "<Space>"], "Page down"),
        ActionRow(.pageUp, .help, "Help", ["<PgUp>"], "Page up"),
        ActionRow(.halfPageDown, .help, "Help", ["<C-d>"], "Half a page down"),
        ActionRow(.halfPageUp, .help, "Help", ["<C-u>"], "Half a page up"),
        ActionRow(.moveTop, .help, "Help", ["gg", "<Home>"], "Scroll to the top"),
        ActionRow(.moveBottom, .help, "Help", ["G", "<End>"], "Scroll to the end"),
        ActionRow(.cancel, .help, "Help", ["q", "<Esc>", "?", "<F1>"], "Close help", hint: "close"),
    ]

    /// The kebab-case name of an action in `keymap.conf` (`toggleSortTime` → `toggle-sort-time`).
    public static func configName(of action: Action) -> String {
        configName(camel: action.rawValue)
    }

    /// `copyID` → `copy-id`; runs of capitals stay one word.
    public static func configName(camel: String) -> String {
        var out = ""
        let chars = Array(camel)
        for (i, c) in chars.enumerated() {
            if c.isUppercase {
                let previousLower = i > 0 && !chars[i - 1].isUppercase
                let nextLower = i + 1 < chars.count && chars[i + 1].isLowercase && i > 0 && chars[i - 1].isUppercase
                if i > 0 && (previousLower || nextLower) { out.append("-") }
                out.append(Character(c.lowercased()))
            } else {
                out.append(c)
            }
        }
        return out
    }

    /// The action with a config name, ignoring case and treating `-` and `_` alike.
    public static func action(named name: String) -> Action? {
        let key = name.lowercased().replacingOccurrences(of: "_", with: "-")
        return Action.allCases.first { configName(of: $0) == key }
    }

    /// The rows of one context, in table order.
    public static func rows(in context: BrowserContext) -> [ActionRow] {
        rows.filter { $0.context == context }
    }

    /// The row for an action in a context.
    public static func row(_ action: Action, in context: BrowserContext) -> ActionRow? {
        rows.first { $0.action == action && $0.context == context }
    }
}
