import CallsCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a `token_command` (like `gh auth token` or `pass show hubspot/pat`) and reads the
/// token from its standard output.
///
/// The command runs as `/bin/sh -c <command>`: the token travels through a pipe, never
/// through argv or the environment. Its standard error goes to ours, so a password prompt or
/// a "not logged in" message reaches the user, and it runs in the terminal's foreground, so
/// it can read the answer from `/dev/tty` (see ``spawn(_:environment:)``); its output is
/// never quoted in an error.
public enum TokenCommand {
    /// Runs `command` and returns its trimmed first line of output as a token.
    /// - Parameter timeout: seconds before the command is terminated.
    public static func run(_ command: String, timeout: Double = 30, environment: [String: String]? = nil) throws(ConfigurationError) -> AccessToken {
        guard let child = spawn(command, environment: environment) else {
            throw ConfigurationError("Cannot run token_command via /bin/sh.")
        }
        // Whether the deadline killed the command; `exited` keeps it from killing after the
        // command is gone (the id could belong to another process by then).
        let state = Locked((timedOut: false, exited: false))
        let deadline = DispatchWorkItem {
            state.withLock { state in
                guard !state.exited else { return }
                state.timedOut = true
                kill(child.pid, SIGKILL)
            }
        }
        // A private queue (overcommitting), not the global one: callers may be blocking a
        // thread of the shared pool while they wait for the command.
        DispatchQueue(label: "hubcalls.token-command.timeout").asyncAfter(deadline: .now() + timeout, execute: deadline)
        // Read before waiting: a chatty command would otherwise block on a full pipe.
        let data = FileHandle(fileDescriptor: child.output, closeOnDealloc: true).readDataToEndOfFile()
        waitForExit(child.pid)
        state.withLock { $0.exited = true }
        deadline.cancel()
        let exitStatus = reap(child.pid)
        if state.current.timedOut {
            throw ConfigurationError("token_command did not finish within \(Int(timeout)) s and was stopped.")
        }
        guard let exitStatus, exitStatus == 0 else {
            let how = exitStatus.map { "exit status \($0)" } ?? "stopped by a signal"
            throw ConfigurationError("token_command failed (\(how)); its error output is above.")
        }
        let text = String(decoding: data.prefix(64 * 1024), as: UTF8.self)
        let firstLine = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        guard let token = AccessToken(firstLine, source: "from token_command") else {
            throw ConfigurationError("token_command printed no token.")
        }
        return token
    }
}
