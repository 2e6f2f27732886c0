import CallsCore
import Foundation
import TerminalKit

/// Builds forms: the edit form from the call property definitions, and the quick-log form.
enum FormBuilder {
    /// Name of the quick-log form's record field (not a HubSpot property).
    static let recordField = "record"

    /// One field per visible property definition, in display order; read-only properties are
    /// shown but cannot be edited.
    static func edit(_ call: Call, _ state: AppState) -> FormState {
        let definitions = state.lookups.callProperties.isEmpty
            ? StandardProperties.definitions(for: .calls, outcomes: state.lookups.outcomes)
            : state.lookups.callProperties
        let fields = definitions.filter { !$0.hidden }.sorted { $0.displayOrder < $1.displayOrder }.map { def in
            field(def, value: call.object[property: def.name] ?? "", state)
        }
        // The frame names the call as the list does: API text cleaned (QA3 R5).
        let name = Clean.line(call.title, width: 200)
        let form = FormState(kind: .edit(callID: call.id), title: "Edit call “\(name.isEmpty ? call.id : name)”", fields: fields)
        return placeCarets(form, columns: state.columns)
    }

    // MARK: - Where the caret starts

    /// Puts each typed field's caret where it starts as the form opens (QA3 R4). vim opens a
    /// file at its first line and mutt's editor a message at its top: what is seen first is
    /// the start of the text, never its middle. So the caret goes to the end (ready to append,
    /// as readline recalls a line) only when the whole text is visible with it there; a text
    /// longer than its field opens with the caret at its start, showing it from the top.
    static func placeCarets(_ form: FormState, columns: Int) -> FormState {
        var form = form
        for index in form.fields.indices where !form.fields[index].readOnly && !form.fields[index].isChoice {
            let field = form.fields[index]
            form.fields[index].caret = fitsWithCaretAtEnd(field, columns: columns) ? field.value.count : 0
        }
        return form
    }

    /// Whether the field shows all its text with the caret after the last character, as
    /// ``FormView`` draws it: a multi-line field in ``FormView/multilineRows`` wrapped rows,
    /// a one-line field within its width (less the caret's column and a margin).
    static func fitsWithCaretAtEnd(_ field: FormField, columns: Int) -> Bool {
        let width = FormView.multilineWidth(columns: columns)
        if field.kind == .multiline {
            let clean = Clean.sanitizer.lines(field.value).joined(separator: "\n")
            let editor = FieldEditor(verbatim: clean, cursor: clean.count, multiline: true)
            return editor.visualCursor(width: width).row < FormView.multilineRows
        }
        return Clean.line(field.value, width: 100_000).displayWidth <= width - 2
    }

    static func field(_ def: PropertyDefinition, value raw: String, _ state: AppState) -> FormField {
        let readOnly = def.readOnlyValue || def.calculated
        if def.referencesOwner {
            return FormField(name: def.name, label: def.label, kind: .owner, value: raw, readOnly: readOnly, options: ownerOptions(state))
        }
        if def.name == CallProperty.disposition {
            return FormField(name: def.name, label: def.label, kind: .enumeration, value: raw, readOnly: readOnly, options: outcomeOptions(state))
        }
        if def.name == CallProperty.duration {
            let text = Int(raw).map { Call.formatDuration(milliseconds: $0) } ?? raw
            return FormField(name: def.name, label: "Call duration", kind: .duration, value: text, readOnly: readOnly)
        }
        if !def.options.isEmpty || def.type == .enumeration || def.type == .bool {
            let options = [PickerItem(id: "", label: "(none)")] + def.options.filter { !$0.hidden }.map { PickerItem(id: $0.value, label: $0.label) }
            return FormField(name: def.name, label: def.label, kind: .enumeration, value: raw, readOnly: readOnly, options: options)
        }
        switch def.type {
        case .datetime, .date:
            let text = HubSpotTimestamp.parse(raw).map { TimeFormat.local($0, timeZone: state.timeZone) } ?? raw
            return FormField(name: def.name, label: def.label, kind: .datetime, value: text, readOnly: readOnly)
        case .number:
            return FormField(name: def.name, label: def.label, kind: .number, value: raw, readOnly: readOnly)
        default:
            // HTML (the notes) is edited as the text the side pane shows, not as markup
            // (QA4 Q4-23), and saved back as paragraphs.
            if def.fieldType == "html" || def.name == CallProperty.body {
                return FormField(name: def.name, label: def.label, kind: .multiline, value: CallNotes.editableText(raw), readOnly: readOnly, isHTML: true)
            }
            return FormField(name: def.name, label: def.label, kind: def.fieldType == "textarea" ? .multiline : .text, value: raw, readOnly: readOnly)
        }
    }

    /// The quick-log form, prefilled with now, outbound, completed and the record the cursor
    /// is on (its first contact, else first company).
    static func quickLog(_ state: AppState) -> FormState {
        var records: [RecordSummary] = []
        if let id = state.currentCallID {
            if let detail = DetailController.loaded(state, id) { records = detail.allRecords }
            else if let record = state.list.index(of: id).flatMap({ state.list.rows[$0] })?.record { records = [record] }
        }
        let recordOptions = [PickerItem(id: "", label: "(none)")] + records.map {
            PickerItem(id: CallController.key($0.ref), label: "\($0.ref.type.label): \($0.name)", detail: $0.subtitle)
        }
        let fields = [
            FormField(name: recordField, label: "Record", kind: .record, value: recordOptions.count > 1 ? recordOptions[1].id : "", options: recordOptions),
            FormField(name: CallProperty.disposition, label: "Outcome", kind: .enumeration, value: "", options: outcomeOptions(state)),
            FormField(name: CallProperty.title, label: "Title", kind: .text, value: ""),
            FormField(name: CallProperty.body, label: "Notes", kind: .multiline, value: "", isHTML: true),
            FormField(name: CallProperty.direction, label: "Direction", kind: .enumeration, value: CallDirection.outbound.rawValue,
                      options: CallDirection.allCases.map { PickerItem(id: $0.rawValue, label: $0.label) }),
            FormField(name: CallProperty.status, label: "Status", kind: .enumeration, value: CallStatus.completed.rawValue,
                      options: CallStatus.allCases.map { PickerItem(id: $0.rawValue, label: $0.label) }),
            FormField(name: CallProperty.timestamp, label: "When", kind: .datetime, value: TimeFormat.local(state.now, timeZone: state.timeZone)),
            FormField(name: CallProperty.owner, label: "Owner", kind: .owner, value: defaultOwnerID(state) ?? "", options: ownerOptions(state)),
            FormField(name: CallProperty.duration, label: "Duration", kind: .duration, value: ""),
        ]
        return FormState(kind: .quickLog, title: "Log a call", fields: fields)
    }

    /// The owner id of ``AppState/defaultOwner``: the owner it names, or the text itself when
    /// it is a numeric id and the owners are not known (yet).
    static func defaultOwnerID(_ state: AppState) -> String? {
        guard let wanted = state.defaultOwner?.trimmingCharacters(in: .whitespaces), !wanted.isEmpty else { return nil }
        if let owner = Owner.matching(wanted, in: state.lookups.owners) { return owner.id }
        return state.lookups.owners.isEmpty && wanted.allSatisfy(\.isNumber) ? wanted : nil
    }

    static func ownerOptions(_ state: AppState) -> [PickerItem] {
        [PickerItem(id: "", label: "(none)")] + state.lookups.owners.filter { !$0.archived }.map { PickerItem(id: $0.id, label: $0.displayName, detail: $0.email) }
    }

    static func outcomeOptions(_ state: AppState) -> [PickerItem] {
        [PickerItem(id: "", label: "(none)")] + state.lookups.outcomes.outcomes.map { PickerItem(id: $0.id, label: $0.label) }
    }

    /// The labels of the fields whose value has changed since `draft` was written: the value
    /// the form opens with now is not the one the draft's form opened with. Restoring it
    /// then would write the draft's values over changes it never saw, or, with a draft of
    /// another database, over another call.
    static func changedSince(_ draft: FormDraft, _ form: FormState) -> [String] {
        form.fields.compactMap { field in
            guard let original = draft.originals[field.name], original != field.original else { return nil }
            return field.label
        }
    }

    /// Whether the call already holds every change of `draft`: each field the draft changed
    /// opens now with the draft's value.
    static func isSaved(_ draft: FormDraft, _ form: FormState) -> Bool {
        let edited = draft.values.filter { draft.originals[$0.key] != $0.value }
        guard !edited.isEmpty else { return false }
        return edited.allSatisfy { name, value in form.fields.first { $0.name == name }?.original == value }
    }

    /// A form rebuilt from a saved draft: the same fields with the draft's values.
    static func apply(_ draft: FormDraft, to form: FormState) -> FormState {
        var form = form
        for index in form.fields.indices {
            let name = form.fields[index].name
            if let original = draft.originals[name] { form.fields[index].original = original }
            if let value = draft.values[name] {
                form.fields[index].value = value
                form.fields[index].caret = value.count
                // A choice the rebuilt options lack (the quick-log's record, from a call not
                // loaded yet) keeps the label it had.
                if form.fields[index].isChoice, !form.fields[index].options.contains(where: { $0.id == value }),
                   let label = draft.choiceLabels?[name] {
                    form.fields[index].options.append(PickerItem(id: value, label: label))
                }
            }
        }
        return form
    }
}
