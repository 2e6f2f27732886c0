import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One run of the `hubcalls-https` helper as ``TransportHelperClient`` sees it: the pipe it
/// writes requests to, the pipe it reads answers from and, for a real process, the process
/// (to stop it when it hangs and to say how it ended).
///
/// The client starts a new channel when the previous helper stopped; a channel is never
/// reused. It owns its descriptors through `FileHandle`s, which close each exactly once, so a
/// descriptor number is never closed twice (after a restart it may belong to something else).
final class TransportHelperChannel: @unchecked Sendable {
    private let toHelper: FileHandle
    private let fromHelper: FileHandle
    private let process: Process?
    private let exit: ProcessExit?
    // Frames are written under `writeLock` so they never interleave, and the input is closed
    // under it so no write goes to a closed (possibly reused) descriptor.
    private let writeLock = NSLock()
    private var inputOpen = true

    /// A channel over two pipe ends; `process` is the helper behind them, when there is one.
    init(toHelper: FileHandle, fromHelper: FileHandle, process: Process? = nil, exit: ProcessExit? = nil) {
        self.toHelper = toHelper
        self.fromHelper = fromHelper
        self.process = process
        self.exit = exit
    }

    /// Writes one frame; false when the helper no longer reads (it has exited or was stopped).
    func write(_ frame: TransportHelperFrame, body: Data) -> Bool {
        writeLock.withLock {
            inputOpen && TransportHelperWire.write(frame, body: body, to: toHelper.fileDescriptor)
        }
    }

    /// Reads answers until the helper closes its output (it exited or was killed), then closes
    /// this side of it. Runs on the client's reader thread.
    func readFrames(_ receive: (TransportHelperFrame, Data) -> Void) {
        while let (frame, body) = TransportHelperWire.read(from: fromHelper.fileDescriptor) {
            receive(frame, body)
        }
        try? fromHelper.close()
    }

    /// Stops a helper that no longer answers: kills the process and closes its input (an
    /// in-process helper in tests then ends by itself).
    func stop() {
        // Killed first: a write blocked on a helper that stopped reading (its pipe full) then
        // fails with EPIPE and lets go of `writeLock`. `isRunning` turns false once Foundation
        // has reaped the process, so the id cannot belong to another process yet.
        if let process, process.isRunning { kill(process.processIdentifier, SIGKILL) }
        writeLock.withLock {
            guard inputOpen else { return }
            inputOpen = false
            try? toHelper.close()
        }
    }

    /// How the helper ended (`exited with status 3`, `was killed by signal 9 (SIGKILL)`), once
    /// its output has closed; nil when there is no process or it has not ended within a
    /// moment (it closed its output but lives on).
    func exitDescription() -> String? {
        exit?.description(waitingUpTo: 2)
    }
}

/// A process's end, recorded by its termination handler.
final class ProcessExit: @unchecked Sendable {
    private let lock = NSLock()
    private let ended = DispatchSemaphore(value: 0)
    private var text: String?

    /// Sets `process`'s termination handler; call before `run()`.
    init(watching process: Process) {
        process.terminationHandler = { [self] process in
            let text = Self.describe(reason: process.terminationReason, status: process.terminationStatus)
            lock.withLock { self.text = text }
            ended.signal()
        }
    }

    /// The description, waiting at most `seconds` for the process to end.
    func description(waitingUpTo seconds: Double) -> String? {
        if let text = lock.withLock({ text }) { return text }
        guard ended.wait(timeout: .now() + seconds) == .success else { return nil }
        ended.signal()
        return lock.withLock { text }
    }

    static func describe(reason: Process.TerminationReason, status: Int32) -> String {
        switch reason {
        case .exit:
            return "exited with status \(status)"
        case .uncaughtSignal:
            let names: [Int32: String] = [
                SIGKILL: "SIGKILL", SIGTERM: "SIGTERM", SIGSEGV: "SIGSEGV", SIGABRT: "SIGABRT", SIGILL: "SIGILL",
                SIGTRAP: "SIGTRAP", SIGBUS: "SIGBUS", SIGINT: "SIGINT", SIGHUP: "SIGHUP", SIGPIPE: "SIGPIPE",
            ]
            return "was killed by signal \(status)" + (names[status].map { " (\($0))" } ?? "")
        @unknown default:
            return "ended (status \(status))"
        }
    }
}
