import CallsCore
import Foundation

extension Reducer {
    /// Results of effects. Stale results (a token no longer awaited) are dropped.
    static func handleResult(_ state: inout AppState, _ msg: Msg) -> [Effect] {
        switch msg {
        case .lookupsLoaded(_, let lookups):
            state.lookups = lookups
            if let wanted = state.defaultOwner, FormBuilder.defaultOwnerID(state) == nil {
                state.setStatus("config.toml: owner “\(Clean.line(wanted, width: 60))” is none of the account's owners; quick-logged calls get no owner", .warning, for: 10)
            }
            FormController.lookupsArrived(&state)
            return []
        case .lookupsFailed(_, let error):
            state.setStatus("Could not load owners and outcomes: \(error.description)", .error)
            return []

        case .callsLoaded(let token, let generation, let rows, let total, let nextAfter):
            guard token == state.list.loadingToken, generation == state.list.generation else { return [] }
            state.list.loadingToken = nil
            state.list.loadError = nil
            return ListController.pageLoaded(&state, rows: rows, total: total, nextAfter: nextAfter)
        case .callsFailed(let token, _, let error):
            guard token == state.list.loadingToken else { return [] }
            state.list.loadingToken = nil
            state.list.refreshing = false
            state.list.loadError = error
            state.setStatus("Could not load calls: \(error.description)", .error)
            return []

        case .detailLoaded(let token, let detail):
            guard token == state.detail.loadingToken else { return [] }
            state.detail.loadingToken = nil
            state.detail.detail = detail
            state.detail.readDuringWrite = !state.inFlight.isEmpty
            for record in detail.allRecords { state.removedRecords[CallController.key(record.ref)] = record }
            // The detail is newer than the list's page: its associations name the row (a
            // change made without the detail loaded, another client's). Read during a write,
            // it may not have the write yet; the load after the write does.
            if !state.detail.readDuringWrite { Mutations.nameRow(&state, detail.call.id) }
            return afterDetail(&state, detail)
        case .effectDropped:
            // Whatever replaced it owns the screen; only the spinner's count changes.
            return []
        case .detailFailed(let token, let callID, let error):
            guard token == state.detail.loadingToken else { return [] }
            state.detail.loadingToken = nil
            state.detail.error = error.description
            if state.pendingIntent?.callID == callID {
                // What was typed for the action's form must not run on the list instead.
                state.pendingIntent = nil
                state.typeAhead = []
            }
            if let draft = state.draftToRestore, case .edit(let id) = draft.kind, id == callID {
                // A draft is dropped only with its call (QA4 Q4-24: an offline start deleted
                // it). Even then it is set aside, not deleted: its text is the user's.
                guard error.kind == .notFound else {
                    state.setStatus("Could not load call \(callID) to restore its unsaved draft: \(error.description). The draft is kept: R tries again, and the next start offers it", .warning, for: 15)
                    return []
                }
                state.draftToRestore = nil
                state.setStatus("Did not restore the draft for call \(callID): the call no longer exists", .warning, for: 15)
                return [.setDraftAside]
            }
            state.setStatus("Could not load call \(callID): \(error.description)", .error)
            return []

        case .callSaved(let token, let object):
            guard let flight = state.inFlight.removeValue(forKey: token) else { return [] }
            let returned = object.properties.compactMapValues { $0 }
            Mutations.applyLocally(&state, object.id, returned.filter { CallFilter.listProperties.contains($0.key) })
            // The detail shows every property: what the service set itself on the save
            // (hs_lastmodifieddate) is current there without `R` (QA3 R6).
            if state.detail.detail?.call.id == object.id {
                for (name, value) in returned where !CallFilter.listProperties.contains(name) {
                    state.detail.detail!.call.object[property: name] = value.isEmpty ? nil : value
                }
            }
            succeeded(&state, flight)
            let closed = FormController.saved(&state, token: token)
            return closed + ListController.reposition(&state, id: object.id)
        case .saveFailed(let token, let error):
            let effects = failed(&state, token, error)
            _ = FormController.saveFailed(&state, token: token, error)
            return effects

        case .batchUpdated(let token, let updated, let failures):
            guard let flight = state.inFlight.removeValue(forKey: token) else { return [] }
            guard !failures.isEmpty else {
                succeeded(&state, flight)
                return []
            }
            let okIDs = Set(updated.map(\.id))
            if let rollback = flight.rollback, case .update(let ids, _) = rollback {
                Mutations.rollback(&state, rollback, only: Set(ids.filter { !okIDs.contains($0) }))
            }
            let list = failures.prefix(3).map { "\($0.id ?? "?"): \($0.message)" }.joined(separator: "; ")
            state.setStatus("\(updated.count) updated, \(failures.count) failed — \(list)", .error)
            return []

        case .associated(let token), .associationRemoved(let token):
            guard let flight = state.inFlight.removeValue(forKey: token) else { return [] }
            if let record = flight.thenPin, let callID = flight.rollback?.callID {
                return Mutations.repin(&state, callID: callID, record: record, after: flight)
            }
            succeeded(&state, flight)
            return []
        case .associateFailed(let token, let error), .removeAssociationFailed(let token, let error), .pinFailed(let token, let error):
            return failed(&state, token, error)
        case .pinned(let token, let record, let pinnedID):
            guard let flight = state.inFlight.removeValue(forKey: token) else { return [] }
            Mutations.setPinLocally(&state, record, pinnedID)
            succeeded(&state, flight)
            return []

        case .callsArchived(let token, let archived, let failures):
            let deleting = state.inFlight.removeValue(forKey: token)?.deleting ?? []
            return archivedResult(&state, deleting: deleting, archived: archived, failures: failures)

        case .callCreated(let token, let object):
            guard case .form(let form) = state.modal, form.savingToken == token else { return [] }
            state.modal = nil
            state.loggedCall = Call(object)
            let title = Call(object).title.map { "“\($0)”" } ?? object.id
            state.setStatus("Logged call \(title)", .success)
            if state.quickLogOnly { return [.clearDraft, .quit] }
            // The cursor goes to the new call where the order puts it: the top, newest first;
            // the bottom, oldest first, on a page not loaded yet (see `ListController.follow`).
            let reload = ListController.reload(&state, keepSelection: true)
            state.list.keepSelectionID = object.id
            state.list.followID = object.id
            state.list.followReloaded = false
            return [.clearDraft] + reload
        case .createFailed(let token, let error):
            guard case .form(var form) = state.modal, form.savingToken == token else { return [] }
            form.savingToken = nil
            form.error = error.description
            state.modal = .form(form)
            state.setStatus("Could not log the call: \(error.description)", .error)
            return []

        case .callLocated(_, let generation, let callID, let place):
            guard generation == state.list.generation, state.list.followID == callID else { return [] }
            return ListController.located(&state, callID, at: place)
        case .locateFailed(_, let callID, let error):
            guard state.list.followID == callID else { return [] }
            state.list.followID = nil
            state.setStatus("Could not find call \(callID) in the list: \(error.description)", .error)
            return []

        case .recordsFound(let token, let records):
            guard var picker = PickerController.current(state), picker.loadingToken == token else { return [] }
            picker.loadingToken = nil
            if case .formRecord = picker.purpose {
                let found = records.map { PickerItem(id: CallController.key($0.ref), label: "\($0.ref.type.label): \($0.name)", detail: $0.subtitle) }
                let none = PickerItem(id: "", label: "(none)")
                picker.items = picker.query.isEmpty ? [none] + found : found
            } else {
                picker.items = records.map { PickerItem(id: $0.ref.id, label: $0.name, detail: $0.subtitle) }
            }
            PickerController.set(&state, picker)
            return PickerController.chooseIfAsked(&state, picker)
        case .recordSearchFailed(let token, let error):
            guard var picker = PickerController.current(state), picker.loadingToken == token else { return [] }
            picker.loadingToken = nil
            picker.chooseWhenFound = false
            PickerController.set(&state, picker)
            state.setStatus("Search failed: \(error.description)", .error)
            return []

        case .draftLoaded(let draft):
            return restoreDraft(&state, draft)
        case .draftWritten(let error):
            if let error { state.setStatus(error, .warning) }
            return []
        case .draftSetAside(let path):
            let text = state.status.message?.text ?? "Did not restore the draft"
            state.setStatus("\(text); it is kept in \(Clean.line(path, width: 200))", .warning, for: 15)
            return []
        case .copied(let text):
            state.setStatus("Copied \(text) to the clipboard", .success)
            return []
        default:
            return []
        }
    }

    // MARK: - Mutation outcomes

    static func succeeded(_ state: inout AppState, _ flight: InFlight) {
        if let undo = flight.undo {
            state.undo = undo
            let key = state.bindings.firstKey(for: .undo, from: .global) ?? "u"
            state.setStatus("\(flight.label) — \(key) to undo", .success)
        } else {
            state.setStatus(flight.label, .success)
        }
    }

    static func failed(_ state: inout AppState, _ token: Int, _ error: CRMError) -> [Effect] {
        guard let flight = state.inFlight.removeValue(forKey: token) else { return [] }
        if let rollback = flight.rollback { Mutations.rollback(&state, rollback) }
        // The label is the success text ("Outcome set to …"): quote it and say it did not
        // happen, rather than reading as if it had.
        let putBack = flight.rollback == nil ? "" : "; put back as it was"
        if let failure = flight.failure {
            state.setStatus("\(failure): \(error.description)", .error)
        } else {
            state.setStatus("“\(flight.label)” did not go through\(putBack): \(error.description)", .error)
        }
        return []
    }

    /// A delete was answered. Calls it did not delete go back where they were, with the
    /// reason in the status line (a reload would not bring them back when offline); while
    /// quitting they are kept for the exit report, and the app quits once no delete is out.
    static func archivedResult(_ state: inout AppState, deleting: [PendingDelete], archived: [String], failures: [CRMError]) -> [Effect] {
        if !archived.isEmpty { state.list.rows.shiftOffsets(by: archived.count) }
        // A call someone else deleted meanwhile is gone as the user wanted: not a failure.
        let alreadyGone = failures.filter { $0.kind == .notFound }.compactMap(\.id)
        let failures = failures.filter { $0.kind != .notFound }
        let done = Set(archived + alreadyGone)
        let notDeleted = deleting.filter { !done.contains($0.row.id) }
        let failed = notDeleted.map { pending in
            let error = failures.first { $0.id == pending.row.id } ?? failures.first
            return FailedDelete(id: pending.row.id, title: pending.row.call.title, reason: error?.description ?? "the service did not confirm the delete")
        }
        if !failed.isEmpty {
            Mutations.restore(&state, rows: notDeleted)
            state.expiredUndo = nil
            state.setStatus(deleteFailureMessage(failed), .error)
        } else if !failures.isEmpty {
            // Failures for calls this delete was not tracking (should not happen): say so.
            let list = failures.prefix(3).map { "\($0.id ?? "?"): \($0.message)" }.joined(separator: "; ")
            state.setStatus("\(failures.count) delete(s) failed — \(list)", .error)
        }
        guard state.quitting else { return [] }
        state.failedDeletesAtQuit += failed
        let stillOut = state.inFlight.values.contains { !$0.deleting.isEmpty }
        return stillOut ? [] : [.quit]
    }

    /// `Could not delete “Title”: <reason>; it is back in the list`.
    static func deleteFailureMessage(_ failed: [FailedDelete]) -> String {
        guard let first = failed.first else { return "" }
        let reason = first.reason
        if failed.count == 1 {
            let name = first.title.map { "“\(Clean.line($0, width: 60))”" } ?? "call \(first.id)"
            return "Could not delete \(name): \(reason); it is back in the list"
        }
        return "Could not delete \(failed.count) calls: \(reason); they are back in the list"
    }

    // MARK: - Detail-dependent follow-ups

    static func afterDetail(_ state: inout AppState, _ detail: CallDetail) -> [Effect] {
        if let draft = state.draftToRestore, case .edit(let id) = draft.kind, id == detail.call.id {
            state.draftToRestore = nil
            let form = FormBuilder.edit(detail.call, state)
            // Its save went through after all (it landed while the app was closing, QA4
            // Q4-25): nothing is unsaved.
            if FormBuilder.isSaved(draft, form) {
                let title = detail.call.title.map { "“\(Clean.line($0, width: 40))”" } ?? "call \(id)"
                state.setStatus("The draft for \(title) had been saved", .info)
                return [.clearDraft]
            }
            let changed = FormBuilder.changedSince(draft, form)
            guard changed.isEmpty else {
                // Nothing is lost: the draft is moved aside, where the status says.
                let title = detail.call.title.map { "“\(Clean.line($0, width: 40))”" } ?? "call \(id)"
                state.setStatus("Did not restore the draft for \(title): the call has changed since (\(changed.prefix(3).joined(separator: ", ")))", .warning, for: 15)
                return [.setDraftAside]
            }
            state.modal = .form(FormBuilder.placeCarets(FormBuilder.apply(draft, to: form), columns: state.columns))
            state.setStatus("Restored an unsaved draft", .info)
            // The cursor goes to the call the form edits, so the list and side pane show it
            // (QA3 R11); a call not on the loaded pages is named by the form's title.
            if let index = state.list.index(of: id) {
                state.list.cursor = index
                ListController.keepCursorVisible(&state)
            }
            // An edit asked for meanwhile is this form; what was typed for it goes into it.
            guard state.pendingIntent?.callID == detail.call.id else { return [] }
            state.pendingIntent = nil
            return replayTypeAhead(&state)
        }
        if let intent = state.pendingIntent, intent.callID == detail.call.id {
            state.pendingIntent = nil
            if state.status.message?.text == "Loading the call…" { state.status.message = nil }
            let effects = CallController.withDetail(&state, intent.action, intent.callID)
            // What was typed meanwhile was for the form or picker the action opens. When it
            // opens none (a pin on the only record is done at once; a refused action) the
            // keys are dropped: on the list, `d` `y` meant for a picker would delete a call.
            guard state.modal != nil else {
                state.typeAhead = []
                return effects
            }
            return effects + replayTypeAhead(&state)
        }
        return []
    }

    static func restoreDraft(_ state: inout AppState, _ draft: FormDraft?) -> [Effect] {
        guard let draft else {
            if state.quickLogOnly, state.modal == nil { state.modal = .form(FormBuilder.quickLog(state)) }
            return []
        }
        switch draft.kind {
        case .quickLog:
            state.modal = .form(FormBuilder.placeCarets(FormBuilder.apply(draft, to: FormBuilder.quickLog(state)), columns: state.columns))
            state.setStatus("Restored an unsaved draft", .info)
            return []
        case .edit(let id):
            if state.quickLogOnly {
                // The popup logs a call; the edit is left on disk for the browser.
                state.keepsOthersDraft = true
                if state.modal == nil { state.modal = .form(FormBuilder.quickLog(state)) }
                state.setStatus("Call \(Clean.line(id, width: 40))'s unsaved edit is kept for the browser", .info, for: 10)
                return []
            }
            state.draftToRestore = draft
            // The first page may come later: it then puts the cursor on the draft's call.
            if state.list.index(of: id) == nil, !state.list.loadedOnce { state.list.keepSelectionID = id }
            return DetailController.load(&state, id, force: true)
        }
    }
}
