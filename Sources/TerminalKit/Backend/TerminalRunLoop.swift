// MARK: - TerminalRunLoop

/// The event loop of a terminal app, on the main actor: it reads keys, delivers them and the
/// app's own messages to an update function, renders a frame when something happened, and
/// lets async work run between polls.
///
/// The app plugs in a reducer and an effect runner: `update` changes the state for an event
/// and may start async work (a `Task`) that reports back with ``send(_:)`` (from anywhere) or
/// ``post(_:)`` (on the main actor); those messages arrive as ``Event/message(_:)``.
///
/// ```swift
/// let terminal = try NCursesTerminal()
/// defer { terminal.close() }
/// let loop = TerminalRunLoop<AppMessage>(terminal: terminal)
/// let final = await loop.run(initial: state, onFirstFrame: { signalReady() }) { state, event, terminal in
///     switch event {
///     case .key(.character("q")): return .quit
///     case .key(let key): state.list.handle(key)
///     default: break
///     }
///     return .continue
/// } render: { state, buffer in
///     ListView.render(state.list, in: buffer.area, buffer: &buffer) { "row \($0)" }
/// }
/// ```
///
/// Readiness: the `onFirstFrame` callback runs once, right after the first frame was
/// presented. An app can use it to create a file whose path an end-to-end test passed in
/// the environment (hubcalls uses `HUBCALLS_READY_FILE`); tests can also poll the screen.
@MainActor
public final class TerminalRunLoop<Message: Sendable> {
    /// What the update function receives.
    public enum Event: Sendable {
        case key(Key)
        /// The terminal has a new size; the next frame is rendered at it.
        case resize(TerminalSize)
        /// A message sent by the app's async work.
        case message(Message)
        /// Time passes (every ``tickInterval``): expire status messages, key-sequence
        /// timeouts, spinners.
        case tick(ContinuousClock.Instant)
        /// The input ended; the loop stops after delivering this.
        case hangup
        /// Text pasted in one piece (see ``TerminalEvent/paste(_:)``).
        case paste(String)
        /// The process should end (see ``TerminalEvent/terminationRequested(signal:)``): the app
        /// finishes its work and returns ``Flow/quit``; the loop stops by itself after
        /// ``terminationGrace``.
        case terminationRequested(signal: Int32)
    }

    /// What the loop does after an update.
    public enum Flow: Sendable {
        case `continue`
        /// Stop the loop (render no further frame).
        case quit
        /// Hand the terminal to the shell (`<C-z>`), repaint when resumed.
        case suspend
    }

    public let terminal: any Terminal
    /// How long the loop sleeps when there was no input, letting async work run.
    public var pollInterval: Duration
    /// How often ``Event/tick(_:)`` is delivered.
    public var tickInterval: Duration
    /// How long the app may take to quit after ``Event/terminationRequested(signal:)``
    /// before the loop stops anyway.
    public var terminationGrace: Duration = .seconds(10)

    private var inbox: [Message] = []

    public init(terminal: any Terminal, pollInterval: Duration = .milliseconds(10), tickInterval: Duration = .milliseconds(100)) {
        self.terminal = terminal
        self.pollInterval = pollInterval
        self.tickInterval = tickInterval
    }

    /// Queues a message from any context (it hops to the main actor).
    public nonisolated func send(_ message: Message) {
        Task { @MainActor in self.inbox.append(message) }
    }

    /// Queues a message from the main actor (delivered in order).
    public func post(_ message: Message) {
        inbox.append(message)
    }

    /// Runs until `update` returns ``Flow/quit`` or the input ends; returns the final state.
    /// The terminal is not closed: its owner does that. `render` draws each frame into a
    /// blank buffer of the terminal's size.
    public func run<State>(
        initial: State,
        onFirstFrame: (() -> Void)? = nil,
        update: (inout State, Event, any Terminal) -> Flow,
        render: (State, inout CellBuffer) -> Void
    ) async -> State {
        await run(initial: initial, onFirstFrame: onFirstFrame, update: update) { state, size in
            var buffer = CellBuffer(width: size.width, height: size.height)
            render(state, &buffer)
            return buffer
        }
    }

    /// Runs like ``run(initial:onFirstFrame:update:render:)``, but `frame` makes each frame
    /// itself, at the given size: an app that keeps its last frame and redraws only what
    /// changed (``CellBuffer/beginNextFrame()``) returns that.
    public func run<State>(
        initial: State,
        onFirstFrame: (() -> Void)? = nil,
        update: (inout State, Event, any Terminal) -> Flow,
        frame: (State, TerminalSize) -> CellBuffer
    ) async -> State {
        var state = initial
        var size = terminal.size
        var lastTick = ContinuousClock.now
        var firstFrameShown = false
        var needsFrame = true
        var terminationDeadline: ContinuousClock.Instant?

        func deliver(_ event: Event) -> Bool {
            if case .resize(let newSize) = event { size = newSize }
            switch update(&state, event, terminal) {
            case .continue:
                needsFrame = true
                return true
            case .quit:
                return false
            case .suspend:
                terminal.suspend()
                size = terminal.size
                needsFrame = true
                return true
            }
        }

        while true {
            if needsFrame {
                terminal.present(frame(state, size))
                needsFrame = false
                if !firstFrameShown {
                    firstFrameShown = true
                    onFirstFrame?()
                }
            }
            var handledInput = false
            // Drain what is already there, then let async work run.
            while let event = terminal.readEvent(timeout: .zero) {
                handledInput = true
                switch event {
                case .key(let key):
                    guard deliver(.key(key)) else { return state }
                case .resize(let newSize):
                    guard deliver(.resize(newSize)) else { return state }
                case .hangup:
                    _ = deliver(.hangup)
                    return state
                case .paste(let text):
                    guard deliver(.paste(text)) else { return state }
                case .terminationRequested(let signal):
                    if terminationDeadline == nil { terminationDeadline = .now + terminationGrace }
                    guard deliver(.terminationRequested(signal: signal)) else { return state }
                }
            }
            let messages = inbox
            inbox.removeAll()
            for message in messages {
                guard deliver(.message(message)) else { return state }
            }
            let now = ContinuousClock.now
            if let terminationDeadline, now >= terminationDeadline { return state }
            if now - lastTick >= tickInterval {
                lastTick = now
                guard deliver(.tick(now)) else { return state }
            }
            if !handledInput && messages.isEmpty && !needsFrame {
                try? await Task.sleep(for: pollInterval)
            } else {
                await Task.yield()
            }
        }
    }
}
