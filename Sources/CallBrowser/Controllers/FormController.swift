import CallsCore
import Foundation

/// The edit and quick-log forms: moving between fields, typing, choosing, the call timer,
/// inline validation, saving only what changed, and asking before unsaved changes are lost.
enum FormController {
    static let context = BrowserContext.form

    static func disabledReason(_ action: Action, _ state: AppState) -> String? {
        guard case .form(let form) = state.modal else { return nil }
        switch action {
        case .toggleTimer where form.kind != .quickLog: return "The call timer is only in the quick-log form"
        case .save where form.savingToken != nil: return "Already saving…"
        default: return nil
        }
    }

    static func perform(_ state: inout AppState, _ action: Action) -> [Effect] {
        guard case .form(var form) = state.modal else { return [] }
        switch action {
        case .nextField: form.focus = step(form, from: form.focus, by: 1)
        case .previousField: form.focus = step(form, from: form.focus, by: -1)
        case .save: return save(&state, form)
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
            } else if field.kind == .multiline, form.focus != form.lastEditableIndex {
                state.modal = .form(form)
                return insert(&state, "\n")
            } else if form.focus == form.lastEditableIndex {
                return save(&state, form)
            } else {
                form.focus = step(form, from: form.focus, by: 1)
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

    /// The next editable field in a direction, wrapping around.
    static func step(_ form: FormState, from index: Int, by delta: Int) -> Int {
        let count = form.fields.count
        guard count > 0 else { return 0 }
        var i = index
        for _ in 0..<count {
            i = (i + delta + count) % count
            if !form.fields[i].readOnly { return i }
        }
        return index
    }

    // MARK: - Typing

    static func editKey(_ state: inout AppState, _ key: String) -> [Effect] {
        guard case .form(var form) = state.modal, let field = form.focusedField, !field.readOnly else { return [] }
        if field.isChoice {
            guard let typed = typedText(key), typed != " " else { return [] }
            if field.kind == .record {
                var picker = PickerState(purpose: .formRecord(name: field.name), title: "Record (type to search contacts)", items: [], currentID: field.value)
                picker.query = typed
                form.picker = picker
                state.modal = .form(form)
                return PickerController.queryChanged(&state, picker)
            }
            var picker = PickerState(purpose: .formField(name: field.name), title: field.label, items: field.options, currentID: field.value)
            picker.query = typed
            picker.cursor = 0
            form.picker = picker
            state.modal = .form(form)
            return []
        }
        var value = Array(field.value)
        var caret = min(field.caret, value.count)
        switch key {
        case "<BS>", "<C-h>": if caret > 0 { value.remove(at: caret - 1); caret -= 1 }
        case "<Del>": if caret < value.count { value.remove(at: caret) }
        case "<Left>": caret = max(0, caret - 1)
        case "<Right>": caret = min(value.count, caret + 1)
        case "<Home>", "<C-a>": caret = 0
        case "<End>", "<C-e>": caret = value.count
        case "<C-u>": value = []; caret = 0
        default:
            guard let typed = typedText(key) else { return [] }
            value.insert(contentsOf: typed, at: caret)
            caret += typed.count
        }
        return changed(&state, &form, String(value), caret: caret)
    }

    static func insert(_ state: inout AppState, _ text: String) -> [Effect] {
        guard case .form(var form) = state.modal, let field = form.focusedField, !field.readOnly, !field.isChoice else { return [] }
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

    /// The wire value of a field (durations to milliseconds, local dates to epoch ms).
    static func wire(_ field: FormField, _ state: AppState) -> String {
        switch field.kind {
        case .datetime: TimeFormat.wireValue(fromLocal: field.value, timeZone: state.timeZone)
        case .duration: TimeFormat.durationMilliseconds(field.value)
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
            if field.kind == .duration, !value.isEmpty, Int(value) == nil {
                issues.append(ValidationIssue(property: field.name, code: "INVALID_NUMBER", message: "Duration must be h:mm:ss, m:ss or milliseconds"))
                continue
            }
            if creating, value.isEmpty { continue }
            properties[field.name] = value
        }
        return issues + CallValidation.validate(properties, creating: creating)
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
            state.modal = nil
            return Mutations.update(&state, changes: [callID: changes], label: "Saved \(candidates.count) change(s)") + [.clearDraft]
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

    /// Closes the form and forgets its draft; in quick-log-only mode, quits.
    static func close(_ state: inout AppState, discarded: Bool) -> [Effect] {
        state.modal = nil
        if state.quickLogOnly { return [.clearDraft, .quit] }
        return [.clearDraft]
    }

    // MARK: - Timer

    static func tickTimer(_ state: inout AppState) {
        guard case .form(var form) = state.modal, let started = form.timerStartedAt else { return }
        let elapsed = form.timerAccumulated + state.now.timeIntervalSince(started)
        form.setValue(Call.formatDuration(milliseconds: Int(elapsed * 1000)), of: CallProperty.duration)
        state.modal = .form(form)
    }
}
