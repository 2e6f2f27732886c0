import Foundation

/// Resident set size read from `/proc/<pid>/status` (Linux).
enum ResidentMemory {
    /// RSS in megabytes of `pid` (default: this process), or nil where /proc is unavailable.
    static func megabytes(pid: Int32? = nil) -> Double? {
        let path = pid.map { "/proc/\($0)/status" } ?? "/proc/self/status"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            let kb = line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first.flatMap { Double($0) }
            return kb.map { $0 / 1024 }
        }
        return nil
    }
}
