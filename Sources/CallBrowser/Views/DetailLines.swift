import CallsCore
import Foundation
import TerminalKit

/// The detail pane's content as lines for a width: every property with its label, the
/// notes wrapped, the badge and what it means, and the associations with pin state.
///
/// Two layouts. The side pane beside the list (a *preview*: the list has the keys) gives
/// every part a fixed number of rows — one for the title and each property (long values end
/// in `…`), three for the notes — so labels and headers stay on their rows from one call to
/// the next and a cursor move rewrites only the values that differ. The badge and its
/// meaning (two rows) come after the notes there, as an attachment follows a message, and
/// only when the call has a badge: reserved under the title, they left blank rows at the
/// top of every call without one (QA). After the notes only the associations (whose rows
/// vary anyway) move between a call with a badge and one without: on 300 calls, half with
/// a badge, a `j` repainted 371 cells on average against 353 with the reserved rows, 424
/// with the badge after the properties and 670 under the title without reserved rows.
/// The opened detail (`Enter`) wraps everything in full, the badge under the title.
enum DetailLines {
    static let labelWidth = 22
    /// Rows of notes, and of the badge and its meaning, in the side pane.
    static let previewNoteRows = 3
    /// Properties the side pane leaves out: its heading shows the title, its Notes the body
    /// (whose preview this is). The opened detail lists them.
    static let previewOmits: Set<String> = [CallProperty.title, CallProperty.bodyPreview]
    /// Rows the side pane gives the badge and its meaning at most.
    static let previewBadgeRows = 2

    /// Lines for the current detail at the pane's width.
    static func count(_ state: AppState) -> Int {
        build(state, width: paneWidth(state)).count
    }

    static func paneWidth(_ state: AppState) -> Int {
        state.isSplit ? state.columns - listWidth(state.columns) - 1 : state.columns
    }

    /// Rows the pane shows: the screen less the title bar and the status line (see
    /// ``BrowserView``), beside the list as on its own. The scroll limit is the lines less
    /// these, so `G` puts the last line on the last row and the next `k` moves (QA4 Q4-8).
    static func paneHeight(_ state: AppState) -> Int {
        max(1, state.rows - 2)
    }

    /// The list's share of a split screen.
    static func listWidth(_ columns: Int) -> Int { columns * 5 / 8 }

    /// Whether the pane is the side pane beside a focused list (fixed rows, values cut).
    static func isPreview(_ state: AppState) -> Bool {
        state.isSplit && state.focus == .list
    }

    /// The lines for `state` at `width`, built once per change of what they show: a frame
    /// that changes only the list (a tick, a mark) reuses them.
    static func build(_ state: AppState, width: Int) -> [[Span]] {
        guard width > 0 else { return [] }
        return build(state, key: Key(state, width: width))
    }

    static func build(_ state: AppState, key: Key) -> [[Span]] {
        guard key.width > 0 else { return [] }
        if let lines = cache.lines(for: key) { return lines }
        let lines = make(state, detail: key.detail, width: key.width, row: key.row, preview: key.preview)
        cache.store(lines, for: key)
        return lines
    }

    /// Everything ``make(_:width:row:preview:)`` reads.
    struct Key: Equatable {
        var width: Int
        var preview: Bool
        var detail: DetailState
        /// The list row of the call while its detail loads.
        var row: CallRow?
        var lookups: Lookups
        var timeZone: TimeZone

        init(_ state: AppState, width: Int) {
            self.width = width
            preview = DetailLines.isPreview(state)
            lookups = state.lookups
            timeZone = state.timeZone
            if preview, state.list.selected == nil {
                // No call is selected: the list is empty (no match, the last call deleted,
                // QA4 Q4-12) or the cursor is on a row that is not loaded (loading, or past
                // HubSpot's search limit, Q4-5). The call shown before must not stay as if
                // it were.
                detail = DetailState()
                return
            }
            if preview, let held = state.detail.held {
                // The call the pane keeps while the cursor moves: the key stays the same
                // from move to move, so the pane is neither rebuilt nor redrawn.
                var shown = DetailState()
                shown.callID = held.detail.call.id
                shown.detail = held.detail
                detail = shown
                lookups = state.lookups
                timeZone = state.timeZone
                return
            }
            var detail = state.detail
            detail.scroll = 0
            detail.loadingToken = nil
            detail.held = nil
            self.detail = detail
            let loaded = detail.detail.map { $0.call.id == detail.callID } ?? false
            if !loaded, detail.error == nil, let selected = state.list.selected, selected.id == detail.callID {
                row = selected
            }
            lookups = state.lookups
            timeZone = state.timeZone
        }
    }

    /// The last lines built (one entry: the detail pane shows one call).
    static let cache = LinesCache()

    final class LinesCache: @unchecked Sendable {
        private let lock = NSLock()
        private var entry: (key: Key, lines: [[Span]])?

        func lines(for key: Key) -> [[Span]]? {
            lock.withLock {
                guard let entry, entry.key == key else { return nil }
                // Keep the caller's equal key: the next comparison then meets identical
                // storage (lookups, detail) and costs nothing.
                self.entry = (key, entry.lines)
                return entry.lines
            }
        }

        func store(_ lines: [[Span]], for key: Key) {
            lock.withLock { entry = (key, lines) }
        }
    }

    /// Builds the lines of `shown` (the detail state, or the call held while the cursor
    /// moves). While a call's detail loads, its list row stands in: the properties the list
    /// has are shown at once and the rest say `…`, so labels keep their rows. Apart from the
    /// held call (at most ``DetailController/holdTicks`` ticks after the cursor's last move),
    /// nothing of another call is shown: without the call's own row or detail the pane says
    /// it is loading.
    static func make(_ state: AppState, detail shown: DetailState, width: Int, row: CallRow?, preview: Bool = false) -> [[Span]] {
        guard let id = shown.callID else { return [[Span("No call selected.", Theme.dim)]] }
        let detail: CallDetail
        let complete: Bool
        if let loaded = shown.detail, loaded.call.id == id {
            detail = loaded
            complete = true
        } else if let error = shown.error {
            // Wrapped whole: the status line cuts long explanations (a 401's fix, say).
            let text = Clean.line(error, width: 4_000)
            return [[Span("Could not load call \(Clean.line(id, width: 40)):", Theme.error)]]
                + text.wrapped(toWidth: max(1, width)).map { [Span($0, .plain)] }
        } else if let row, row.id == id {
            detail = CallDetail(call: row.call)
            complete = false
        } else {
            return [[Span("Loading call \(id)…", Theme.dim)]]
        }
        let call = detail.call
        let lookups = state.lookups
        var lines: [[Span]] = []
        let title = Clean.line(call.title ?? "(untitled call)", width: width * 3)
        if preview {
            lines.append([Span(title.truncated(toWidth: width), .bold)])
        } else {
            for row in title.wrapped(toWidth: width) { lines.append([Span(row, .bold)]) }
        }
        let badgeLines = badgeLines(call.badge, width: width, preview: preview)
        if !preview { lines += badgeLines }
        lines.append([])

        // Properties: the defined ones in display order, then any the definitions do not know
        // (in the side pane, at its end, so they cannot move the rows below them).
        let definitions = (lookups.callProperties.isEmpty ? StandardProperties.definitions(for: .calls, outcomes: lookups.outcomes) : lookups.callProperties)
            .filter { !$0.hidden && $0.name != CallProperty.body }
            .sorted { $0.displayOrder < $1.displayOrder }
        let known = Set(definitions.map(\.name) + [CallProperty.body])
        // The side pane's heading is the title and its Notes the body, so their property
        // rows would only repeat them (and cost a cursor move their bytes).
        let shownProperties = preview ? definitions.filter { !previewOmits.contains($0.name) } : definitions
        let extra = complete ? call.object.properties.keys.filter { !known.contains($0) }.sorted() : []
        // Two fifths of a narrow pane, so "Activity date" and "Call direction" stay whole beside the list.
        let labelColumn = min(labelWidth, max(8, width * 2 / 5))
        func propertyLines(_ name: String, _ label: String, _ type: PropertyDefinition.ValueType, _ options: [PropertyOption]) -> [[Span]] {
            let raw = call.object[property: name]
            let pending = !complete && call.object.properties[name] == nil
            let value = format(name: name, type: type, options: options, raw: raw, state, exact: !preview)
            let valueWidth = max(1, width - labelColumn - 1)
            let rows: [String]
            if value.isEmpty {
                rows = [pending ? "…" : "—"]
            } else if preview {
                rows = [Clean.line(value, width: valueWidth + 1).truncated(toWidth: valueWidth)]
            } else {
                rows = Array(Clean.line(value, width: valueWidth * 4).wrapped(toWidth: valueWidth).prefix(4))
            }
            return rows.enumerated().map { i, row in
                let labelText = i == 0 ? Clean.line(label).fitted(toWidth: labelColumn) : String(repeating: " ", count: labelColumn)
                return [Span(labelText, Theme.label), Span(" "), Span(row, value.isEmpty ? Theme.dim : .plain)]
            }
        }
        for definition in shownProperties {
            lines += propertyLines(definition.name, definition.label, definition.type, definition.options)
        }
        let extraLines = extra.flatMap { propertyLines($0, $0, .string, []) }
        if !preview { lines += extraLines }

        lines.append([])
        lines.append([Span("Notes", Theme.header)])
        var notes: [[Span]]
        if !complete {
            notes = [[Span("…", Theme.dim)]]
        } else if let body = call.body {
            notes = Clean.body(body).flatMap { $0.wrapped(toWidth: width) }.map { [Span($0)] }
        } else {
            notes = [[Span("No notes.", Theme.dim)]]
        }
        if preview {
            // A fixed number of rows, without the blank rows between paragraphs; cut notes
            // end in `…` (Enter shows them whole).
            notes.removeAll { $0.allSatisfy { $0.text.allSatisfy(\.isWhitespace) } }
            if notes.count > previewNoteRows {
                let last = notes[previewNoteRows - 1].map(\.text).joined()
                notes = Array(notes.prefix(previewNoteRows - 1)) + [[Span((last + " …").truncated(toWidth: width))]]
            }
            notes += Array(repeating: [], count: previewNoteRows - notes.count)
        }
        lines += notes

        lines.append([])
        if preview, !badgeLines.isEmpty {
            // Always two rows, so Associations keep their row from one call with a badge to
            // the next (a recording's meaning takes one, a voicemail's two).
            lines += badgeLines + Array(repeating: [], count: max(0, previewBadgeRows - badgeLines.count))
            lines.append([])
        }
        lines.append([Span("Associations", Theme.header)])
        if !complete {
            lines.append([Span("…", Theme.dim)])
        } else if detail.allRecords.isEmpty {
            lines.append([Span("Not associated with any record.", Theme.dim)])
        }
        for type in ObjectType.recordTypes {
            guard let records = detail.associations[type], !records.isEmpty else { continue }
            lines.append([Span("\(type.rawValue.prefix(1).uppercased() + type.rawValue.dropFirst()) (\(records.count))", Theme.label)])
            for record in records {
                // The pin marker comes first so a narrow pane cannot cut it off.
                var spans = [Span("  ")]
                if record.pins(call.id) { spans.append(Span("[pinned] ", Theme.pinned)) }
                spans.append(Span(Clean.line(record.name, width: width)))
                if let subtitle = record.subtitle { spans.append(Span(" " + Clean.line(subtitle, width: width), Theme.dim)) }
                lines.append(spans)
            }
        }
        if preview, !extraLines.isEmpty {
            lines.append([])
            lines += extraLines
        }
        return lines
    }

    /// The badge and what it means, wrapped rather than cut (the meaning is the point of
    /// the line); in the side pane at most ``previewBadgeRows`` rows, enough for every
    /// meaning from 30 columns on. None for a call without a badge.
    static func badgeLines(_ badge: VoicemailBadge?, width: Int, preview: Bool) -> [[Span]] {
        guard let badge else { return [] }
        let name = Theme.glyph(badge) + " " + Theme.name(badge)
        let text = name + " — " + badge.meaning
        var rows = text.wrapped(toWidth: width)
        if preview, rows.count > previewBadgeRows {
            let rest: String = rows[(previewBadgeRows - 1)...].joined(separator: " ")
            rows = Array(rows.prefix(previewBadgeRows - 1))
            rows.append(rest.truncated(toWidth: width))
        }
        return rows.enumerated().map { i, row in
            guard i == 0, row.hasPrefix(name) else { return [Span(row, Theme.dim)] }
            return [Span(name, Theme.style(badge)), Span(String(row.dropFirst(name.count)), Theme.dim)]
        }
    }

    /// A property value for people: outcome labels, owner names, local and exact times,
    /// durations, status and direction labels, and option labels of other enumerations (as
    /// the edit form shows them).
    ///
    /// Without `exact` (the side pane), times leave out the exact UTC form the opened detail
    /// adds, so they fit beside the list.
    static func format(name: String, type: PropertyDefinition.ValueType, options: [PropertyOption] = [], raw: String?, _ state: AppState, exact: Bool = true) -> String {
        guard let raw, !raw.isEmpty else { return "" }
        switch name {
        case CallProperty.disposition: return "\(state.lookups.outcomes.label(for: raw)) (\(OutcomeCatalog.shortGUID(raw)))"
        case CallProperty.owner: return state.lookups.ownerName(raw) ?? raw
        case CallProperty.duration:
            guard let ms = Int(raw) ?? Double(raw).map({ Int($0) }) else { return raw }
            return "\(Call.formatDuration(milliseconds: ms)) (\(ms) ms)"
        case CallProperty.status: return CallStatus(raw).label
        case CallProperty.direction: return CallDirection(raw).label
        default: break
        }
        if type == .datetime || type == .date, let text = TimeFormat.detailTime(raw, timeZone: state.timeZone, exact: exact) {
            return text
        }
        if let option = options.first(where: { $0.value == raw }) { return option.label }
        return raw
    }
}
