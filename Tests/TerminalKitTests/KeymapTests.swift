import Testing
@testable import TerminalKit

/// Keymap text in → exact diagnostics out.
@Suite struct KeymapTests {
    static let contexts = ["global", "list", "detail", "form", "picker", "confirm", "help"]
    static let actions = [
        ActionSpec(name: "quit", context: "global", defaultKeys: ["Q", "<C-c>"], help: "Quit", group: "General"),
        ActionSpec(name: "showHelp", context: "global", defaultKeys: ["?", "<F1>"], help: "Show help", group: "General"),
        ActionSpec(name: "moveDown", context: "list", defaultKeys: ["j", "<Down>"], help: "Move down", group: "Navigation"),
        ActionSpec(name: "moveUp", context: "list", defaultKeys: ["k", "<Up>"], help: "Move up", group: "Navigation"),
        ActionSpec(name: "moveTop", context: "list", defaultKeys: ["gg"], help: "Go to the first row", group: "Navigation"),
        ActionSpec(name: "deleteCall", context: "list", defaultKeys: ["d"], help: "Delete the call", group: "Editing", dangerous: true),
        ActionSpec(name: "save", context: "form", defaultKeys: ["<C-s>"], help: "Save", group: "Editing"),
    ]

    func load(_ text: String) -> (keymap: Keymap, messages: [String]) {
        let result = Keymap.load(text, file: "keymap.conf", actions: Self.actions, contexts: Self.contexts, aliases: ["delete": "deleteCall"])
        return (result.keymap, result.diagnostics.map(\.description))
    }

    func sequence(_ notation: String) -> KeySequence { KeySequence(notation: notation)! }

    // MARK: - Names

    @Test(arguments: [
        ("moveDown", "move-down"), ("copyID", "copy-id"), ("openURLInBrowser", "open-url-in-browser"),
        ("quit", "quit"), ("move-page-down", "move-page-down"), ("move_page_down", "move-page-down"), ("f1Help", "f1-help"),
    ])
    func configNamesAreDerivedFromLowerCamelCase(name: String, configName: String) {
        #expect(ActionName.configName(name) == configName)
    }

    @Test func actionNamesMatchCaseInsensitivelyWithDashesAndUnderscoresAlike() {
        let (keymap, messages) = load("bind list x MOVE_DOWN\nbind list y Move-Up\n")
        #expect(messages.isEmpty)
        #expect(keymap.action(for: sequence("x"), in: "list") == "moveDown")
        #expect(keymap.action(for: sequence("y"), in: "list") == "moveUp")
    }

    // MARK: - Statements

    @Test func bindCommentsAndBlankLinesAreAccepted() {
        let text = """
            # a comment

              bind list j move-down   # trailing comment
            bind global Q quit
            bind list gg move-top
            """
        let (keymap, messages) = load(text)
        #expect(messages.isEmpty)
        #expect(keymap.action(for: sequence("j"), in: "list") == "moveDown")
        #expect(keymap.action(for: sequence("gg"), in: "list") == "moveTop")
    }

    @Test func lookupTriesTheContextThenGlobal() {
        let (keymap, _) = load("bind global q quit\nbind list q move-up\n")
        #expect(keymap.action(for: sequence("q"), in: "list") == "moveUp")
        #expect(keymap.action(for: sequence("q"), in: "detail") == "quit")
        #expect(keymap.action(for: sequence("z"), in: "detail") == nil)
    }

    @Test func unbindAndBindingToNoneRemoveABinding() {
        var keymap = Keymap(actions: Self.actions, contexts: Self.contexts)
        #expect(keymap.loadDefaults().isEmpty)
        let messages = keymap.load("unbind list j\nbind global Q none\n", file: "user.conf")
        #expect(messages.isEmpty)
        #expect(keymap.action(for: sequence("j"), in: "list") == nil)
        #expect(keymap.action(for: sequence("Q"), in: "list") == nil)
        #expect(keymap.action(for: sequence("<Down>"), in: "list") == "moveDown")
    }

    @Test func aUserFileOverridesDefaultsWithoutAConflict() {
        var keymap = Keymap(actions: Self.actions, contexts: Self.contexts)
        keymap.loadDefaults()
        let messages = keymap.load("bind list j move-up\n", file: "user.conf")
        #expect(messages.isEmpty)
        #expect(keymap.action(for: sequence("j"), in: "list") == "moveUp")
    }

    // MARK: - Diagnostics, one per kind

    @Test func malformedLinesAreReportedAndSkipped() {
        let (keymap, messages) = load("bind list j\nbindd list j move-down\nunbind list j extra\nbind list k move-up\n")
        #expect(messages == [
            "keymap.conf:1: wrong number of arguments to 'bind': expected 'bind <context> <keys> <action>' or 'unbind <context> <keys>'",
            "keymap.conf:2: unknown command 'bindd': expected 'bind <context> <keys> <action>' or 'unbind <context> <keys>'",
            "keymap.conf:3: wrong number of arguments to 'unbind': expected 'bind <context> <keys> <action>' or 'unbind <context> <keys>'",
        ])
        #expect(keymap.action(for: sequence("k"), in: "list") == "moveUp")
    }

    @Test func anUnknownContextIsReported() {
        #expect(load("bind lsit j move-down").messages == [
            "keymap.conf:1: unknown context 'lsit' (known: global, list, detail, form, picker, confirm, help)",
        ])
    }

    @Test func anUnknownActionIsReported() {
        let (keymap, messages) = load("\nbind list j mvoe-down\n")
        #expect(messages == ["keymap.conf:2: unknown action 'mvoe-down'"])
        #expect(keymap.action(for: sequence("j"), in: "list") == nil)
    }

    @Test func anActionOfAnotherContextIsReported() {
        #expect(load("bind detail j move-down").messages == [
            "keymap.conf:1: action 'move-down' belongs to context 'list', not 'detail'",
        ])
    }

    @Test func badKeyNotationIsReported() {
        #expect(load("bind list <Foo> move-down\nbind list <C-s move-down").messages == [
            "keymap.conf:1: bad key notation '<Foo>'",
            "keymap.conf:2: bad key notation '<C-s'",
        ])
    }

    @Test func bindingTheSameKeysTwiceInOneFileIsAConflictAndTheLaterLineWins() {
        let (keymap, messages) = load("bind list j move-down\nbind list j move-up\n")
        #expect(messages == ["keymap.conf:2: 'j' in context 'list' is already bound to 'move-down' at line 1"])
        #expect(keymap.action(for: sequence("j"), in: "list") == "moveUp")
    }

    @Test func aPrefixOfASequenceBoundOnItsOwnIsReported() {
        #expect(load("bind list gg move-top\nbind list g move-down\n").messages == [
            "keymap.conf:2: 'g' is a prefix of 'gg' ('move-top' in context 'list'); 'g' only fires after a timeout",
        ])
        #expect(load("bind global g quit\nbind list gg move-top\n").messages == [
            "keymap.conf:2: 'g' is a prefix of 'gg' ('quit' in context 'global'); 'g' only fires after a timeout",
        ])
    }

    @Test func aRenamedActionStillBindsWithAWarning() {
        let (keymap, messages) = load("bind list D delete")
        #expect(messages == ["keymap.conf:1: action 'delete' was renamed to 'delete-call'"])
        #expect(keymap.action(for: sequence("D"), in: "list") == "deleteCall")
    }

    @Test func diagnosticsCarryTheirKind() {
        let text = """
            nonsense
            bind nowhere j quit
            bind list j nothing
            bind detail j move-down
            bind list <Bad> move-down
            bind list x move-down
            bind list x move-up
            bind list gg move-top
            bind list g move-down
            bind list D delete
            """
        let result = Keymap.load(text, actions: Self.actions, contexts: Self.contexts, aliases: ["delete": "deleteCall"])
        #expect(result.diagnostics.map(\.kind) == [
            .malformedLine, .unknownContext, .unknownAction, .actionNotInContext, .badKeyNotation, .conflict,
            .prefixConflict, .renamedAction,
        ])
        #expect(result.diagnostics.map(\.line) == [1, 2, 3, 4, 5, 7, 9, 10])
    }

    @Test func badDefaultsAreReportedAgainstTheActionTable() {
        let actions = [
            ActionSpec(name: "a", context: "list", defaultKeys: ["<Nope>"], help: "", group: ""),
            ActionSpec(name: "b", context: "elsewhere", defaultKeys: ["b"], help: "", group: ""),
        ]
        var keymap = Keymap(actions: actions, contexts: Self.contexts)
        #expect(keymap.loadDefaults().map(\.description) == [
            "defaults:1: bad key notation '<Nope>' for action 'a'",
            "defaults:2: unknown context 'elsewhere' for action 'b'",
        ])
    }

    // MARK: - Help

    @Test func helpListsEffectiveKeysPerActionGroupedInTableOrder() {
        var keymap = Keymap(actions: Self.actions, contexts: Self.contexts)
        keymap.loadDefaults()
        keymap.load("unbind list <Down>\nbind list J move-down\n", file: "user.conf")
        let sections = keymap.helpSections()
        #expect(sections.map(\.group) == ["General", "Navigation", "Editing"])
        let lines = sections.flatMap { section in
            section.entries.map { "\($0.configName): \($0.keys.joined(separator: " "))\($0.dangerous ? " !" : "")" }
        }
        #expect(lines == [
            "quit: Q <C-c>", "show-help: ? <F1>", "move-down: J j", "move-up: k <Up>", "move-top: gg",
            "delete-call: d !", "save: <C-s>",
        ])
        #expect(keymap.helpSections(contexts: ["form"]).map(\.group) == ["Editing"])
        #expect(keymap.hint(for: "save", in: "form") == "<C-s>")
        #expect(keymap.hint(for: "save", in: "list") == nil)
    }
}
