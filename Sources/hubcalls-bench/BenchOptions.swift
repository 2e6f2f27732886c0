import Foundation

/// Command-line options of `hubcalls-bench` (kept to a few flags; no parser dependency).
struct BenchOptions {
    var sizes = [1_000, 10_000, 100_000]
    var runs = 200
    var workdir = NSTemporaryDirectory() + "hubcalls-bench"
    /// Stages to run; empty means all.
    var only: Set<String> = []
    /// The `hubcalls` binary for process-level stages (pty, tmux, HTTP).
    var binary: String = {
        let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        return me.deletingLastPathComponent().appendingPathComponent("hubcalls").path
    }()

    static let usage = """
    usage: hubcalls-bench [--sizes 1000,10000,100000] [--runs N] [--workdir DIR] [--binary PATH] [--only STAGE,…]
    stages: seed, search, browser, pty, tmux, http
    """

    init(arguments: [String]) throws {
        var rest = arguments.dropFirst()
        while let flag = rest.popFirst() {
            func value() throws -> String {
                guard let v = rest.popFirst() else { throw BenchError("\(flag) needs a value\n\(Self.usage)") }
                return v
            }
            switch flag {
            case "--sizes": sizes = try value().split(separator: ",").map { guard let n = Int($0) else { throw BenchError("bad size \($0)") }; return n }
            case "--runs": runs = Int(try value()) ?? runs
            case "--workdir": workdir = try value()
            case "--binary": binary = try value()
            case "--only": only = Set(try value().split(separator: ",").map(String.init))
            case "-h", "--help": print(Self.usage); exit(0)
            default: throw BenchError("unknown option \(flag)\n\(Self.usage)")
            }
        }
    }

    func wants(_ stage: String) -> Bool { only.isEmpty || only.contains(stage) }

    func databasePath(calls: Int) -> String { "\(workdir)/calls-\(calls).sqlite" }
}
