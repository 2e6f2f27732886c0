import Foundation
import Testing

/// The real `hubcalls demo-widgets` in tmux: it paints, reacts to keys and resizes, and
/// always gives the terminal back in cooked mode.
@Suite struct DemoWidgetsEndToEndTests {
    /// Starts the demo in a fresh session and waits for its first frame (signalled by the
    /// ready file, then checked on screen).
    func startDemo(width: Int = 80, height: Int = 24, environment: String = "") throws -> TmuxSession {
        let session = try TmuxSession(width: width, height: height)
        let readyFile = FileManager.default.temporaryDirectory.appendingPathComponent("hubcalls-ready-\(UUID().uuidString)").path
        try session.run("\(environment) HUBCALLS_READY_FILE=\(readyFile) \(try hubcallsBinary()) demo-widgets; echo EXIT-$?")
        try session.waitForFile(readyFile)
        try? FileManager.default.removeItem(atPath: readyFile)
        try session.waitFor(text: "1/1000")
        return session
    }

    /// Runs `stty -a` in the pane once the program has exited and returns the screen.
    func sttyAfterExit(_ session: TmuxSession, expectedExit: String) throws -> String {
        try session.waitFor(text: "EXIT-\(expectedExit)")
        try session.run("clear; stty -a; echo STTY-$((1+1))")
        return try session.waitFor(text: "STTY-2")
    }

    @Test func keysMoveTheSelectionAndQQuitsBackToCookedMode() throws {
        let session = try startDemo()
        defer { session.kill() }
        var screen = try session.capture()
        #expect(screen.contains("Row 1 · 山田太郎"))
        #expect(screen.contains("Selected row 1."))
        // Wide characters took exactly the columns TerminalKit gave them: the detail box's
        // right border is intact on the row with CJK, emoji and a combining mark.
        let wideRow = screen.split(separator: "\n").first { $0.contains("日本語のテキスト") } ?? ""
        #expect(wideRow.hasPrefix("│") && wideRow.hasSuffix("│"), "\(wideRow)")
        try session.send("j", "j", "j")
        screen = try session.waitFor(text: "4/1000")
        #expect(screen.contains("Selected row 4."))
        try session.send("k")
        screen = try session.waitFor(text: "3/1000")
        #expect(screen.contains("Selected row 3."))
        #expect(!screen.contains("\u{1B}"))
        try session.send("q")
        let stty = try sttyAfterExit(session, expectedExit: "0")
        #expect(sttyShowsCookedMode(stty), "stty -a: \(stty)")
    }

    /// tmux, screen and rxvt send Home and End as `ESC [1~` / `ESC [4~` (rxvt also `[7~`/`[8~`),
    /// which xterm's terminfo (TERM=xterm-256color, common inside tmux) does not list; they
    /// must still be Home and End, not an Alt key followed by junk like `4~`.
    @Test(arguments: [("\u{1B}[4~", "\u{1B}[1~"), ("\u{1B}[8~", "\u{1B}[7~"), ("\u{1B}OF", "\u{1B}OH"), ("\u{1B}[F", "\u{1B}[H")])
    func homeAndEndWorkWhateverSequenceTheTerminalSends(end: String, home: String) throws {
        let session = try startDemo()
        defer { session.kill() }
        try session.sendRaw(end)
        var screen = try session.waitUntil("the cursor reaches the last row") { $0.contains("1000/1000") || $0.contains("not bound") }
        #expect(screen.contains("1000/1000") && !screen.contains("not bound"), "\(screen)")
        try session.sendRaw(home)
        screen = try session.waitUntil("the cursor reaches the first row") { $0.contains(" 1/1000") || $0.contains("not bound") }
        #expect(screen.contains(" 1/1000") && !screen.contains("not bound"), "\(screen)")
        try session.send("q")
        _ = try sttyAfterExit(session, expectedExit: "0")
    }

    @Test func escapeAloneAndEscapeFollowedByAKeyDecodeAsEscAndAlt() throws {
        let session = try startDemo()
        defer { session.kill() }
        try session.send("M-x")
        try session.waitFor(text: "<A-x> is not bound")
        try session.send("Escape")
        try session.waitFor(text: "<Esc> is not bound")
        try session.send("F5")
        try session.waitFor(text: "<F5> is not bound")
        try session.send("q")
        _ = try sttyAfterExit(session, expectedExit: "0")
    }

    @Test(arguments: [false, true])
    func colourIsUsedUnlessNoColorIsSet(noColor: Bool) throws {
        let session = try startDemo(environment: noColor ? "NO_COLOR=1" : "")
        defer { session.kill() }
        try session.send("x")
        try session.waitFor(text: "x is not bound")
        // The error message is red and bold; without colour only the bold remains.
        let line = try session.capture(escapes: true).split(separator: "\n").first { $0.contains("x is not bound") } ?? ""
        #expect(line.contains("\u{1B}[1m") || line.contains(";1m") || line.contains("[1;"), "\(line.debugDescription)")
        #expect(line.contains("31m") == !noColor, "\(line.debugDescription)")
        try session.send("q")
        _ = try sttyAfterExit(session, expectedExit: "0")
    }

    @Test func controlCQuitsAndRestoresTheTerminal() throws {
        let session = try startDemo()
        defer { session.kill() }
        try session.send("C-c")
        let stty = try sttyAfterExit(session, expectedExit: "0")
        #expect(sttyShowsCookedMode(stty), "stty -a: \(stty)")
    }

    @Test func sigtermRestoresTheTerminalAndStillTerminatesTheProgram() throws {
        let session = try startDemo()
        defer { session.kill() }
        let shell = try session.shellPID()
        let child = try childPID(of: shell)
        #expect(Foundation.kill(child, SIGTERM) == 0)
        // 143 = 128 + SIGTERM: the handler re-raised the signal after restoring the terminal.
        let stty = try sttyAfterExit(session, expectedExit: "143")
        #expect(sttyShowsCookedMode(stty), "stty -a: \(stty)")
    }

    @Test func aResizeRedrawsAtTheNewSize() throws {
        let session = try startDemo()
        defer { session.kill() }
        try session.resize(width: 120, height: 30)
        let screen = try session.waitFor(text: "Resized to 120×30")
        // At 100 columns and more the list and the detail sit side by side.
        #expect(screen.split(separator: "\n").contains { $0.hasPrefix("Row 1 ·") && $0.contains("┌ Detail") })
        try session.send("q")
        _ = try sttyAfterExit(session, expectedExit: "0")
    }

    @Test func controlZSuspendsToTheShellInCookedModeAndFgResumes() throws {
        let session = try startDemo()
        defer { session.kill() }
        try session.send("j")
        try session.waitFor(text: "2/1000")
        try session.send("C-z")
        try session.waitFor(text: "Stopped")
        try session.run("stty -a; echo STTY-$((1+1))")
        let stty = try session.waitFor(text: "STTY-2")
        #expect(sttyShowsCookedMode(stty), "stty -a: \(stty)")
        try session.run("fg")
        let screen = try session.waitFor(text: "2/1000")
        #expect(screen.contains("Selected row 2."))
        try session.send("q")
        // bash already ran `echo EXIT-$?` when the job stopped: wait for the screen to go.
        try session.waitUntil("the demo to exit") { !$0.contains("/1000") }
        try session.run("clear; stty -a; echo STTY-$((2+1))")
        let sttyAfterQuit = try session.waitFor(text: "STTY-3")
        #expect(sttyShowsCookedMode(sttyAfterQuit), "stty -a: \(sttyAfterQuit)")
    }

    /// The single child process of `parent` (the demo started by the pane's shell).
    func childPID(of parent: Int32) throws -> Int32 {
        guard let ps = Subprocess.find("ps") else { throw SubprocessError.notFound("ps") }
        let result = try Subprocess.run(ps, ["-o", "pid=", "--ppid", "\(parent)"])
        let pids = result.output.split(whereSeparator: \.isWhitespace).compactMap { Int32($0) }
        guard pids.count == 1, let pid = pids.first else { throw TmuxError.unexpectedOutput("children of \(parent): \(pids)") }
        return pid
    }
}
