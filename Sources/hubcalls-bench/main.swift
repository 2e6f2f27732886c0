import Foundation

// hubcalls-bench: seeds databases of several sizes and measures what a user feels.
// Run in release: `swift run -c release hubcalls-bench`. Prints a Markdown table for the
// README's Performance section. Tests never assert times; this is run by hand.

@MainActor
func runBenchmark(_ options: BenchOptions) async throws -> ResultTable {
    try FileManager.default.createDirectory(atPath: options.workdir, withIntermediateDirectories: true)
    var table = ResultTable()
    for calls in options.sizes {
        FileHandle.standardError.write(Data("== \(calls) calls\n".utf8))
        if let seconds = try await SearchBench.seed(options, calls: calls) {
            table.add("seed (one-off)", size: "\(calls)", value: String(format: "%.1f s", seconds))
        }
        if options.wants("search") { try await SearchBench.run(options, calls: calls, table: &table) }
        if options.wants("browser") { try await BrowserBench.run(options, calls: calls, table: &table) }
        if options.wants("pty") { try TerminalBench.runPTY(options, calls: calls, table: &table) }
        if options.wants("tmux") { try TerminalBench.runTmux(options, calls: calls, table: &table) }
    }
    TerminalBench.stopTmux()
    if options.wants("http") { try await HTTPBench.run(options, table: &table) }
    return table
}

do {
    let options = try BenchOptions(arguments: CommandLine.arguments)
    let table = try await runBenchmark(options)
    print(table.markdown())
} catch {
    TerminalBench.stopTmux()
    FileHandle.standardError.write(Data("benchmark failed: \(error)\n".utf8))
    exit(1)
}
