import Foundation
import Testing

/// Compares rendered screen lines with a text file under `__Snapshots__/<Suite>/<test>.<cols>x<rows>.txt`;
/// `UPDATE_SNAPSHOTS=1` (re)writes the file instead. A mismatch prints both grids.
enum Snapshot {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("__Snapshots__")

    static func assert(_ lines: [String], suite: String, name: String, columns: Int, rows: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = root.appendingPathComponent(suite).appendingPathComponent("\(name).\(columns)x\(rows).txt")
        let text = lines.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }.joined(separator: "\n") + "\n"
        if ProcessInfo.processInfo.environment["UPDATE_SNAPSHOTS"] == "1" {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("No snapshot at \(url.path); run with UPDATE_SNAPSHOTS=1 to record it.\n\(text)", sourceLocation: sourceLocation)
            return
        }
        if expected != text {
            Issue.record("Snapshot \(url.lastPathComponent) differs.\n--- expected\n\(expected)--- actual\n\(text)", sourceLocation: sourceLocation)
        }
    }
}
