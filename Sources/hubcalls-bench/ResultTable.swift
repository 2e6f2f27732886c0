import Foundation

/// The benchmark's output: one row per metric and database size, printed as a Markdown table
/// so it can be pasted into the README's Performance section as is.
struct ResultTable {
    struct Row {
        var metric: String
        var size: String
        var median: String
        var p99: String
        var max: String
        var target: String
    }

    private(set) var rows: [Row] = []

    mutating func add(_ metric: String, size: String, _ summary: Summary, unit: String = "ms", target: String = "") {
        rows.append(Row(metric: metric, size: size, median: Self.format(summary.median, unit), p99: Self.format(summary.p99, unit), max: Self.format(summary.max, unit), target: target))
        FileHandle.standardError.write(Data("  \(metric) [\(size)]: median \(Self.format(summary.median, unit)), p99 \(Self.format(summary.p99, unit))\n".utf8))
    }

    /// A single measured value (no distribution).
    mutating func add(_ metric: String, size: String, value: String, target: String = "") {
        rows.append(Row(metric: metric, size: size, median: value, p99: "", max: "", target: target))
        FileHandle.standardError.write(Data("  \(metric) [\(size)]: \(value)\n".utf8))
    }

    func markdown() -> String {
        var out = "| metric | calls | median | p99 | max | target |\n|---|---:|---:|---:|---:|---|\n"
        for row in rows {
            out += "| \(row.metric) | \(row.size) | \(row.median) | \(row.p99) | \(row.max) | \(row.target) |\n"
        }
        return out
    }

    static func format(_ value: Double, _ unit: String) -> String {
        guard value.isFinite else { return "–" }
        switch unit {
        case "ms": return value < 1 ? String(format: "%.3f ms", value) : String(format: "%.1f ms", value)
        case "B": return String(format: "%.0f B", value)
        case "MB": return String(format: "%.1f MB", value)
        default: return String(format: "%.2f %@", value, unit)
        }
    }
}
