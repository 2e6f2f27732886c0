import Testing
@testable import TerminalKit

/// What the user reads when the terminal cannot be opened (printed before the screen is up).
@Suite struct TerminalErrorTests {
    @Test func aMissingTerminfoEntryIsNamedWithAHint() {
        let message = TerminalError.noTerminfoEntry("xterm-kitty").description
        #expect(message == "no terminfo entry for TERM=xterm-kitty; install it on this machine (kitty: kitty +kitten ssh) or run with TERM=xterm-256color")
    }

    @Test func escapeSequencesInTERMAreNotPrinted() {
        let message = TerminalError.noTerminfoEntry("x\u{1B}]0;owned\u{07}").description
        #expect(!message.contains("\u{1B}"))
        #expect(!message.contains("\u{07}"))
    }
}
