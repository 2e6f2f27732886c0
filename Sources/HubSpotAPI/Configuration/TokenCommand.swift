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
/// a "not logged in" message reaches the user; its output is never quoted in an error.
public enum TokenCommand {
    /// Runs `command` and returns its trimmed first line of output as a token.
    /// - Parameter timeout: seconds before the command is terminated.
    public static func run(_ command: String, timeout: Double = 30, environment: [String: String]? = nil) throws(ConfigurationError) -> AccessToken {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        if let environment { process.environment = environment }
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw ConfigurationError("Cannot run token_command via /bin/sh.")
        }
        let timedOut = Locked(false)
        let deadline = DispatchWorkItem { [process] in
            if process.isRunning {
                timedOut.withLock { $0 = true }
                // SIGKILL, not terminate(): a child spawned from a pool thread inherits its
                // blocked-signal mask, SIGTERM included.
                kill(process.processIdentifier, SIGKILL)
            }
        }
        // A private queue (overcommitting), not the global one: callers may be blocking a
        // thread of the shared pool while they wait for the command.
        DispatchQueue(label: "hubcalls.token-command.timeout").asyncAfter(deadline: .now() + timeout, execute: deadline)
        // Read before waiting: a chatty command would otherwise block on a full pipe.
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        deadline.cancel()
        if timedOut.current {
            throw ConfigurationError("token_command did not finish within \(Int(timeout)) s and was stopped.")
        }
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw ConfigurationError("token_command failed (exit status \(process.terminationStatus)); its error output is above.")
        }
        let text = String(decoding: data.prefix(64 * 1024), as: UTF8.self)
        let firstLine = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        guard let token = AccessToken(firstLine, source: "from token_command") else {
            throw ConfigurationError("token_command printed no token.")
        }
        return token
    }
}
