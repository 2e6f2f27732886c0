import Foundation
import Testing

/// The real browser started where the terminal setup used to go wrong (QA4 Q4-9, Q4-10): a
/// POSIX locale, and a `TERM` that terminfo does not know.
@Suite struct TerminalSetupEndToEndTests {
    typealias Fixture = BrowserEndToEndTests.Fixture

    /// `LANG` and `LC_ALL` empty (the POSIX locale, as over ssh or in a container): the
    /// backend switches the character locale to UTF-8, so separators, badges and borders
    /// are drawn and a typed `ö` is saved.
    @Test func theBrowserDrawsAndTakesUTF8UnderThePOSIXLocale() throws {
        let fixture = try Fixture()
        let ready = fixture.directory.appendingPathComponent("ready").path
        let env = "LANG= LC_ALL= LC_CTYPE= XDG_STATE_HOME=\(fixture.directory.path)/state XDG_CONFIG_HOME=\(fixture.directory.path)/config HUBCALLS_READY_FILE=\(ready)"
        let session = try BrowserTmux(command: "\(env) \(try browserBinary()) --db \(fixture.database)", width: 120, height: 30)
        defer { session.kill() }
        try session.waitForFile(ready)
        let screen = try session.waitFor(text: "300 calls")
        #expect(screen.contains("hubcalls · 300 calls"))
        #expect(screen.contains("✉"))
        #expect(screen.contains("│"))
        let id = try #require(fixture.newestCalls(1).first?["id"] as? String)
        try session.send("e")
        try session.waitFor(text: "Call title")
        try session.send("End")
        try session.send("-l", " ö")
        try session.send("C-s")
        try session.waitFor(text: "Saved")
        #expect(try fixture.property("hs_call_title", of: id)?.hasSuffix(" ö") == true)
        try session.send("q")
        try session.waitFor(text: "EXIT-0")
    }

    /// A `TERM` without a terminfo entry: hubcalls' own message with a hint, exit status 1,
    /// and not ncurses' `Error opening terminal` (initscr's exit skips the app's cleanup).
    @Test func aTermWithoutATerminfoEntryGetsHubcallsOwnMessage() throws {
        let fixture = try Fixture()
        let term = "hubcalls-no-such-term-\(UUID().uuidString.prefix(8).lowercased())"
        let command = "TERM=\(term) \(try browserBinary()) --db \(fixture.database); echo EXIT-$?; stty -a | grep -o -- '-\\?icanon'"
        let session = try BrowserTmux(command: command, width: 200, height: 20)
        defer { session.kill() }
        let screen = try session.waitFor(text: "EXIT-")
        #expect(screen.contains("no terminfo entry for TERM=\(term); install it on this machine"))
        #expect(screen.contains("run with TERM=xterm-256color"))
        #expect(!screen.contains("Error opening terminal"))
        #expect(screen.contains("EXIT-1"))
        let restored = try session.waitUntil("stty output") { $0.contains("icanon") }
        #expect(!restored.contains("-icanon"))
    }
}
