import CallsCore
import Foundation

/// The compact call table of `hubcalls list`: id, time, direction, status, outcome,
/// duration, owner, title. Every value is sanitised; the title takes what width is left.
struct CallTable {
    var owners: [String: Owner]
    var outcomes: OutcomeCatalog
    /// Terminal width to fit, or `nil` (not a terminal) to print titles whole.
    var width: Int?

    private static let formatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter
    }()

    static func time(_ date: Date?) -> String {
        date.map { formatter.string(from: $0) } ?? "—"
    }

    private struct Column {
        var title: String
        var width: Int
    }

    private let columns = [
        Column(title: "ID", width: 11), Column(title: "TIME", width: 16), Column(title: "DIR", width: 3),
        Column(title: "STATUS", width: 11), Column(title: "OUTCOME", width: 17), Column(title: "DURATION", width: 8),
        Column(title: "OWNER", width: 14),
    ]

    func lines(for calls: [Call]) -> [String] {
        var out = [row(columns.map(\.title), title: "TITLE")]
        for call in calls {
            let badge: String
            switch call.badge {
            case .voicemail?: badge = "[VM] "
            case .missed?: badge = "[missed] "
            case .recorded?: badge = "[rec] "
            case nil: badge = ""
            }
            let cells = [
                call.id,
                Self.time(call.timestamp),
                call.direction.map { $0 == .inbound ? "In" : $0 == .outbound ? "Out" : $0.label } ?? "",
                call.status?.label ?? "",
                call.dispositionID.map(outcomes.label(for:)) ?? "",
                call.durationMilliseconds.map(Call.formatDuration(milliseconds:)) ?? "",
                call.ownerID.map { owners[$0]?.displayName ?? $0 } ?? "",
            ]
            out.append(row(cells, title: badge + (call.title ?? "(no title)")))
        }
        return out
    }

    private func row(_ cells: [String], title: String) -> String {
        var line = ""
        for (column, cell) in zip(columns, cells) {
            line += TerminalText.pad(TerminalText.sanitize(cell), to: column.width) + "  "
        }
        let clean = TerminalText.sanitize(title)
        if let width {
            return line + TerminalText.truncate(clean, to: max(10, width - TerminalText.width(line)))
        }
        return line + clean
    }
}
