#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Runs a short command (tmux) to completion with `posix_spawn` and `waitpid`.
///
/// `Process.waitUntilExit()` can miss the child's exit when it is called from an async
/// context on the main actor (the benchmark's tmux stage hung on a zombie `tmux` client), so
/// the process-level stages wait for their helpers directly.
enum Subprocess {
    /// Runs `arguments` (looked up in `PATH`) with standard input, output and error on
    /// `/dev/null`; returns the exit status.
    @discardableResult
    static func run(_ arguments: [String]) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for target in Int32(0)...2 {
            posix_spawn_file_actions_addopen(&actions, target, "/dev/null", target == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var child: pid_t = 0
        let status = posix_spawnp(&child, arguments[0], &actions, nil, argv, envp)
        guard status == 0 else { throw BenchError("cannot start \(arguments[0]): \(String(cString: strerror(status)))") }
        var exitStatus: Int32 = 0
        while waitpid(child, &exitStatus, 0) == -1 && errno == EINTR {}
        return (exitStatus >> 8) & 0xFF
    }
}
