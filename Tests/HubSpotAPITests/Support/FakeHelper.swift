import Foundation
@testable import HubSpotAPI

/// A stand-in for the `hubcalls-https` helper, in process on two pipes: it reads the client's
/// request frames on a thread of its own and follows a script, one step per request.
///
/// It closes its own pipe ends only from that thread, after a read returned, so no descriptor
/// is closed under a blocked read.
final class FakeHelper: @unchecked Sendable {
    enum Step {
        /// Answers with this status.
        case answer(Int)
        /// Exits with the request in its hands: closes both its ends, answering nothing.
        case die
    }

    private let toHelper = Pipe(), fromHelper = Pipe()

    init(_ script: [Step]) {
        let input = toHelper.fileHandleForReading, output = fromHelper.fileHandleForWriting
        let thread = Thread {
            var steps = script[...]
            while let (frame, _) = TransportHelperWire.read(from: input.fileDescriptor) {
                if frame.cancel == true { continue }
                guard case .answer(let status) = steps.popFirst() else { break }  // .die, or the script ran out
                var reply = TransportHelperFrame(id: frame.id)
                reply.status = status
                _ = TransportHelperWire.write(reply, body: Data(), to: output.fileDescriptor)
            }
            try? input.close()
            try? output.close()
        }
        thread.name = "fake hubcalls-https"
        thread.start()
    }

    /// The client's ends: where it writes requests and reads answers.
    var clientEnds: (toHelper: FileHandle, fromHelper: FileHandle) {
        (toHelper.fileHandleForWriting, fromHelper.fileHandleForReading)
    }
}

/// Counts the helpers a client starts, each a ``FakeHelper`` with the next script.
final class FakeHelperLauncher: @unchecked Sendable {
    private let lock = NSLock()
    private var scripts: [[FakeHelper.Step]]
    private var started: [FakeHelper] = []

    init(_ scripts: [[FakeHelper.Step]]) { self.scripts = scripts }

    func launch() throws -> (toHelper: FileHandle, fromHelper: FileHandle) {
        try lock.withLock {
            guard !scripts.isEmpty else { throw TransportHelperUnavailable("the test ran out of fake helpers") }
            let helper = FakeHelper(scripts.removeFirst())
            started.append(helper)
            return helper.clientEnds
        }
    }

    var launches: Int { lock.withLock { started.count } }
}

/// A shell script run as the helper (`/bin/sh script`, so that no executable file is written
/// while another test forks: exec would fail with ETXTBSY), in a temp directory of its own.
struct HelperScript {
    let directory: TemporaryDirectory
    let path: String

    init(_ body: String) throws {
        directory = try TemporaryDirectory()
        path = try directory.write("helper.sh", body)
    }

    /// A client starting `sh script` with `deadline`.
    func client(deadline: Double? = nil) -> TransportHelperClient {
        TransportHelperClient(executable: URL(fileURLWithPath: "/bin/sh"), arguments: [path], deadline: deadline)
    }

    /// The pids the script wrote to `pids` (one line per start), when it does.
    var pids: [Int32] {
        let text = (try? String(contentsOfFile: directory.path + "/pids", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { Int32($0) }
    }
}
