import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The browser's exit paths in tmux: closing the terminal (SIGHUP) or SIGTERM while a delete
/// waits out its undo window still sends it, and the terminal is restored; pasted text is
/// literal input, never commands.
@Suite struct BrowserShutdownEndToEndTests {
    /// A seeded temp database and the browser on it, in a bash pane so `stty` can be checked
    /// after it exits.
    final class Fixture {
        let directory: URL
        let database: String
        let session: TmuxSession
        private(set) var pid: pid_t = 0

        init(width: Int = 120, height: Int = 40) throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("hubcalls-shutdown-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            database = directory.appendingPathComponent("calls.sqlite").path
            try Fixture.cli(["seed", "--db", database, "--reset"])
            session = try TmuxSession(width: width, height: height)
        }

        deinit {
            session.kill()
            try? FileManager.default.removeItem(at: directory)
        }

        /// Starts the browser (or `log --interactive`) and waits until it has drawn its first page.
        func start(_ subcommand: String = "") throws {
            let ready = directory.appendingPathComponent("ready").path
            let state = directory.appendingPathComponent("state").path
            try session.run("XDG_STATE_HOME=\(state) XDG_CONFIG_HOME=\(directory.path)/config HUBCALLS_READY_FILE=\(ready) \(try browserBinary()) \(subcommand) --db \(database); echo EXIT-$?")
            try session.waitForFile(ready)
            let text = try String(contentsOfFile: ready, encoding: .utf8)
            guard let value = text.split(separator: "=").last.flatMap({ pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }) else {
                throw E2EError.failed("ready file without a pid", status: 0, output: text)
            }
            pid = value
        }

        /// Deletes the call under the cursor and waits for the undo offer.
        func deleteFirstCall() throws {
            try session.send("d")
            try session.waitFor(text: "[ Delete ]")
            try session.send("y")
            try session.waitFor(text: "Deleted — u to undo")
        }

        /// Waits until the browser process is gone.
        func waitForExit(timeout: TimeInterval = 20) throws {
            let deadline = Date().addingTimeInterval(timeout)
            while Glibc.kill(pid, 0) == 0 {
                guard Date() < deadline else { throw E2EError.timedOut("hubcalls \(pid) to exit", screen: (try? session.capture()) ?? "") }
                Thread.sleep(forTimeInterval: 0.05)
            }
        }

        func newestCallID() throws -> String {
            let json = try JSONSerialization.jsonObject(with: Data(Fixture.cli(["list", "--db", database, "--json", "--limit", "1"]).utf8)) as? [String: Any]
            return ((json?["results"] as? [[String: Any]])?.first?["id"] as? String) ?? ""
        }

        func exists(_ id: String) -> Bool {
            (try? Fixture.cli(["show", "--db", database, "--json", id])) != nil
        }

        /// `stty -a` in the pane after the browser exited with `status`.
        func sttyAfterExit(_ status: String) throws -> String {
            try session.waitFor(text: "EXIT-\(status)")
            try session.run("clear; stty -a; echo STTY-$((1+1))")
            return try session.waitFor(text: "STTY-2")
        }

        @discardableResult
        static func cli(_ arguments: [String]) throws -> String {
            try runProcess(try browserBinary(), arguments)
        }
    }

    @Test(arguments: [(SIGHUP, "129"), (SIGTERM, "143")])
    func aPendingDeleteIsSentWhenTheProcessIsToldToEnd(signal: Int32, status: String) throws {
        let f = try Fixture()
        let id = try f.newestCallID()
        try f.start()
        try f.deleteFirstCall()
        #expect(Glibc.kill(f.pid, signal) == 0)
        try f.waitForExit()
        #expect(!f.exists(id), "the pending delete of \(id) was dropped")
        let stty = try f.sttyAfterExit(status)
        #expect(sttyShowsCookedMode(stty), "stty -a: \(stty)")
    }

    @Test func aPendingDeleteIsSentWhenTheTerminalIsClosed() throws {
        let f = try Fixture()
        let id = try f.newestCallID()
        try f.start()
        try f.deleteFirstCall()
        // Killing the tmux server closes the pane's terminal: the browser gets SIGHUP (more
        // than one: from the kernel, tmux and the shell).
        f.session.kill()
        try f.waitForExit()
        #expect(!f.exists(id), "the pending delete of \(id) was dropped")
    }

    @Test func aPastedNewlineInTheFilterIsASpaceNotEnterAndTheRestIsNotRunAsKeys() throws {
        let f = try Fixture(width: 80, height: 24)
        try f.start()
        try f.session.send("/")
        try f.session.paste("Olé\nd")
        let screen = try f.session.waitFor(text: "/Olé d")
        #expect(!screen.contains("[ Delete ]"))
        // Pasted on the list, text opens the filter with it instead of running keys.
        try f.session.send("C-u", "Escape")
        try f.session.waitUntil("the filter bar closed") { !$0.contains("/Olé") }
        try f.session.paste("Q")
        try f.session.waitFor(text: "/Q")
        // Separately: Esc with a key right behind it is Alt+key.
        try f.session.send("Escape")
        try f.session.waitUntil("the filter bar closed again") { !$0.contains("/Q") }
        try f.session.send("q")
        let stty = try f.sttyAfterExit("0")
        #expect(sttyShowsCookedMode(stty), "stty -a: \(stty)")
    }

    @Test func aFailedSaveKeepsTheFormOpenWithTheTypedTextAndTheReason() throws {
        let f = try Fixture()
        let id = try f.newestCallID()
        try f.start()
        try f.session.waitFor(text: "Associations")
        // The call vanishes behind the browser's back (its details are already loaded): the
        // save will fail.
        try Fixture.cli(["delete", "--db", f.database, id])
        try f.session.send("e")
        try f.session.waitFor(text: "─ Edit call")
        try f.session.send("C-u")
        try f.session.sendRaw("Kept after failure")
        try f.session.send("C-s")
        let screen = try f.session.waitFor(text: "Not saved:")
        #expect(screen.contains("Kept after failure"))
        #expect(screen.contains("─ Edit call"))
        try f.session.send("Escape")
        try f.session.waitFor(text: "Discard the changes")
        try f.session.send("y")
        try f.session.waitUntil("the form closed") { !$0.contains("─ Edit call") }
        try f.session.send("q")
        let stty = try f.sttyAfterExit("0")
        #expect(sttyShowsCookedMode(stty), "stty -a: \(stty)")
    }

    @Test func quickLogFromTheShellPrintsTheNewCallAfterTheFormCloses() throws {
        let f = try Fixture(width: 80, height: 24)
        try f.start("log --interactive")
        try f.session.waitFor(text: "─ Log a call")
        try f.session.send("Tab", "Tab")
        try f.session.sendRaw("Popup log")
        try f.session.send("C-s")
        let screen = try f.session.waitFor(text: "EXIT-0")
        let line = screen.split(separator: "\n").first { $0.hasPrefix("Logged call ") }
        #expect(line?.hasSuffix(": Popup log") == true, "\(screen)")
        let id = line.flatMap { $0.dropFirst("Logged call ".count).split(separator: ":").first.map(String.init) } ?? ""
        #expect(f.exists(id))
    }
}
