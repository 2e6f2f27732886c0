import CallsCore
import TerminalKit

/// Pickers: move, type to filter (record pickers search the server), choose, cancel. A form's
/// field picker lives inside the form; the others are the modal itself.
enum PickerController {
    static let context = BrowserContext.picker

    static func perform(_ state: inout AppState, _ action: Action) -> [Effect] {
        guard var picker = current(state) else { return [] }
        // A key other than `<Enter>` means the user is choosing by hand after all.
        if action != .choose { picker.chooseWhenFound = false }
        switch action {
        case .moveDown: picker.choices.move(by: 1)
        case .moveUp: picker.choices.move(by: -1)
        case .pageDown: picker.choices.move(by: 10)
        case .pageUp: picker.choices.move(by: -10)
        case .cancel:
            close(&state)
            return []
        case .choose:
            if picker.loadingToken != nil {
                // The results on the screen are for an older query: wait for this one's.
                picker.chooseWhenFound = true
                set(&state, picker)
                state.setStatus("Searching…", .info)
                return []
            }
            guard let item = picker.selected else {
                state.setStatus("Nothing to choose", .warning)
                return []
            }
            close(&state)
            return chose(&state, picker.purpose, item)
        default: break
        }
        set(&state, picker)
        return []
    }

    /// Keys the keymap leaves to the search: the query edits like the forms' text fields
    /// (TerminalKit's `FieldEditor`: characters, `<BS>`, `<C-w>`, `<C-u>`, `<C-k>`, `<Left>`,
    /// `<Right>`, `<C-a>`/`<Home>`, `<C-e>`/`<End>`, word moves); a changed query filters or
    /// searches again, a moved cursor only redraws.
    static func editKey(_ state: inout AppState, _ key: String) -> [Effect] {
        guard var picker = current(state), let parsed = key == "<C-h>" ? Key(.backspace) : Key(notation: key) else { return [] }
        let before = picker.query
        guard picker.choices.editQuery(parsed) else { return [] }
        if picker.query == before {
            set(&state, picker)
            return []
        }
        return queryChanged(&state, picker)
    }

    static func insert(_ state: inout AppState, _ text: String) -> [Effect] {
        guard var picker = current(state) else { return [] }
        picker.choices.insertQuery(text)
        return queryChanged(&state, picker)
    }

    static func queryChanged(_ state: inout AppState, _ picker: PickerState) -> [Effect] {
        var picker = picker
        picker.cursor = 0
        picker.chooseWhenFound = false
        if case .associateRecord(_, let type) = picker.purpose {
            let token = state.token()
            picker.loadingToken = token
            set(&state, picker)
            return [.searchRecords(token: token, type: type, query: picker.query)]
        }
        if case .formRecord = picker.purpose {
            let token = state.token()
            picker.loadingToken = token
            set(&state, picker)
            return [.searchRecords(token: token, type: .contacts, query: picker.query)]
        }
        set(&state, picker)
        return []
    }

    /// A search answered after `<Enter>` was pressed for it: choose its first result, or
    /// say that it found nothing and leave the picker open.
    static func chooseIfAsked(_ state: inout AppState, _ picker: PickerState) -> [Effect] {
        guard picker.chooseWhenFound else { return [] }
        var picker = picker
        picker.chooseWhenFound = false
        guard let item = picker.selected else {
            set(&state, picker)
            state.setStatus("No match for “\(Clean.line(picker.query, width: 40))”", .warning)
            return []
        }
        if state.status.message?.text == "Searching…" { state.status.message = nil }
        close(&state)
        return chose(&state, picker.purpose, item)
    }

    // MARK: - Choices

    static func chose(_ state: inout AppState, _ purpose: PickerPurpose, _ item: PickerItem) -> [Effect] {
        switch purpose {
        case .outcome(let ids):
            return Mutations.setOutcome(&state, ids: ids, outcome: item)
        case .associateType(let callID):
            guard let type = ObjectType(rawValue: item.id) else { return [] }
            let token = state.token()
            var picker = PickerState(purpose: .associateRecord(callID: callID, type: type), title: "Associate with which \(type.singular)? (type to search)", items: [])
            picker.loadingToken = token
            state.modal = .picker(picker)
            return [.searchRecords(token: token, type: type, query: "")]
        case .associateRecord(let callID, let type):
            let record = RecordSummary(ref: ObjectRef(type, item.id), name: item.label, subtitle: item.detail)
            if let detail = DetailController.loaded(state, callID), detail.allRecords.contains(where: { $0.ref == record.ref }) {
                state.setStatus("Already associated with \(item.label)", .info)
                return []
            }
            return Mutations.associate(&state, callID: callID, record: record)
        case .removeAssociation(let callID):
            guard let ref = CallController.ref(fromKey: item.id) else { return [] }
            // The pin goes with the association: say so before, not after (undo puts both back).
            let pinned = DetailController.loaded(state, callID)?.allRecords.first(where: { $0.ref == ref })?.pins(callID) ?? false
            let message = "Remove the association between this call and \(item.label)?" + (pinned ? " The call is pinned there; the pin goes too." : "")
            state.modal = .confirm(ConfirmState(title: "Remove association", message: message, yesLabel: "Remove", purpose: .removeAssociation(callID: callID, record: ref)))
            return []
        case .pin(let callID):
            guard let ref = CallController.ref(fromKey: item.id),
                  let record = DetailController.loaded(state, callID)?.allRecords.first(where: { $0.ref == ref }) else { return [] }
            return Mutations.togglePin(&state, callID: callID, record: record)
        case .formField(let name), .formRecord(let name):
            return FormController.fieldChosen(&state, name, item)
        }
    }

    // MARK: - Where the picker lives

    static func current(_ state: AppState) -> PickerState? {
        switch state.modal {
        case .picker(let picker): picker
        case .form(let form): form.picker
        default: nil
        }
    }

    static func set(_ state: inout AppState, _ picker: PickerState) {
        switch state.modal {
        case .picker: state.modal = .picker(picker)
        case .form(var form):
            form.picker = picker
            state.modal = .form(form)
        default: break
        }
    }

    static func close(_ state: inout AppState) {
        switch state.modal {
        case .form(var form):
            form.picker = nil
            state.modal = .form(form)
        default:
            state.modal = nil
        }
    }
}
