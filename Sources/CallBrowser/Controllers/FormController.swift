import CallsCore
import Foundation
import TerminalKit

/// The edit and quick-log forms: moving between fields, typing, choosing, the call timer,
/// inline validation, saving only what changed, and asking before unsaved changes are lost.
enum FormController {
    static let context = BrowserContext.form

    static func disabledReason(_ action: Action, _ state: AppState) -> String? {
        guard case .form(let form) = state.modal else { return nil }
        switch action {
        case .toggleTimer where form.kind != .quickLog: return "The call timer is only in the quick-log form"
        case .save where form.savingToken != nil: return "Already saving…"
        // The save's answer closes the form, which help would hide.
        case .showHelp where form.savingToken != nil: return "Saving…"
        default: return nil
        }
    }

    static func perform(_ state: inout AppState, _ action: Action) -> [Effect] {
        guard case .form(var form) = state.modal else { return [] }
        switch action {
        case .nextField: form.moveFocus(by: 1)
        case .previousField: form.moveFocus(by: -1)
        case .save: return save(&state, form)
        case .showHelp:
            HelpController.open(&state)
            return []
        case .redraw:
            return [.redrawScreen]
        case .cancel:
            if form.isDirty {
                state.modal = .confirm(ConfirmState(title: "Unsaved changes", message: "Discard the changes to this form?", yesLabel: "Discard", purpose: .discardForm(form)))
                return []
            }
            return close(&state, discarded: true)
        case .choose:
            guard let field = form.focusedField, !field.readOnly else { break }
            if field.kind == .record {
                let token = state.token()
                var picker = PickerState(purpose: .formRecord(name: field.name), title: "Record (type to search contacts)", items: field.options, currentID: field.value)
                picker.loadingToken = token
                form.picker = picker
                state.modal = .form(form)
                return [.searchRecords(token: token, type: .contacts, query: "")]
            } else if field.isChoice {
                form.picker = PickerState(purpose: .formField(name: field.name), title: field.label, items: field.options, currentID: field.value)
            } else if field.kind == .multiline {
                // Enter starts a new line in the notes; <C-s> saves.
                state.modal = .form(form)
                return insert(&state, "\n")
            } else if form.focus == form.lastEditableIndex {
                return save(&state, form)
            } else {
                form.moveFocus(by: 1)
            }
        case .toggleTimer:
            if let started = form.timerStartedAt {
                form.timerAccumulated += state.now.timeIntervalSince(started)
                form.timerStartedAt = nil
                state.setStatus("Timer stopped at \(Call.formatDuration(milliseconds: Int(form.timerAccumulated * 1000)))", .info)
            } else {
                form.timerStartedAt = state.now
                state.setStatus("Timer running", .info)
            }
            form.setValue(Call.formatDuration(milliseconds: Int(form.timerAccumulated * 1000)), of: CallProperty.duration)
        default: break
        }
        state.modal = .form(form)
        return []
    }

    // MARK: - Typing

    static func editKey(_ state: inout AppState, _ key: String) -> [Effect] {
        guard case .form(var form) = state.modal, let field = form.focusedField, !field.readOnly else { return [] }
        if field.isChoice {
            guard let typed = typedText(key), typed != " " else { return [] }
            if field.kind == .record {
                var picker = PickerState(purpose: .formRecord(name: field.name), title: "Record (type to search contacts)", items: [], currentID: field.value)
                picker.choices.insertQuery(typed)
                form.picker = picker
                state.modal = .form(form)
                return PickerController.queryChanged(&state, picker)
            }
            var picker = PickerState(purpose: .formField(name: field.name), title: field.label, items: field.options, currentID: field.value)
            picker.choices.insertQuery(typed)
            picker.cursor = 0
            form.picker = picker
            state.modal = .form(form)
            return []
        }
        // Text fields edit with TerminalKit's readline keys (see FieldEditor).
        guard form.savingToken == nil, let parsed = Key(notation: key) else { return [] }
        var editor = field.base.editor
        guard editor.handle(parsed) else { return [] }
        return changed(&state, &form, editor.text, caret: editor.cursor)
    }

    /// Keys a multi-line field takes before the keymap: `<Up>`/`<Down>` move between its
    /// wrapped rows, and only move to the previous/next field from its first/last row.
    /// `nil`: the key is not the field's.
    static func multilineKey(_ state: inout AppState, _ key: String) -> [Effect]? {
        guard key == "<Up>" || key == "<Down>", case .form(var form) = state.modal, form.picker == nil,
              let field = form.focusedField, field.kind == .multiline, !field.readOnly else { return nil }
        var editor = field.base.editor
        guard editor.moveVisually(by: key == "<Up>" ? -1 : 1, width: FormView.multilineWidth(columns: state.columns)) else { return nil }
        form.fields[form.focus].caret = editor.cursor
        state.modal = .form(form)
        return []
    }

    /// Inserts text (a paste, or Enter's line break) at the caret; one-line fields get line
    /// breaks as spaces.
    static func insert(_ state: inout AppState, _ text: String) -> [Effect] {
        guard case .form(var form) = state.modal, form.savingToken == nil, let field = form.focusedField, !field.readOnly, !field.isChoice else { return [] }
        let clean = field.kind == .multiline ? text : text.replacingOccurrences(of: "\n", with: " ")
        var value = Array(field.value)
        let caret = min(field.caret, value.count)
        value.insert(contentsOf: clean, at: caret)
        return changed(&state, &form, String(value), caret: caret + clean.count)
    }

    static func fieldChosen(_ state: inout AppState, _ name: String, _ item: PickerItem) -> [Effect] {
        guard case .form(var form) = state.modal, let index = form.fields.firstIndex(where: { $0.name == name }) else { return [] }
        form.focus = index
        if !form.fields[index].options.contains(where: { $0.id == item.id }) { form.fields[index].options.append(item) }
        return changed(&state, &form, item.id, caret: 0)
    }

    /// Stores the new value, validates the field inline and writes the draft.
    static func changed(_ state: inout AppState, _ form: inout FormState, _ value: String, caret: Int) -> [Effect] {
        form.fields[form.focus].value = value
        form.fields[form.focus].caret = caret
        let field = form.fields[form.focus]
        form.fields[form.focus].error = issues(for: [field], creating: false, state).first?.message
        state.modal = .form(form)
        return [.saveDraft(FormDraft(form))]
    }

    // MARK: - Saving

    /// The wire value of a field (durations to milliseconds, local dates to epoch ms, notes
    /// to HTML).
    static func wire(_ field: FormField, _ state: AppState) -> String {
        if field.property.isHTML { return CallNotes.html(fromText: field.value) }
        return switch field.kind {
        case .datetime: TimeFormat.wireValue(fromLocal: field.value, timeZone: state.timeZone)
        case .duration: CallDuration.milliseconds(field.value).map(String.init) ?? field.value.trimmingCharacters(in: .whitespaces)
        default: field.value
        }
    }

    static func issues(for fields: [FormField], creating: Bool, _ state: AppState) -> [ValidationIssue] {
        var properties: [String: String] = [:]
        var issues: [ValidationIssue] = []
        for field in fields where field.name != FormBuilder.recordField {
            let value = wire(field, state)
            if field.kind == .number, !value.isEmpty, Double(value) == nil {
                issues.append(ValidationIssue(property: field.name, code: "INVALID_NUMBER", message: "\(field.label) must be a number"))
            }
            if field.kind == .duration, !value.isEmpty {
                // The parser says what is wrong (`1 5m`: a space splits the number), as
                // `hubcalls log --duration` does.
                do { _ = try CallDuration.parse(field.value) } catch {
                    issues.append(ValidationIssue(property: field.name, code: "INVALID_NUMBER", message: error.message))
                    continue
                }
            }
            if field.kind == .datetime, !value.isEmpty {
                // A local date with an impossible part never reaches HubSpotTimestamp in a form
                // it could name, so its range problem is asked for first.
                if let why = TimeFormat.rangeProblem(fromLocal: field.value) {
                    issues.append(ValidationIssue(property: field.name, code: "INVALID_DATE", message: dateMessage(field.value, .outOfRange(why), state)))
                    continue
                }
                if case .failure(let error) = HubSpotTimestamp.validate(value) {
                    issues.append(ValidationIssue(property: field.name, code: "INVALID_DATE", message: dateMessage(field.value, error.problem, state)))
                    continue
                }
            }
            if creating, value.isEmpty { continue }
            properties[field.name] = value
        }
        return issues + CallValidation.validate(properties, creating: creating)
    }

    /// What is wrong with a typed date, in the form's own terms (the field shows local time,
    /// not HubSpot's property name and ISO-8601 only).
    static func dateMessage(_ typed: String, _ problem: HubSpotTimestamp.Problem, _ state: AppState) -> String {
        let example = String(TimeFormat.local(state.now, timeZone: state.timeZone).prefix(16))
        let trimmed = typed.trimmingCharacters(in: .whitespaces)
        if problem == .seconds {
            return "\(trimmed) looks like epoch seconds (the call would land in 1970); use milliseconds (\(trimmed)000) or a date such as \(example)"
        }
        if case .outOfRange(let why) = problem {
            return "No such date: \(why)"
        }
        return "Not a date; use e.g. \(example) (\(TimeFormat.zoneName(state.timeZone, at: state.now))), ISO-8601 or epoch milliseconds"
    }

    static func save(_ state: inout AppState, _ form: FormState) -> [Effect] {
        var form = form
        if let started = form.timerStartedAt {
            form.timerAccumulated += state.now.timeIntervalSince(started)
            form.timerStartedAt = nil
            form.setValue(Call.formatDuration(milliseconds: Int(form.timerAccumulated * 1000)), of: CallProperty.duration)
        }
        let creating = form.kind == .quickLog
        let candidates = creating ? form.fields : form.fields.filter { !$0.readOnly && $0.value != $0.original }
        let found = issues(for: candidates, creating: creating, state)
        for index in form.fields.indices {
            form.fields[index].error = found.first { $0.property == form.fields[index].name }?.message
        }
        if let first = found.first {
            if let index = form.fields.firstIndex(where: { $0.name == first.property }) { form.focus = index }
            state.modal = .form(form)
            state.setStatus(first.message, .error)
            return []
        }
        switch form.kind {
        case .edit(let callID):
            guard !candidates.isEmpty else {
                state.setStatus("Nothing changed", .info)
                return close(&state, discarded: false)
            }
            let changes = Dictionary(uniqueKeysWithValues: candidates.map { ($0.name, wire($0, state)) })
            // The form stays open until the save is answered: a failure leaves the user's
            // values in place with the reason, and <C-s> tries again.
            let effects = Mutations.update(&state, changes: [callID: changes], label: "Saved \(candidates.count) change(s)")
            if case .saveCall(let token, _, _) = effects.first { form.savingToken = token }
            form.error = nil
            state.modal = .form(form)
            return effects
        case .quickLog:
            var properties: [String: String] = [:]
            for field in form.fields where field.name != FormBuilder.recordField {
                let value = wire(field, state)
                if !value.isEmpty { properties[field.name] = value }
            }
            let associations = form.field(FormBuilder.recordField).flatMap { CallController.ref(fromKey: $0.value) }.flatMap(AssociationInput.call(to:)).map { [$0] } ?? []
            let token = state.token()
            form.savingToken = token
            form.error = nil
            state.modal = .form(form)
            state.setStatus("Logging the call…", .info)
            return [.createCall(token: token, ObjectInput(properties: properties, associations: associations))]
        }
    }

    /// The save of the open form was answered: success closes it and forgets its draft.
    static func saved(_ state: inout AppState, token: Int) -> [Effect] {
        guard case .form(let form) = state.modal, form.savingToken == token else { return [] }
        state.modal = nil
        return [.clearDraft]
    }

    /// The save of the open form failed: the form keeps what the user typed and shows the
    /// reason (HubSpot's message), next to the field it names when it names one.
    static func saveFailed(_ state: inout AppState, token: Int, _ error: CRMError) -> Bool {
        guard case .form(var form) = state.modal, form.savingToken == token else { return false }
        form.savingToken = nil
        form.error = error.description
        for detail in error.errors {
            for name in detail.context?["propertyName"] ?? [] {
                if let index = form.fields.firstIndex(where: { $0.name == name }) { form.fields[index].error = detail.message }
            }
        }
        state.modal = .form(form)
        let key = state.bindings.firstKey(for: .save, from: .form) ?? "<C-s>"
        state.setStatus("Not saved: \(error.description) — \(key) tries again", .error)
        return true
    }

    /// Closes the form and forgets its draft; in quick-log-only mode, quits.
    static func close(_ state: inout AppState, discarded: Bool) -> [Effect] {
        state.modal = nil
        // A validation or save error was about this form: it must not outlive it.
        if discarded, state.status.message?.kind == .error { state.status.message = nil }
        if state.quickLogOnly { return [.clearDraft, .quit] }
        return [.clearDraft]
    }

    /// Owners and outcomes arrived after the quick-log form opened (`hubcalls log
    /// --interactive` opens it at once): its pickers get them, and an untouched owner field
    /// the configured owner.
    static func lookupsArrived(_ state: inout AppState) {
        guard case .form(var form) = state.modal, form.kind == .quickLog else { return }
        for index in form.fields.indices {
            switch form.fields[index].name {
            case CallProperty.owner:
                form.fields[index].options = FormBuilder.ownerOptions(state)
                if form.fields[index].value.isEmpty, form.fields[index].original.isEmpty, let id = FormBuilder.defaultOwnerID(state) {
                    form.fields[index].value = id
                    form.fields[index].original = id
                }
            case CallProperty.disposition:
                form.fields[index].options = FormBuilder.outcomeOptions(state)
            default:
                break
            }
        }
        state.modal = .form(form)
    }

    // MARK: - Timer

    static func tickTimer(_ state: inout AppState) {
        guard case .form(var form) = state.modal, let started = form.timerStartedAt else { return }
        let elapsed = form.timerAccumulated + state.now.timeIntervalSince(started)
        form.setValue(Call.formatDuration(milliseconds: Int(elapsed * 1000)), of: CallProperty.duration)
        state.modal = .form(form)
    }
}
