#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A child process on a pseudo-terminal: what the benchmark uses to count the bytes the real
/// ncurses backend writes, exactly as a terminal emulator would receive them.
final class PseudoTerminal {
    let pid: pid_t
    private let master: Int32
    /// Every byte the child has written so far.
    private(set) var bytesRead = 0

    /// Starts `executable` with `arguments` on a new pty of `columns`×`rows`.
    init(executable: String, arguments: [String], environment: [String: String], columns: UInt16, rows: UInt16) throws {
        // posix_openpt/grantpt/unlockpt/ptsname need _XOPEN_SOURCE, which Swift's Glibc module
        // does not expose; these are the Linux ioctls they wrap.
        let fd = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard fd >= 0, ioctl(fd, PseudoTerminal.unlockRequest, &unlock) == 0, ioctl(fd, PseudoTerminal.numberRequest, &number) == 0 else {
            throw BenchError("cannot open a pseudo-terminal")
        }
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        let slavePath = "/dev/pts/\(number)"
        let slave = open(slavePath, O_RDWR | O_NOCTTY)
        guard slave >= 0 else { throw BenchError("cannot open \(slavePath)") }
        _ = ioctl(slave, UInt(TIOCSWINSZ), &size)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for target in 0...2 { posix_spawn_file_actions_adddup2(&actions, slave, Int32(target)) }
        posix_spawn_file_actions_addclose(&actions, fd)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A session of its own, like a shell in a terminal emulator (glibc's POSIX_SPAWN_SETSID).
        posix_spawnattr_setflags(&attributes, Int16(0x80))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        close(slave)
        guard status == 0 else { close(fd); throw BenchError("cannot start \(executable): \(String(cString: strerror(status)))") }
        pid = child
        master = fd
    }

    deinit {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        close(master)
    }

    /// `TIOCSPTLCK` and `TIOCGPTN` (asm-generic ioctl numbers, x86_64 and arm64).
    private static let unlockRequest: UInt = 0x4004_5431
    private static let numberRequest: UInt = 0x8004_5430

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Reads until the child has been silent for `quiet` ms or `deadline` ms have passed;
    /// returns the bytes read in this call.
    @discardableResult
    func drain(quiet: Int32, deadline: Double) -> Int {
        let start = Stopwatch.now()
        var total = 0
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while Stopwatch.ms(since: start) < deadline {
            var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, quiet)
            if ready <= 0 { break }
            let n = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            total += n
        }
        bytesRead += total
        return total
    }

    /// Reads until at least one byte arrives (or the deadline passes), then until quiet.
    /// Returns (ms until the first byte, bytes read).
    func awaitOutput(quiet: Int32, deadline: Double) -> (firstByteMs: Double?, bytes: Int) {
        let start = Stopwatch.now()
        var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, Int32(deadline)) > 0 else { return (nil, 0) }
        let first = Stopwatch.ms(since: start)
        return (first, drain(quiet: quiet, deadline: deadline))
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
