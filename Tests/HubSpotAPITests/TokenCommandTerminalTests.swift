import Foundation
@testable import HubSpotAPI
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A token_command can ask for a passphrase on the terminal (QA4 Q4-16): it runs in our
/// process group, the terminal's foreground while hubcalls starts, not in a background group
/// of its own where reading `/dev/tty` fails at once with EIO.
@Suite struct TokenCommandTerminalTests {
    @Test func theCommandRunsInOurProcessGroup() throws {
        // Field 5 of /proc/PID/stat is the process group ("(sh)" holds no space).
        let token = try TokenCommand.run("echo \"group-$(cut -d' ' -f5 /proc/$$/stat)\"")
        #expect(token.value == "group-\(getpgrp())")
    }

    @Test func theCommandReadsNothingFromOurStandardInput() throws {
        // Standard input stays /dev/null: a prompt must use the terminal itself.
        let token = try TokenCommand.run("if read -r line; then echo \"got-$line\"; else echo eof; fi")
        #expect(token.value == "eof")
    }

    @Test func aCommandEndedByASignalIsAFailure() {
        do {
            _ = try TokenCommand.run("echo pat-na1-x; kill -9 $$")
            Issue.record("a killed command produced a token")
        } catch {
            #expect(error.message.contains("stopped by a signal"))
            #expect(!error.message.contains("pat-na1-x"))
        }
    }
}
