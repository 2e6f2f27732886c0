import CallsCore
import Foundation

/// Global actions: quitting, help, refresh, undo, copy, and everything done to the current
/// call (edit, outcome, quick-log, pin, associate, remove association, delete).
enum CallController {
    static let context = BrowserContext.global

    static let mutating: Set<Action> = [.editCall, .setOutcome, .quickLog, .pinCall, .associateRecord, .removeAssociation, .deleteCall, .undo]
    static let needsCall: Set<Action> = [.editCall, .pinCall, .associateRecord, .removeAssociation, .copyID]

    static func disabledReason(_ action: Action, _ state: AppState) -> String? {
        if state.readOnly, mutating.contains(action) {
            return "Read-only mode: \(ActionTable.configName(of: action)) is disabled"
        }
        if needsCall.contains(action), state.currentCallID == nil { return "No call selected" }
        switch action {
        case .setOutcome, .deleteCall:
            if state.list.marked.isEmpty, state.currentCallID == nil { return "No call selected" }
        case .undo:
            if state.undo == nil { return state.expiredUndo ?? "Nothing to undo" }
        case .removeAssociation, .pinCall:
            guard let id = state.currentCallID, let detail = DetailController.loaded(state, id) else { return nil }
            if detail.allRecords.isEmpty {
                return action == .pinCall
                    ? "No associated record to pin it on; associate one first (\(state.bindings.firstKey(for: .associateRecord, from: .global) ?? "a"))"
                    : "This call has no associations to remove"
            }
        default: break
        }
        return nil
    }

    static func perform(_ state: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case .quit: return quit(&state)
        case .back:
            if state.focus == .detail { state.focus = .list; return [] }
            return quit(&state)
        case .showHelp:
            HelpController.open(&state)
            return []
        case .redraw:
            return [.redrawScreen]
        case .refresh:
            state.setStatus("Refreshing…", .info)
            var effects: [Effect] = [.loadLookups(token: state.token())]
            effects += ListController.reload(&state, keepSelection: true)
            state.list.refreshing = true
            // A draft whose call could not be loaded at the start (offline) tries again.
            if let draft = state.draftToRestore, case .edit(let id) = draft.kind {
                state.list.keepSelectionID = id
                effects += DetailController.load(&state, id, force: true)
            } else if let id = state.detail.callID {
                effects += DetailController.load(&state, id, force: true)
            }
            return effects
        case .copyID:
            guard let id = state.currentCallID else { return [] }
            return [.copyToClipboard(id)]
        case .undo: return Mutations.undo(&state)
        case .editCall, .pinCall, .removeAssociation:
            guard let id = state.currentCallID else { return [] }
            guard DetailController.loaded(state, id) != nil else {
                state.pendingIntent = PendingIntent(action: action, callID: id)
                state.setStatus("Loading the call…", .info)
                return DetailController.load(&state, id)
            }
            return withDetail(&state, action, id)
        case .setOutcome: return openOutcomePicker(&state)
        case .quickLog:
            state.modal = .form(FormBuilder.quickLog(state))
            return []
        case .associateRecord:
            guard let id = state.currentCallID else { return [] }
            let items = ObjectType.recordTypes.map { PickerItem(id: $0.rawValue, label: $0.label) }
            state.modal = .picker(PickerState(purpose: .associateType(callID: id), title: "Associate with…", items: items))
            return []
        case .deleteCall: return askDelete(&state)
        default: return []
        }
    }

    /// Actions that need the call's associations or every property, once the detail is here.
    static func withDetail(_ state: inout AppState, _ action: Action, _ id: String) -> [Effect] {
        if let reason = disabledReason(action, state) {
            state.setStatus(reason, .warning)
            return []
        }
        guard let detail = DetailController.loaded(state, id) else { return [] }
        switch action {
        case .editCall:
            state.modal = .form(FormBuilder.edit(detail.call, state))
        case .pinCall:
            let records = detail.allRecords
            if records.count == 1 { return Mutations.togglePin(&state, callID: id, record: records[0]) }
            let items = records.map { PickerItem(id: key($0.ref), label: "\($0.ref.type.label): \($0.name)", detail: $0.pins(id) ? "pinned — choose to unpin" : nil) }
            state.modal = .picker(PickerState(purpose: .pin(callID: id), title: "Pin on which record?", items: items))
        case .removeAssociation:
            let items = detail.allRecords.map { PickerItem(id: key($0.ref), label: "\($0.ref.type.label): \($0.name)", detail: $0.subtitle) }
            state.modal = .picker(PickerState(purpose: .removeAssociation(callID: id), title: "Remove which association?", items: items))
        default: break
        }
        return []
    }

    // MARK: - Outcome

    /// The outcome picker's entry that clears the outcome.
    static let noOutcome = PickerItem(id: "", label: "(none)")

    static func openOutcomePicker(_ state: inout AppState) -> [Effect] {
        let targets = targetIDs(state)
        guard !targets.isEmpty else { return [] }
        let current = targets.count == 1 ? call(state, targets[0])?.dispositionID ?? Self.noOutcome.id : nil
        // First, as in the edit form's outcome field: an outcome set by mistake can be taken
        // off, and `o` `Enter` on a call without one changes nothing.
        let items = [Self.noOutcome] + state.lookups.outcomes.outcomes.map { PickerItem(id: $0.id, label: $0.label, detail: $0.isDefault ? nil : "custom") }
        let title = targets.count == 1 ? "Outcome" : "Outcome of \(targets.count) marked calls"
        state.modal = .picker(PickerState(purpose: .outcome(callIDs: targets), title: title, items: items, currentID: current))
        return []
    }

    // MARK: - Delete

    static func askDelete(_ state: inout AppState) -> [Effect] {
        let targets = targetIDs(state)
        guard !targets.isEmpty else { return [] }
        let message: String
        if targets.count == 1, let call = call(state, targets[0]) {
            let when = call.timestamp.map { TimeFormat.local($0, timeZone: state.timeZone) } ?? "no date"
            message = "Delete the call “\(call.title ?? "(untitled)")” of \(when)?"
        } else {
            message = "Delete the \(targets.count) marked calls?"
        }
        state.modal = .confirm(ConfirmState(title: "Delete", message: message, yesLabel: "Delete", purpose: .deleteCalls(ids: targets)))
        return []
    }

    // MARK: - Quit

    /// Quits once every delete is answered: pending ones are sent first, and deletes already
    /// out are waited for, so a failure can be reported. Quitting again while waiting quits
    /// at once; the deletes still out are then reported as unconfirmed.
    static func quit(_ state: inout AppState) -> [Effect] {
        let sending = state.inFlight.values.flatMap(\.deleting)
        if state.quitting {
            state.failedDeletesAtQuit += sending.map {
                FailedDelete(id: $0.row.id, title: $0.row.call.title, reason: "quit before the service answered; the call may still exist")
            }
            return [.quit]
        }
        let pending = state.pendingDeletes.values.sorted { $0.row.id < $1.row.id }
        guard !pending.isEmpty || !sending.isEmpty else { return [.quit] }
        state.pendingDeletes = [:]
        state.quitting = true
        state.setStatus("Sending \(pending.count + sending.count) delete(s) before quitting…", .info)
        guard !pending.isEmpty else { return [] }
        let token = state.token()
        state.inFlight[token] = InFlight(label: "Delete", rollback: nil, undo: nil, deleting: pending)
        return [.batchArchive(token: token, ids: pending.map(\.row.id))]
    }

    /// The process must end (terminal closed, SIGTERM): the open form's unsaved changes are
    /// written to the draft (restored on the next start), then it quits as `Q` does, sending
    /// pending deletes first.
    static func terminate(_ state: inout AppState) -> [Effect] {
        var effects: [Effect] = []
        if let form = state.openForm, form.isDirty { effects.append(.saveDraft(FormDraft(form))) }
        state.setStatus("Closing…", .info)
        return effects + quit(&state)
    }

    // MARK: - Helpers

    /// The marked calls, else the current one.
    static func targetIDs(_ state: AppState) -> [String] {
        if !state.list.marked.isEmpty { return state.list.rows.loaded.map(\.id).filter { state.list.marked.contains($0) } }
        return state.currentCallID.map { [$0] } ?? []
    }

    /// The freshest copy of a call: the detail's when loaded, else the list row's.
    static func call(_ state: AppState, _ id: String) -> Call? {
        DetailController.loaded(state, id)?.call ?? state.list.rows.loaded.first { $0.id == id }?.call
    }

    /// Picker ids for records: `contacts:123`.
    static func key(_ ref: ObjectRef) -> String { "\(ref.type.rawValue):\(ref.id)" }

    static func ref(fromKey key: String) -> ObjectRef? {
        let parts = key.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let type = ObjectType(rawValue: parts[0]) else { return nil }
        return ObjectRef(type, parts[1])
    }
}
