import Foundation
import Testing
import TerminalKit

/// Compares a rendered buffer with `__Snapshots__/<suite>/<name>.<cols>x<rows>.txt` next to
/// this test target. `UPDATE_SNAPSHOTS=1` rewrites the file instead; a missing file fails.
///
/// The file holds the text rows, then a style map with one character per cell:
/// `.` plain, `r` reverse, `b` bold, `u` underline, `d` dim, `c` colour only, `*` several.
func assertSnapshot(
    _ buffer: CellBuffer, suite: String, name: String,
    filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation
) {
    let directory = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        .appendingPathComponent("__Snapshots__").appendingPathComponent(suite)
    let file = directory.appendingPathComponent("\(name).\(buffer.width)x\(buffer.height).txt")
    let actual = snapshotText(buffer)
    if ProcessInfo.processInfo.environment["UPDATE_SNAPSHOTS"] == "1" {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try? actual.write(to: file, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
        Issue.record("missing snapshot \(file.path); run with UPDATE_SNAPSHOTS=1 to record it:\n\(actual)", sourceLocation: sourceLocation)
        return
    }
    if expected != actual {
        Issue.record("snapshot \(file.lastPathComponent) differs.\n--- expected\n\(expected)--- actual\n\(actual)", sourceLocation: sourceLocation)
    }
}

/// The text rows (framed by `|` so trailing spaces show) and the style map.
func snapshotText(_ buffer: CellBuffer) -> String {
    var text = buffer.lines.map { "|" + $0 + "|" }.joined(separator: "\n") + "\n"
    text += "~~~ styles: . plain, r reverse, b bold, u underline, d dim, c colour, * several\n"
    for row in 0..<buffer.height {
        var line = ""
        for column in 0..<buffer.width {
            var cell = buffer[column, row]
            if cell.isContinuation, column > 0 { cell = buffer[column - 1, row] }
            line.append(styleCode(cell.style))
        }
        text += line + "\n"
    }
    return text
}

private func styleCode(_ style: Style) -> Character {
    var codes: [Character] = []
    if style.attributes.contains(.reverse) { codes.append("r") }
    if style.attributes.contains(.bold) { codes.append("b") }
    if style.attributes.contains(.underline) { codes.append("u") }
    if style.attributes.contains(.dim) { codes.append("d") }
    if codes.isEmpty, style.foreground != .default || style.background != .default { codes.append("c") }
    switch codes.count {
    case 0: return "."
    case 1: return codes[0]
    default: return "*"
    }
}

/// The two sizes every widget snapshot is taken at.
let snapshotSizes: [(columns: Int, rows: Int)] = [(80, 24), (40, 10)]
