import CallsCore
import Foundation
import TerminalKit

/// The call list's columns and how they share a pane's width.
///
/// Every column has a few widths, from compact (`Tue`, `No ans`, `AR`) to full (`Tue 22:00`,
/// `No answer`, `Ana Ruiz`). A layout starts with every column compact, then widens them one
/// step at a time in ``upgrades`` order while the title keeps ``preferredTitle`` columns; the
/// title takes whatever is left. Only panes too narrow for the compact set lose columns
/// (``dropOrder``), so at 80 columns and in the split layout from 100 columns on every column
/// is on screen in some form.
enum ListColumn: String, CaseIterable, Sendable {
    case mark, badge, time, direction, status, outcome, duration, owner, record, title

    /// Widths from compact to full; the title's single entry is its minimum.
    var widths: [Int] {
        switch self {
        case .mark, .badge, .direction: [1]
        case .time: [6, 10]
        case .status: [6, 11]
        case .outcome: [9, 14, 17]
        case .duration: [5, 8]
        case .owner: [3, 8, 14]
        case .record: [8, 12, 18, 24]
        case .title: [8]
        }
    }

    /// Spaces after the column (the mark sits right against the badge).
    var gap: Int { self == .mark || self == .title ? 0 : 1 }

    /// The header at a width (short headers for the compact widths).
    func header(width: Int) -> String {
        switch self {
        case .mark, .badge: ""
        case .direction: "⇄"
        case .time: "Time"
        case .status: "Status"
        case .outcome: "Outcome"
        case .duration: width >= 8 ? "Duration" : "Dur"
        case .owner: width >= 5 ? "Owner" : "Own"
        case .record: width >= 15 ? "Contact/Company" : "Contact"
        case .title: "Title"
        }
    }

    var alignment: TextAlignment { self == .duration ? .right : .left }

    /// Columns in screen order.
    static let order: [ListColumn] = [.mark, .badge, .time, .direction, .status, .outcome, .duration, .owner, .record, .title]
    /// Widening steps, most useful first: (column, index into ``widths``).
    static let upgrades: [(ListColumn, Int)] = [
        (.record, 1), (.owner, 1), (.time, 1), (.outcome, 1), (.status, 1), (.duration, 1),
        (.record, 2), (.owner, 2), (.outcome, 2), (.record, 3),
    ]
    /// Columns given up, in this order, only when even the compact set does not fit.
    static let dropOrder: [ListColumn] = [.owner, .duration, .status, .record, .outcome, .time, .direction]
    /// The title's width below which no other column is widened.
    static let preferredTitle = 18
    /// Steps after the first two (the contact, the owner) need the title to keep this many
    /// columns: at 80 the title gets the room rather than `Tue 22:00` and `2025-11-02` in the
    /// time column (the compact `Tue`, `Nov 02` say enough; the detail has the exact time).
    static let roomyTitle = 28
}

/// One column as laid out: which, at which width.
struct PlacedColumn: Equatable, Sendable {
    var column: ListColumn
    var width: Int
}

extension ListColumn {
    /// The columns for a pane `width` columns wide, with their widths; they and their gaps
    /// fill the width exactly (the title takes the rest).
    static func layout(width: Int) -> [PlacedColumn] {
        // Every frame asks, for the same width: keep the last answer.
        if let last = lastLayout.withLock({ $0 }), last.width == width { return last.columns }
        let columns = makeLayout(width: width)
        lastLayout.withLock { $0 = (width, columns) }
        return columns
    }

    private static let lastLayout = Locked<(width: Int, columns: [PlacedColumn])?>(nil)

    private static func makeLayout(width: Int) -> [PlacedColumn] {
        var level: [ListColumn: Int] = [:]
        var shown = order
        func used(_ columns: [ListColumn]) -> Int {
            columns.filter { $0 != .title }.reduce(0) { $0 + $1.widths[level[$1] ?? 0] + $1.gap }
        }
        for column in dropOrder where used(shown) + ListColumn.title.widths[0] > width {
            shown.removeAll { $0 == column }
        }
        for (index, (column, step)) in upgrades.enumerated() where shown.contains(column) && (level[column] ?? 0) == step - 1 {
            let extra = column.widths[step] - column.widths[step - 1]
            if width - used(shown) - extra >= (index < 2 ? preferredTitle : roomyTitle) { level[column] = step }
        }
        let titleWidth = max(1, width - used(shown))
        return shown.map { PlacedColumn(column: $0, width: $0 == .title ? titleWidth : $0.widths[level[$0] ?? 0]) }
    }
}

// MARK: - Cell values

extension ListColumn {
    /// What a row shows in this column at `width`, and its style.
    func value(_ row: CallRow, width: Int, _ state: AppState) -> (String, Style) {
        let call = row.call
        let compact = width < widths.last ?? width
        switch self {
        case .mark:
            return state.list.marked.contains(row.id) ? ("*", Theme.marked) : (" ", .plain)
        case .badge:
            guard let badge = call.badge else { return (" ", .plain) }
            return (Theme.glyph(badge), Theme.style(badge))
        case .time:
            guard let date = call.timestamp else { return ("", .plain) }
            let text = width >= 10 ? TimeFormat.relative(date, now: state.now, timeZone: state.timeZone) : CompactFormat.time(date, now: state.now, timeZone: state.timeZone)
            return (text, .plain)
        case .direction:
            return (Theme.arrow(call.direction), Theme.dim)
        case .status:
            guard let status = call.status else { return ("", .plain) }
            return (compact ? CompactFormat.status(status) : status.label, status == .missed ? Theme.warning : .plain)
        case .outcome:
            guard let id = call.dispositionID else { return ("", .plain) }
            let label = Clean.line(state.lookups.outcomes.label(for: id), width: 40)
            return (width < 14 ? CompactFormat.outcome(label) : label, .plain)
        case .duration:
            guard let ms = call.durationMilliseconds else { return ("", .plain) }
            return (width >= 8 ? Call.formatDuration(milliseconds: ms) : CompactFormat.duration(milliseconds: ms), .plain)
        case .owner:
            guard let id = call.ownerID, !id.isEmpty else { return ("", .plain) }
            guard let owner = state.lookups.owners.first(where: { $0.id == id }) else { return (Clean.line(id, width: 20), Theme.dim) }
            let name = width >= 14 ? owner.displayName : width >= 8 ? CompactFormat.shortName(owner) : CompactFormat.initials(owner)
            return (Clean.line(name, width: 40), .plain)
        case .record:
            return (Clean.line(row.record?.name, width: 60), .plain)
        case .title:
            return (Clean.line(call.title ?? call.object[property: CallProperty.bodyPreview], width: 200), .plain)
        }
    }
}
