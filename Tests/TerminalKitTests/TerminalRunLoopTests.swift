import Testing
@testable import TerminalKit

@MainActor
@Suite struct TerminalRunLoopTests {
    struct Counter {
        var list = ListState(count: 100, viewportHeight: 8)
        var messages: [String] = []
        var keys: [String] = []
        var sawHangup = false
    }

    enum Message: Sendable { case loaded(String) }

    func update(_ state: inout Counter, _ event: TerminalRunLoop<Message>.Event, _ terminal: any Terminal) -> TerminalRunLoop<Message>.Flow {
        switch event {
        case .key(.character("q")): return .quit
        case .key(.character("j")): state.list.moveDown()
        case .key(.character("y")): terminal.copyToClipboard("row \(state.list.selection ?? 0)")
        case .key(.character("b")): terminal.bell()
        case .key(.control("z")): return .suspend
        case .key(let key): state.keys.append(key.notation)
        case .message(.loaded(let text)): state.messages.append(text)
        case .resize(let size): state.list.viewportHeight = size.height
        case .tick: break
        case .hangup: state.sawHangup = true
        case .paste(let text): state.keys.append("paste:" + text)
        case .terminationRequested: state.keys.append("terminate")
        }
        return .continue
    }

    func render(_ state: Counter, _ buffer: inout CellBuffer) {
        ListView.render(state.list, in: buffer.area, buffer: &buffer) { "row \($0)" }
    }

    @Test func keysAreDeliveredInOrderUntilQuit() async {
        let terminal = MemoryTerminal(width: 20, height: 8)
        terminal.script(keys: "jj<Up>yb<C-z>qj")
        let loop = TerminalRunLoop<Message>(terminal: terminal)
        var firstFrames = 0
        let final = await loop.run(initial: Counter(), onFirstFrame: { firstFrames += 1 }, update: update, render: render)
        #expect(final.list.selection == 2)
        #expect(final.keys == ["<Up>"])
        #expect(terminal.clipboard == ["row 2"])
        #expect(terminal.bellCount == 1)
        #expect(terminal.suspendCount == 1)
        #expect(!final.sawHangup)
        #expect(firstFrames == 1)
        #expect(terminal.screen.lines[2].hasPrefix("row 2"))
    }

    @Test func theFirstFramePaintsEverythingAndLaterFramesOnlyWhatChanged() async {
        let terminal = MemoryTerminal(width: 20, height: 8)
        terminal.script(keys: "j")
        let loop = TerminalRunLoop<Message>(terminal: terminal)
        _ = await loop.run(initial: Counter(), update: update, render: render)
        #expect(terminal.changeCounts.first == 20 * 8)
        // Moving the selection repaints the two rows whose highlight changed, at most.
        #expect(terminal.changeCounts.dropFirst().allSatisfy { $0 <= 40 })
        #expect(terminal.changeCounts.dropFirst().contains { $0 > 0 })
        #expect(terminal.screen == terminal.lastFrame)
    }

    @Test func aHangupEndsTheLoopAfterDeliveringIt() async {
        let terminal = MemoryTerminal(width: 20, height: 8)
        let loop = TerminalRunLoop<Message>(terminal: terminal)
        let final = await loop.run(initial: Counter(), update: update, render: render)
        #expect(final.sawHangup)
    }

    @Test func aResizeRendersTheNextFrameAtTheNewSize() async {
        let terminal = MemoryTerminal(width: 20, height: 8)
        terminal.scriptResize(width: 30, height: 4)
        terminal.script(keys: "q")
        let loop = TerminalRunLoop<Message>(terminal: terminal)
        let final = await loop.run(initial: Counter(), update: update, render: render)
        #expect(final.list.viewportHeight == 4)
        #expect(terminal.lastFrame?.width == 30)
        #expect(terminal.lastFrame?.height == 4)
        #expect(terminal.changeCounts.last == 30 * 4)
    }

    @Test func messagesFromAsyncWorkArriveAsEvents() async {
        let terminal = MemoryTerminal(width: 20, height: 8, hangsUpAfterScript: false)
        let loop = TerminalRunLoop<Message>(terminal: terminal)
        loop.post(.loaded("first"))
        loop.send(.loaded("second"))
        let final = await loop.run(initial: Counter(), update: { state, event, terminal in
            let flow = update(&state, event, terminal)
            return state.messages.count == 2 ? .quit : flow
        }, render: render)
        #expect(final.messages == ["first", "second"])
    }

    @Test func aPasteArrivesAsOneEvent() async {
        let terminal = MemoryTerminal(width: 20, height: 8)
        terminal.script([.paste("two\nlines"), .key(.character("q"))])
        let loop = TerminalRunLoop<Message>(terminal: terminal)
        let final = await loop.run(initial: Counter(), update: update, render: render)
        #expect(final.keys == ["paste:two\nlines"])
    }

    @Test func aTerminationRequestLetsTheAppFinishItsWorkBeforeQuitting() async {
        let terminal = MemoryTerminal(width: 20, height: 8, hangsUpAfterScript: false)
        terminal.script([.terminationRequested(signal: 15)])
        let loop = TerminalRunLoop<Message>(terminal: terminal)
        // The app's shutdown work reports back as a message; only then does it quit.
        let final = await loop.run(initial: Counter(), update: { state, event, terminal in
            switch event {
            case .terminationRequested:
                loop.send(.loaded("pending work done"))
                return .continue
            case .message(.loaded(let text)):
                state.messages.append(text)
                return .quit
            default:
                return update(&state, event, terminal)
            }
        }, render: render)
        #expect(final.messages == ["pending work done"])
    }

    @Test func anAppThatNeverQuitsAfterATerminationRequestIsStoppedAfterTheGracePeriod() async {
        let terminal = MemoryTerminal(width: 20, height: 8, hangsUpAfterScript: false)
        terminal.script([.terminationRequested(signal: 1)])
        let loop = TerminalRunLoop<Message>(terminal: terminal)
        loop.terminationGrace = .milliseconds(50)
        let final = await loop.run(initial: Counter(), update: update, render: render)
        #expect(final.keys == ["terminate"])
    }
}
