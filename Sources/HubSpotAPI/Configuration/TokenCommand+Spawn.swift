import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension TokenCommand {
    /// A started `/bin/sh -c <command>`: its process id and the read end of its output pipe.
    struct Child: Sendable {
        var pid: pid_t
        var output: Int32
    }

    /// Starts `/bin/sh -c command` with standard output to a new pipe, standard input from
    /// `/dev/null` and standard error shared with ours; nil when it cannot be started.
    ///
    /// `posix_spawn`, not Foundation's `Process`: `Process` puts the child in a process group
    /// of its own, i.e. in the terminal's background, where opening `/dev/tty` works but
    /// reading it fails with EIO, so a command that asks for a passphrase on the terminal
    /// (`read -s < /dev/tty`, pinentry-tty, `op`/`vault` style helpers) could not be
    /// answered. Here the child stays in our process group, the terminal's foreground while
    /// hubcalls starts (before the browser takes the screen), as git's credential helpers do.
    static func spawn(_ command: String, environment: [String: String]?) -> Child? {
        var pipeEnds: [Int32] = [-1, -1]
        guard pipe(&pipeEnds) == 0 else { return nil }
        // Close-on-exec, so other children started meanwhile do not keep the pipe open (and
        // hold up the end of the output); the child's own copy is made by dup2 below.
        for end in pipeEnds { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        // A child inherits the spawning thread's blocked signals (a pool thread blocks some,
        // SIGTERM and SIGINT included) and ignored ones: give it a clean slate, so C-c at its
        // prompt and the timeout's kill reach it.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let words: [String] = ["/bin/sh", "-c", command]
        let argv = words.map { strdup($0) } + [nil]
        let variables = environment ?? ProcessInfo.processInfo.environment
        let envp = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, envp)
        close(pipeEnds[1])
        guard status == 0 else {
            close(pipeEnds[0])
            return nil
        }
        return Child(pid: pid, output: pipeEnds[0])
    }

    /// Waits for `pid` to exit without reaping it, so a kill decided meanwhile cannot hit a
    /// reused process id; ``reap(_:)`` collects it afterwards.
    static func waitForExit(_ pid: pid_t) {
        var info = siginfo_t()
        while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) == -1 && errno == EINTR {}
    }

    /// Collects the exited child; its exit status, or nil when a signal ended it.
    static func reap(_ pid: pid_t) -> Int32? {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS, which Swift does not import (they are macros).
        return status & 0x7F == 0 ? (status >> 8) & 0xFF : nil
    }
}
