// MARK: - MemoryTerminal

/// A terminal in memory for tests: it plays a script of events, one per poll (so a run loop
/// renders a frame after each), and records every frame.
///
/// ```swift
/// let terminal = MemoryTerminal(width: 40, height: 10)
/// terminal.script(keys: "jjq")
/// // run the app against it, then:
/// terminal.lastFrame?.lines
/// terminal.changeCounts // cells repainted per frame
/// ```
@MainActor
public final class MemoryTerminal: Terminal {
    public private(set) var size: TerminalSize
    /// Every presented frame, in order (only the last one when ``recordsFrames`` is off).
    public private(set) var frames: [CellBuffer] = []
    /// Whether ``frames`` keeps every frame. A benchmark turns it off: keeping thousands of
    /// frames costs memory and page faults a real terminal does not have.
    public var recordsFrames = true
    /// How many cells each ``present(_:)`` repainted (the diff against the previous frame).
    public private(set) var changeCounts: [Int] = []
    /// What the screen shows now (frames applied through their diffs).
    public private(set) var screen: CellBuffer
    public private(set) var bellCount = 0
    public private(set) var clipboard: [String] = []
    public private(set) var suspendCount = 0
    /// Times ``forceFullRedraw()`` was asked for.
    public private(set) var redrawCount = 0
    public private(set) var isClosed = false
    /// Whether ``readEvent(timeout:)`` returns ``TerminalEvent/hangup`` once the script is
    /// exhausted (so a run loop under test always ends).
    public var hangsUpAfterScript: Bool

    private var pending: [TerminalEvent] = []
    /// The first frame paints every cell, as on a real terminal.
    private var forceFullRepaint = true
    private var idleBeforeNextEvent = false

    public init(width: Int = 80, height: Int = 24, hangsUpAfterScript: Bool = true) {
        self.size = TerminalSize(width: width, height: height)
        self.screen = CellBuffer(width: width, height: height)
        self.hangsUpAfterScript = hangsUpAfterScript
    }

    /// The last presented frame.
    public var lastFrame: CellBuffer? { frames.last }

    // MARK: - Script

    /// Appends events to the script.
    public func script(_ events: [TerminalEvent]) {
        pending += events
    }

    /// Appends keys given in key notation (`"jj<Enter>q"`) to the script.
    public func script(keys notation: String) {
        guard let sequence = KeySequence(notation: notation) else {
            preconditionFailure("bad key notation in test script: \(notation)")
        }
        pending += sequence.keys.map { .key($0) }
    }

    /// Scripts a resize: the size changes when the event is read.
    public func scriptResize(width: Int, height: Int) {
        pending.append(.resize(TerminalSize(width: width, height: height)))
    }

    // MARK: - Terminal

    public func present(_ buffer: CellBuffer) {
        // The last frame, not `screen`: they show the same, and a frame that began as the
        // next after it (`CellBuffer.beginNextFrame`) is diffed only where it was written.
        let previous = forceFullRepaint ? CellBuffer(width: 0, height: 0) : frames.last ?? screen
        let changes = buffer.changes(from: previous)
        if buffer.width != screen.width || buffer.height != screen.height {
            screen = CellBuffer(width: buffer.width, height: buffer.height)
        }
        screen.apply(changes)
        forceFullRepaint = false
        if !recordsFrames { frames.removeAll(keepingCapacity: true) }
        frames.append(buffer)
        changeCounts.append(changes.count)
    }

    public func readEvent(timeout: Duration) -> TerminalEvent? {
        // One event per poll, like a user typing: the run loop renders a frame after each.
        if idleBeforeNextEvent {
            idleBeforeNextEvent = false
            return nil
        }
        guard !pending.isEmpty else { return hangsUpAfterScript ? .hangup : nil }
        idleBeforeNextEvent = true
        let event = pending.removeFirst()
        if case .resize(let newSize) = event { size = newSize }
        return event
    }

    public func suspend() {
        suspendCount += 1
        forceFullRepaint = true
    }

    public func forceFullRedraw() {
        redrawCount += 1
        forceFullRepaint = true
    }

    public func bell() { bellCount += 1 }

    public func copyToClipboard(_ text: String) { clipboard.append(text) }

    public func close() { isClosed = true }
}
