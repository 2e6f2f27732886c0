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
        // Standard error goes to a file, so a failure can say why.
        let errors = NSTemporaryDirectory() + "hubcalls-bench-\(getpid())-stderr"
        for target in Int32(0)...2 {
            posix_spawn_file_actions_addopen(&actions, target, target == 2 ? errors : "/dev/null", target == 0 ? O_RDONLY : O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        }
        defer { try? FileManager.default.removeItem(atPath: errors) }
        // A child inherits the spawning thread's signal mask and ignored signals; the tmux
        // server it starts needs a clean slate (Foundation's Process does the same).
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var child: pid_t = 0
        let status = posix_spawnp(&child, arguments[0], &actions, &attributes, argv, envp)
        guard status == 0 else { throw BenchError("cannot start \(arguments[0]): \(String(cString: strerror(status)))") }
        var exitStatus: Int32 = 0
        while waitpid(child, &exitStatus, 0) == -1 && errno == EINTR {}
        let code = (exitStatus >> 8) & 0xFF
        if code != 0, let text = try? String(contentsOfFile: errors, encoding: .utf8), !text.isEmpty {
            FileHandle.standardError.write(Data("\(arguments.prefix(3).joined(separator: " ")): \(text)".utf8))
        }
        return code
    }
}
