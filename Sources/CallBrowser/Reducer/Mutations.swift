import CallsCore
import Foundation

/// Every change to the CRM: applied to the state at once (optimistic), sent as an effect,
/// rolled back with the reason when it fails, and remembered for undo when it succeeds.
enum Mutations {
    // MARK: - Properties (edit, outcome)

    /// Sets properties on calls; one call is a `saveCall`, several a `batchUpdate`.
    static func update(_ state: inout AppState, changes: [String: [String: String]], label: String, undoable: Bool = true) -> [Effect] {
        let ids = changes.keys.sorted()
        guard !ids.isEmpty else { return [] }
        var previous: [String: [String: String]] = [:]
        for id in ids {
            let before = CallController.call(state, id)
            previous[id] = Dictionary(uniqueKeysWithValues: (changes[id] ?? [:]).keys.map { ($0, before?.object[property: $0] ?? "") })
            applyLocally(&state, id, changes[id] ?? [:])
        }
        let token = state.token()
        let revert = UndoEntry.Revert.update(callIDs: ids, previous: previous)
        state.inFlight[token] = InFlight(label: label, rollback: revert, undo: undoable ? UndoEntry(label: label, revert: revert) : nil)
        if ids.count == 1 { return [.saveCall(token: token, callID: ids[0], properties: changes[ids[0]] ?? [:])] }
        return [.batchUpdate(token: token, ids.map { ObjectUpdate(id: $0, properties: changes[$0] ?? [:]) })]
    }

    /// Sets the outcome of the calls that do not have it yet; choosing the outcome a call
    /// already has writes nothing (offline it would only report a failure for a no-op).
    static func setOutcome(_ state: inout AppState, ids: [String], outcome: PickerItem) -> [Effect] {
        let ids = ids.filter { (CallController.call(state, $0)?.object[property: CallProperty.disposition] ?? "") != outcome.id }
        let clearing = outcome.id.isEmpty
        guard !ids.isEmpty else {
            state.list.marked = []
            state.setStatus(clearing ? "Outcome unchanged: none set" : "Outcome unchanged: already \(outcome.label)", .info)
            return []
        }
        let changes = Dictionary(uniqueKeysWithValues: ids.map { ($0, [CallProperty.disposition: outcome.id]) })
        let label = switch (ids.count == 1, clearing) {
        case (true, true): "Outcome cleared"
        case (true, false): "Outcome set to \(outcome.label)"
        case (false, true): "Outcome of \(ids.count) calls cleared"
        case (false, false): "Outcome of \(ids.count) calls set to \(outcome.label)"
        }
        if ids.count > 1 { state.list.marked = [] }
        return update(&state, changes: changes, label: label)
    }

    /// Writes property values into the row and the detail (`""` clears).
    static func applyLocally(_ state: inout AppState, _ id: String, _ properties: [String: String]) {
        if let index = state.list.index(of: id) {
            state.list.rows.modify(at: index) { row in
                for (name, value) in properties { row.call.object[property: name] = value.isEmpty ? nil : value }
            }
        }
        if state.detail.detail?.call.id == id {
            for (name, value) in properties { state.detail.detail!.call.object[property: name] = value.isEmpty ? nil : value }
        }
        // A row an edit moved past the loaded pages: an undo must know its restored values
        // to put it back where they sort.
        if state.list.movedToGap[id] != nil {
            for (name, value) in properties { state.list.movedToGap[id]!.call.object[property: name] = value.isEmpty ? nil : value }
        }
    }

    // MARK: - Associations

    /// `label`: what the status line says when it is done, if not "Associated with …" (an
    /// undo says it undid the removal).
    static func associate(_ state: inout AppState, callID: String, record: RecordSummary, undoable: Bool = true, label: String? = nil) -> [Effect] {
        addLocally(&state, callID, record)
        let token = state.token()
        let label = label ?? "Associated with \(record.ref.type.singular) \(record.name)"
        state.inFlight[token] = InFlight(label: label, rollback: .removeAssociation(callID: callID, record: record.ref),
                                         undo: undoable ? UndoEntry(label: label, revert: .removeAssociation(callID: callID, record: record.ref)) : nil)
        return [.associate(token: token, callID: callID, record: record.ref)]
    }

    /// `label`: what the status line says when it is done, if not "Removed the association
    /// with …" (an undo says it undid the association).
    static func removeAssociation(_ state: inout AppState, callID: String, record: ObjectRef, undoable: Bool = true, label: String? = nil) -> [Effect] {
        let removed = removeLocally(&state, callID, record)
        let token = state.token()
        let name = removed?.name ?? record.description
        let label = label ?? "Removed the association with \(record.type.singular) \(name)"
        let revert = UndoEntry.Revert.associate(callID: callID, record: record, pinned: removed?.pins(callID) ?? false)
        state.inFlight[token] = InFlight(label: label, rollback: revert, undo: undoable ? UndoEntry(label: label, revert: revert) : nil)
        if let removed { state.removedRecords[CallController.key(record)] = removed }
        return [.removeAssociation(token: token, callID: callID, record: record)]
    }

    static func addLocally(_ state: inout AppState, _ callID: String, _ record: RecordSummary) {
        if state.detail.detail?.call.id == callID {
            var list = state.detail.detail!.associations[record.ref.type] ?? []
            if !list.contains(where: { $0.ref == record.ref }) { list.append(record) }
            state.detail.detail!.associations[record.ref.type] = list
        }
        nameRow(&state, callID, added: record)
        state.removedRecords[CallController.key(record.ref)] = record
    }

    @discardableResult
    static func removeLocally(_ state: inout AppState, _ callID: String, _ ref: ObjectRef) -> RecordSummary? {
        var removed: RecordSummary?
        if state.detail.detail?.call.id == callID {
            var list = state.detail.detail!.associations[ref.type] ?? []
            if let index = list.firstIndex(where: { $0.ref == ref }) { removed = list.remove(at: index) }
            state.detail.detail!.associations[ref.type] = list.isEmpty ? nil : list
        }
        if let index = state.list.index(of: callID), state.list.rows[index]?.record?.ref == ref {
            removed = removed ?? state.list.rows[index]?.record
        }
        nameRow(&state, callID, removed: ref)
        return removed
    }

    /// Names the call's row by the list's rule after an association change, as a reload
    /// would (QA4 Q4-2). With the call's detail loaded the rule sees every association;
    /// without it (`a` from the full-screen list) only the row's record and the changed one
    /// are known, and the detail corrects the row when it arrives.
    static func nameRow(_ state: inout AppState, _ callID: String, added: RecordSummary? = nil, removed: ObjectRef? = nil) {
        guard let index = state.list.index(of: callID) else { return }
        let record: RecordSummary?
        if let detail = state.detail.detail, detail.call.id == callID {
            record = detail.rowRecord
        } else {
            let known = [state.list.rows[index]?.record, added].compactMap { $0 }.filter { $0.ref != removed }
            record = CallRow.namingRecord(contacts: known.filter { $0.ref.type == .contacts }, companies: known.filter { $0.ref.type == .companies })
        }
        guard state.list.rows[index]?.record != record else { return }
        state.list.rows.modify(at: index) { $0.record = record }
    }

    // MARK: - Pin

    static func togglePin(_ state: inout AppState, callID: String, record: RecordSummary) -> [Effect] {
        let unpin = record.pins(callID)
        let previous = record.pinnedEngagementID
        setPinLocally(&state, record.ref, unpin ? nil : callID)
        let token = state.token()
        let label = unpin ? "Unpinned from \(record.name)" : "Pinned on \(record.name)"
        state.inFlight[token] = InFlight(label: label, rollback: .pin(record: record.ref, previous: previous),
                                         undo: UndoEntry(label: label, revert: .pin(record: record.ref, previous: previous)))
        return [.pin(token: token, callID: unpin ? nil : callID, record: record.ref)]
    }

    static func setPinLocally(_ state: inout AppState, _ ref: ObjectRef, _ pinned: String?) {
        guard var detail = state.detail.detail, var list = detail.associations[ref.type],
              let index = list.firstIndex(where: { $0.ref == ref }) else { return }
        list[index].pinnedEngagementID = pinned
        detail.associations[ref.type] = list
        state.detail.detail = detail
    }

    // MARK: - Delete

    /// Hides the calls and starts their undo window; the archive is sent by a later tick.
    static func delete(_ state: inout AppState, ids: [String]) -> [Effect] {
        var hidden: [String] = []
        for id in ids {
            guard let index = state.list.index(of: id), let row = state.list.rows.remove(at: index) else { continue }
            state.pendingDeletes[id] = PendingDelete(row: row, index: index, deadline: state.now.addingTimeInterval(AppState.undoWindow))
            hidden.append(id)
        }
        guard !hidden.isEmpty else { return [] }
        state.list.marked.subtract(hidden)
        let undoKey = state.bindings.firstKey(for: .undo, from: .global) ?? "u"
        let what = hidden.count == 1 ? "Deleted" : "Deleted \(hidden.count) calls"
        state.undo = UndoEntry(label: what, revert: .restore(ids: hidden))
        state.setStatus("\(what) — \(undoKey) to undo", .success, for: AppState.undoWindow)
        // A full-screen detail would silently become the next call's: back to the list, where
        // the user sees which call the cursor is on now.
        if !state.isSplit, state.focus == .detail { state.focus = .list }
        return ListController.move(&state, to: state.list.cursor)
    }

    /// Puts rows whose delete is still pending (or failed) back where they were.
    static func restore(_ state: inout AppState, rows: [PendingDelete]) {
        for pending in rows.sorted(by: { $0.index < $1.index }) where state.list.index(of: pending.row.id) == nil {
            state.list.rows.insert(pending.row, at: min(pending.index, state.list.total))
        }
        ListController.keepCursorVisible(&state)
    }

    // MARK: - Rollback

    /// Puts local state back after a failed mutation.
    static func rollback(_ state: inout AppState, _ revert: UndoEntry.Revert, only ids: Set<String>? = nil) {
        switch revert {
        case .update(let callIDs, let previous):
            for id in callIDs where ids?.contains(id) ?? true { applyLocally(&state, id, previous[id] ?? [:]) }
        case .removeAssociation(let callID, let record):
            removeLocally(&state, callID, record)
        case .associate(let callID, let record, let pinned):
            if let summary = state.removedRecords[CallController.key(record)] { addLocally(&state, callID, summary.pinning(callID, pinned)) }
        case .pin(let record, let previous):
            setPinLocally(&state, record, previous)
        case .restore:
            break
        }
    }
}

extension RecordSummary {
    /// The summary with the call pinned on it when `pinned` (an association coming back
    /// with its pin), else as it is.
    func pinning(_ callID: String, _ pinned: Bool) -> RecordSummary {
        guard pinned else { return self }
        var copy = self
        copy.pinnedEngagementID = callID
        return copy
    }
}
