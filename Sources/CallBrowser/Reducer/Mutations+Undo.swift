import CallsCore
import Foundation

/// `u`: takes the last mutation back. The status line names the call it changed back (the
/// user may have moved on to another one, QA3 R9) and the cursor goes to that call, so the
/// list and the detail show what came back.
extension Mutations {
    static func undo(_ state: inout AppState) -> [Effect] {
        guard let entry = state.undo else { return [] }
        state.undo = nil
        state.expiredUndo = nil
        switch entry.revert {
        case .restore(let ids):
            let pending = ids.compactMap { state.pendingDeletes[$0] }
            guard !pending.isEmpty else {
                state.setStatus("Too late: the delete was already sent", .warning)
                return []
            }
            for p in pending { state.pendingDeletes[p.row.id] = nil }
            restore(&state, rows: pending)
            if let first = pending.min(by: { $0.index < $1.index }), let index = state.list.index(of: first.row.id) {
                state.list.cursor = index
                ListController.keepCursorVisible(&state)
            }
            state.setStatus(pending.count == 1 ? "Restored" : "Restored \(pending.count) calls", .success)
            return DetailController.follow(&state)
        default:
            // The label is what was done ("Removed the association with …"): quoted, so the
            // message reads as its undo, not as a new action (as a failure quotes it too).
            let callID = entry.revert.callID
            let subject = callID.map { " on \(name(state, $0, after: entry.revert))" } ?? ""
            state.setStatus("Undoing “\(entry.label)”\(subject)…", .info)
            let firstToken = state.nextToken
            let effects = revert(&state, entry.revert, label: "Undid “\(entry.label)”\(subject)")
            for token in firstToken..<state.nextToken {
                state.inFlight[token]?.failure = "Could not undo “\(entry.label)”\(subject)"
            }
            return effects + (callID.map { select(&state, $0) } ?? [])
        }
    }

    /// Sends the inverse of a mutation (as a new, non-undoable mutation); `label` is what the
    /// status line says once it is done.
    static func revert(_ state: inout AppState, _ revert: UndoEntry.Revert, label: String) -> [Effect] {
        switch revert {
        case .update(_, let previous):
            return update(&state, changes: previous, label: label, undoable: false)
        case .removeAssociation(let callID, let record):
            return removeAssociation(&state, callID: callID, record: record, undoable: false, label: label)
        case .associate(let callID, let record, let pinned):
            let summary = state.removedRecords[CallController.key(record)] ?? RecordSummary(ref: record, name: "\(record.type.label) \(record.id)")
            let effects = associate(&state, callID: callID, record: summary.pinning(callID, pinned), undoable: false, label: label)
            if pinned, case .associate(let token, _, _)? = effects.first { state.inFlight[token]?.thenPin = record }
            return effects
        case .pin(let record, let previous):
            setPinLocally(&state, record, previous)
            let token = state.token()
            state.inFlight[token] = InFlight(label: label, rollback: nil, undo: nil)
            return [.pin(token: token, callID: previous, record: record)]
        case .restore:
            return []
        }
    }

    /// An undone removal's association is back: pins the call on the record again. The
    /// status line says the undo is done once the pin is too; if the pin fails, the
    /// association stays and the message says only the pin did not come back.
    static func repin(_ state: inout AppState, callID: String, record: ObjectRef, after flight: InFlight) -> [Effect] {
        let token = state.token()
        var pin = InFlight(label: flight.label, rollback: .pin(record: record, previous: nil), undo: flight.undo)
        pin.failure = "The association is back, but the call could not be pinned on it again"
        state.inFlight[token] = pin
        return [.pin(token: token, callID: callID, record: record)]
    }

    // MARK: - The call undone

    /// The call as the undo leaves it: its title (cleaned and shortened like other titles in
    /// the status line; an undone retitle names the title it gets back), else its id.
    static func name(_ state: AppState, _ id: String, after revert: UndoEntry.Revert) -> String {
        var title = CallController.call(state, id)?.title
        if case .update(_, let previous) = revert, let old = previous[id]?[CallProperty.title] {
            title = old.isEmpty ? nil : old
        }
        return title.map { "“\(Clean.line($0, width: 60))”" } ?? "call \(id)"
    }

    /// Puts the cursor on the undone call when it is on the loaded pages; the side pane (or
    /// the full-screen detail) follows it. A call further away is named by the message only.
    static func select(_ state: inout AppState, _ id: String) -> [Effect] {
        guard let index = state.list.index(of: id) else { return [] }
        state.list.followID = nil
        state.list.cursor = index
        ListController.keepCursorVisible(&state)
        return ListController.prefetchIfNeeded(&state) + DetailController.follow(&state)
    }
}
