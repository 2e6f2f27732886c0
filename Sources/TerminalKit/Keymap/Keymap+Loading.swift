// MARK: - Loading keymap.conf

extension Keymap {
    /// Parses `keymap.conf` text on top of the current bindings and returns what was wrong
    /// with it. A bad line is skipped; loading never stops.
    ///
    /// Format, one statement per line (tig-style):
    ///
    /// ```
    /// # comment
    /// bind <context> <keys> <action>   # trailing comments are allowed
    /// bind <context> <keys> none       # same as unbind
    /// unbind <context> <keys>
    /// ```
    ///
    /// Action names are ``ActionSpec/configName``s, compared case-insensitively with `-` and
    /// `_` alike. A user file overrides earlier bindings silently; binding the same keys
    /// twice *within one file* is reported as a ``KeymapDiagnostic/Kind/conflict``.
    @discardableResult
    public mutating func load(_ text: String, file: String) -> [KeymapDiagnostic] {
        var loader = Loader(file: file)
        var lineNumber = 0
        // A file saved on Windows (or through git's autocrlf) ends lines with `\r\n`, which
        // Swift reads as ONE Character, not a "\n": splitting on "\n" made the whole file one
        // line. A leading byte-order mark would glue itself to the first command.
        let body = text.hasPrefix("\u{FEFF}") ? text.dropFirst() : Substring(text)
        for rawLine in body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            loader.line = lineNumber
            apply(line: rawLine, loader: &loader)
        }
        return loader.diagnostics
    }

    /// Binds every action's ``ActionSpec/defaultKeys`` in its own context. Diagnostics name
    /// the file `defaults` and the action's position in the table as the line.
    @discardableResult
    public mutating func loadDefaults() -> [KeymapDiagnostic] {
        var loader = Loader(file: "defaults")
        for (index, action) in actions.enumerated() {
            loader.line = index + 1
            guard contexts.contains(action.context) else {
                loader.report(.unknownContext, "unknown context '\(action.context)' for action '\(action.configName)'")
                continue
            }
            for notation in action.defaultKeys {
                guard let sequence = KeySequence(notation: notation) else {
                    loader.report(.badKeyNotation, "bad key notation '\(notation)' for action '\(action.configName)'")
                    continue
                }
                bind(sequence, notation: notation, to: action, in: action.context, loader: &loader)
            }
        }
        return loader.diagnostics
    }

    /// A keymap built from `keymap.conf` text alone (no built-in defaults), with its
    /// diagnostics. This is how an app loads its shipped defaults file, and the helper
    /// tests use to check a keymap text against an action table.
    public static func load(
        _ text: String, file: String = "keymap.conf", actions: [ActionSpec], contexts: [String],
        aliases: [String: String] = [:]
    ) -> (keymap: Keymap, diagnostics: [KeymapDiagnostic]) {
        var keymap = Keymap(actions: actions, contexts: contexts, aliases: aliases)
        let diagnostics = keymap.load(text, file: file)
        return (keymap, diagnostics)
    }

    // MARK: - Private

    /// Per-load state: where we are and what this source bound so far.
    private struct Loader {
        let file: String
        var line = 0
        var diagnostics: [KeymapDiagnostic] = []
        /// context → sequence → line that bound it, in this source only.
        var boundHere: [String: [KeySequence: Int]] = [:]

        init(file: String) {
            self.file = file
        }

        mutating func report(_ kind: KeymapDiagnostic.Kind, _ message: String) {
            diagnostics.append(KeymapDiagnostic(file: file, line: line, kind: kind, message: message))
        }
    }

    private mutating func apply(line rawLine: Substring, loader: inout Loader) {
        let tokens = rawLine.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
        guard let command = tokens.first, !command.hasPrefix("#") else { return }
        let usage = "expected 'bind <context> <keys> <action>' or 'unbind <context> <keys>'"
        let arity: Int
        switch command {
        case "bind": arity = 4
        case "unbind": arity = 3
        default:
            loader.report(.malformedLine, "unknown command '\(command)': \(usage)")
            return
        }
        guard tokens.count >= arity, tokens.count == arity || tokens[arity].hasPrefix("#") else {
            loader.report(.malformedLine, "wrong number of arguments to '\(command)': \(usage)")
            return
        }
        let context = tokens[1]
        guard contexts.contains(context) else {
            loader.report(.unknownContext, "unknown context '\(context)' (known: \(contexts.joined(separator: ", ")))")
            return
        }
        let notation = tokens[2]
        guard let sequence = KeySequence(notation: notation) else {
            loader.report(.badKeyNotation, "bad key notation '\(notation)'")
            return
        }
        if command == "unbind" || tokens[3].lowercased() == "none" {
            unbind(sequence, in: context)
            loader.boundHere[context]?[sequence] = nil
            return
        }
        let requested = tokens[3]
        var action = actionsByConfigName[ActionName.normalized(requested)]
        if action == nil, let renamed = aliases[ActionName.normalized(requested)], let target = spec(named: renamed) {
            loader.report(.renamedAction, "action '\(requested)' was renamed to '\(target.configName)'")
            action = target
        }
        guard let action else {
            loader.report(.unknownAction, "unknown action '\(requested)'")
            return
        }
        guard action.context == Keymap.globalContext || action.context == context else {
            loader.report(.actionNotInContext, "action '\(action.configName)' belongs to context '\(action.context)', not '\(context)'")
            return
        }
        bind(sequence, notation: notation, to: action, in: context, loader: &loader)
    }

    /// Binds with conflict and prefix checks.
    private mutating func bind(_ sequence: KeySequence, notation: String, to action: ActionSpec, in context: String, loader: inout Loader) {
        if let earlier = loader.boundHere[context]?[sequence], let previous = table[context]?[sequence] {
            let previousName = spec(named: previous)?.configName ?? previous
            loader.report(.conflict, "'\(sequence.notation)' in context '\(context)' is already bound to '\(previousName)' at line \(earlier)")
        } else if let clash = prefixClash(for: sequence, in: context) {
            let clashName = spec(named: clash.action)?.configName ?? clash.action
            let (shorter, longer) = clash.keys.count < sequence.count ? (clash.keys, sequence) : (sequence, clash.keys)
            loader.report(
                .prefixConflict,
                "'\(shorter.notation)' is a prefix of '\(longer.notation)' ('\(clashName)' in context '\(clash.context)'); "
                    + "'\(shorter.notation)' only fires after a timeout"
            )
        }
        bind(sequence, to: action.name, in: context)
        loader.boundHere[context, default: [:]][sequence] = loader.line
    }

    /// A binding that is a proper prefix of `sequence` or has it as one, in the contexts a
    /// lookup in `context` can reach (or, for `global`, in any context).
    private func prefixClash(for sequence: KeySequence, in context: String) -> (keys: KeySequence, action: String, context: String)? {
        let scopes = context == Keymap.globalContext ? contexts : [context, Keymap.globalContext]
        for scope in scopes {
            for (keys, action) in (table[scope] ?? [:]).sorted(by: { $0.key.notation < $1.key.notation })
            where keys.isProperPrefix(of: sequence) || sequence.isProperPrefix(of: keys) {
                return (keys, action, scope)
            }
        }
        return nil
    }
}
