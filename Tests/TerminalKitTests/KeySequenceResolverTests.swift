import Testing
@testable import TerminalKit

@Suite struct KeySequenceResolverTests {
    let keymap: Keymap = {
        let actions = [
            ActionSpec(name: "moveTop", context: "list", defaultKeys: ["gg"], help: "", group: ""),
            ActionSpec(name: "goto", context: "list", defaultKeys: ["gd"], help: "", group: ""),
            ActionSpec(name: "moveDown", context: "list", defaultKeys: ["j"], help: "", group: ""),
            ActionSpec(name: "quit", context: "global", defaultKeys: ["q"], help: "", group: ""),
            ActionSpec(name: "zoom", context: "detail", defaultKeys: ["z", "zz"], help: "", group: ""),
        ]
        var keymap = Keymap(actions: actions, contexts: ["global", "list", "detail"])
        keymap.loadDefaults()
        return keymap
    }()
    let start = ContinuousClock.now

    func at(_ milliseconds: Int) -> ContinuousClock.Instant { start + .milliseconds(milliseconds) }

    @Test func aSingleKeyResolvesAtOnceAndFallsBackToGlobal() {
        var resolver = KeySequenceResolver()
        #expect(resolver.handle(.character("j"), now: at(0), context: "list", keymap: keymap) == [.action("moveDown", keys: KeySequence(.character("j")))])
        #expect(resolver.handle(.character("q"), now: at(1), context: "list", keymap: keymap) == [.action("quit", keys: KeySequence(.character("q")))])
    }

    @Test func aMultiKeySequenceWaitsForItsSecondKey() {
        var resolver = KeySequenceResolver()
        #expect(resolver.handle(.character("g"), now: at(0), context: "list", keymap: keymap).isEmpty)
        #expect(resolver.pending == [.character("g")])
        #expect(resolver.deadline == at(1000))
        #expect(resolver.handle(.character("g"), now: at(300), context: "list", keymap: keymap) == [.action("moveTop", keys: KeySequence(notation: "gg")!)])
        #expect(resolver.pending.isEmpty)
    }

    @Test func aDeadEndReleasesThePrefixAndHandlesTheNewKey() {
        var resolver = KeySequenceResolver()
        _ = resolver.handle(.character("g"), now: at(0), context: "list", keymap: keymap)
        #expect(resolver.handle(.character("j"), now: at(10), context: "list", keymap: keymap) == [
            .unbound(KeySequence(.character("g"))), .action("moveDown", keys: KeySequence(.character("j"))),
        ])
    }

    @Test func anExpiredPrefixBoundOnItsOwnFiresOnTimeout() {
        var resolver = KeySequenceResolver(timeout: .milliseconds(500))
        #expect(resolver.handle(.character("z"), now: at(0), context: "detail", keymap: keymap).isEmpty)
        #expect(resolver.expire(now: at(499), context: "detail", keymap: keymap).isEmpty)
        #expect(resolver.expire(now: at(500), context: "detail", keymap: keymap) == [.action("zoom", keys: KeySequence(.character("z")))])
        #expect(resolver.expire(now: at(900), context: "detail", keymap: keymap).isEmpty)
    }

    @Test func aKeyAfterTheTimeoutStartsAfresh() {
        var resolver = KeySequenceResolver(timeout: .milliseconds(500))
        _ = resolver.handle(.character("g"), now: at(0), context: "list", keymap: keymap)
        #expect(resolver.handle(.character("g"), now: at(800), context: "list", keymap: keymap) == [.unbound(KeySequence(.character("g")))])
        #expect(resolver.pending == [.character("g")])
    }

    @Test func anUnboundKeyIsReportedForTextInput() {
        var resolver = KeySequenceResolver()
        #expect(resolver.handle(.character("x"), now: at(0), context: "list", keymap: keymap) == [.unbound(KeySequence(.character("x")))])
    }
}
