import CallsCore
import Foundation
import TerminalKit

/// Applies one message to the state and returns the effects to run. Pure and synchronous:
/// no clock, no I/O; time and results arrive in messages.
public func reduce(_ state: inout AppState, _ msg: Msg) -> [Effect] {
    if msg.isResult { state.status.busy = max(0, state.status.busy - 1) }
    var effects = Reducer.handle(&state, msg)
    // One check here rather than at every place a form writes or clears its draft.
    if state.keepsOthersDraft { effects.removeAll(where: \.isDraftWrite) }
    state.status.busy += effects.filter(\.isIO).count
    if state.status.busy == 0 { state.status.spinnerFrame = 0 }
    DetailController.settleHeld(&state, after: msg, effects: effects)
    return effects
}

/// The reducer's parts: inputs here, results in `Reducer+Results.swift`, each context's
/// actions in its controller.
enum Reducer {
    static func handle(_ state: inout AppState, _ msg: Msg) -> [Effect] {
        switch msg {
        case .started(let now):
            state.now = now
            var effects: [Effect] = [.loadLookups(token: state.token())]
            if !state.quickLogOnly { effects += ListController.reload(&state, keepSelection: false) }
            effects.append(.loadDraft)
            return effects
        case .key(let key):
            if let effects = holdWhileLoading(&state, msg, key: key) { return effects }
            return handleKey(&state, key)
        case .action(let action):
            return perform(&state, action, in: state.context)
        case .text(let text):
            if let effects = holdWhileLoading(&state, msg, key: nil) { return effects }
            return insertText(&state, text)
        case .resized(let columns, let rows):
            state.columns = max(1, columns)
            state.rows = max(1, rows)
            ListController.keepCursorVisible(&state)
            // A screen that gains the side pane shows the selected call: the narrow list
            // moved the cursor without loading details (QA3 R1: the pane showed the call of
            // before, or none, and `o` changed the cursor's call beside it).
            return DetailController.follow(&state)
        case .tick(let now):
            return tick(&state, now)
        case .terminationRequested:
            return CallController.terminate(&state)
        default:
            let effects = handleResult(&state, msg)
            return msg.answersWrite ? effects + DetailController.reloadAfterWrite(&state) : effects
        }
    }

    // MARK: - Type-ahead

    /// While an action waits for its call to load (`e` on a call whose detail is not loaded
    /// yet), what the user types next is meant for the form it opens: held, and run once the
    /// action has run (``replayTypeAhead(_:)``), so a fast typist's title never lands on the
    /// list as commands (a `d` then `y` there would delete a call). `<Esc>` stops waiting;
    /// `<C-c>` still quits. `nil`: not waiting, handle the input now.
    static func holdWhileLoading(_ state: inout AppState, _ msg: Msg, key: String?) -> [Effect]? {
        guard let intent = state.pendingIntent, key != "<C-c>" else { return nil }
        if key == "<Esc>" {
            state.pendingIntent = nil
            state.typeAhead = []
            state.setStatus("Stopped waiting for call \(intent.callID)", .info)
            return []
        }
        if state.typeAhead.count < maxTypeAhead { state.typeAhead.append(msg) }
        return []
    }

    /// Inputs held while loading, at most (a paste counts as one).
    static let maxTypeAhead = 512

    /// Runs the inputs held while the action waited, in order.
    static func replayTypeAhead(_ state: inout AppState) -> [Effect] {
        let held = state.typeAhead
        state.typeAhead = []
        return held.flatMap { handle(&state, $0) }
    }

    // MARK: - Keys

    static func handleKey(_ state: inout AppState, _ key: String) -> [Effect] {
        if let base = escapeThenKey(state, key) {
            return handleKey(&state, "<Esc>") + handleKey(&state, base)
        }
        if state.modal == nil, state.list.editingFilter != nil {
            return FilterBarController.handleKey(&state, key)
        }
        if state.pendingKeys.isEmpty, let effects = FormController.multilineKey(&state, key) { return effects }
        let context = state.context
        let keys = state.pendingKeys + [key]
        switch state.bindings.match(keys, in: context) {
        case .action(let action, let boundContext):
            state.pendingKeys = []
            return perform(&state, action, in: boundContext)
        case .prefix:
            state.pendingKeys = keys
            return []
        case .none:
            state.pendingKeys = []
            if keys.count > 1 { return handleKey(&state, key) }
            return unboundKey(&state, key)
        }
    }

    /// `Esc` followed at once by a key reaches us in one read, which the terminal decodes as
    /// Alt+key. When that chord means nothing here (no binding in the context, not an editing
    /// key of the focused input) it was the two keys: returns the second one's notation, so
    /// `Esc` `/` typed quickly clears the filter and opens the prompt instead of vanishing.
    static func escapeThenKey(_ state: AppState, _ key: String) -> String? {
        guard let parsed = Key(notation: key), parsed.modifiers == .alt else { return nil }
        let base = Key(parsed.code, modifiers: [])
        if case .none = state.bindings.match(state.pendingKeys + [key], in: state.context) {} else { return nil }
        if case .none = state.bindings.match([key], in: state.context) {} else { return nil }
        if takesEditingKey(state, parsed) { return nil }
        return base.notation
    }

    /// Whether the focused text input edits with this key (`<A-b>` moves a word back in a
    /// form's text field; the filter bar and pickers take `<A-BS>`).
    static func takesEditingKey(_ state: AppState, _ key: Key) -> Bool {
        if state.modal == nil, state.list.editingFilter != nil { return FilterBarController.takesEditingKey(key) }
        switch state.context {
        case .picker: return FilterBarController.takesEditingKey(key)
        case .form:
            guard let field = state.openForm?.focusedField, !field.readOnly, !field.isChoice else { return false }
            var editor = FieldEditor(verbatim: "", cursor: 0, multiline: field.kind == .multiline)
            return editor.handle(key)
        default: return false
        }
    }

    /// Keys with no binding: text for forms and pickers, editing keys, else a hint.
    static func unboundKey(_ state: inout AppState, _ key: String) -> [Effect] {
        // A keymap may unbind every quit key; Ctrl-C must still get the user out (sending
        // pending deletes first, like any quit).
        if key == "<C-c>" { return CallController.quit(&state) }
        switch state.context {
        case .form: return FormController.editKey(&state, key)
        case .picker: return PickerController.editKey(&state, key)
        default:
            if typedText(key) != nil {
                let help = state.bindings.firstKey(for: .showHelp, from: .global) ?? "?"
                state.setStatus("\(key) does nothing here; \(help) shows the keys", .warning, untilNextAction: true)
            }
            return []
        }
    }

    /// Pasted text: literal input for the focused text field, the picker's query or the
    /// filter bar; on the list it starts the filter (a paste is never taken as commands).
    static func insertText(_ state: inout AppState, _ text: String) -> [Effect] {
        dropKeyNote(&state)
        if state.modal == nil, state.list.editingFilter != nil {
            return FilterBarController.insert(&state, text)
        }
        switch state.context {
        case .form: return FormController.insert(&state, text)
        case .picker: return PickerController.insert(&state, oneLine(text))
        case .list:
            guard !oneLine(text).isEmpty else { return [] }
            state.list.editingFilter = ""
            return FilterBarController.insert(&state, text)
        default: return []
        }
    }

    /// Text for a one-line input: line breaks become spaces, surrounding blanks go.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingCharacters(in: .whitespaces)
    }

    // MARK: - Actions

    /// A note about the key pressed before ("W does nothing here") goes once a key does
    /// something, as an info note goes when the focus changes
    /// (``DetailController/dropInfoMessage(_:)``): left, it stayed over the next keys' hints
    /// and read as if about them (QA2 Q9). The action may then post its own message.
    static func dropKeyNote(_ state: inout AppState) {
        if state.status.message?.untilNextAction == true { state.status.message = nil }
    }

    /// Runs an action in a context, or says in the status line why it is unavailable.
    static func perform(_ state: inout AppState, _ action: Action, in context: BrowserContext) -> [Effect] {
        // An action bound in a context that does not handle it (a global action bound in
        // `form`, say) runs as the global action.
        let context = ActionTable.row(action, in: context) == nil && ActionTable.row(action, in: .global) != nil ? .global : context
        if let reason = disabledReason(action, in: context, state) {
            state.setStatus(reason, .warning)
            return []
        }
        dropKeyNote(&state)
        switch context {
        case .global: return CallController.perform(&state, action)
        case .list: return ListController.perform(&state, action)
        case .detail: return DetailController.perform(&state, action)
        case .form: return FormController.perform(&state, action)
        case .picker: return PickerController.perform(&state, action)
        case .confirm: return ConfirmController.perform(&state, action)
        case .help: return HelpController.perform(&state, action)
        }
    }

    /// Why an action cannot run now, or `nil` when it can.
    static func disabledReason(_ action: Action, in context: BrowserContext, _ state: AppState) -> String? {
        switch context {
        case .global: CallController.disabledReason(action, state)
        case .list: ListController.disabledReason(action, state)
        case .detail: nil
        case .form: FormController.disabledReason(action, state)
        case .picker: nil
        case .confirm: nil
        case .help: nil
        }
    }

    // MARK: - Clock

    static func tick(_ state: inout AppState, _ now: Date) -> [Effect] {
        state.now = now
        if state.status.busy > 0 { state.status.spinnerFrame += 1 }
        if let expires = state.status.message?.expires, expires <= now { state.status.message = nil }
        FormController.tickTimer(&state)
        let due = state.pendingDeletes.values.filter { $0.deadline <= now }.map(\.row.id).sorted()
        guard !due.isEmpty else { return [] }
        let deleting = due.compactMap { state.pendingDeletes[$0] }
        let sent = deleting.map(\.row)
        for id in due { state.pendingDeletes[id] = nil }
        if case .restore(let ids) = state.undo?.revert {
            let left = ids.filter { !due.contains($0) }
            state.undo = left.isEmpty ? nil : UndoEntry(label: state.undo!.label, revert: .restore(ids: left))
            if left.isEmpty {
                let window = "its \(Int(AppState.undoWindow))-second undo window ended"
                if sent.count == 1 {
                    let name = sent[0].call.title.map { "“\(Clean.line($0, width: 60))”" } ?? "call \(sent[0].id)"
                    state.expiredUndo = "Too late to undo: \(name) was deleted when \(window); it is in the recycle bin (hubcalls delete --undo \(sent[0].id))"
                } else {
                    state.expiredUndo = "Too late to undo: the \(ids.count) calls were deleted when \(window); they are in the recycle bin"
                }
            }
        }
        let token = state.token()
        state.inFlight[token] = InFlight(label: "Delete", rollback: nil, undo: nil, deleting: deleting)
        return [due.count == 1 ? .archive(token: token, callID: due[0]) : .batchArchive(token: token, ids: due)]
    }
}

// MARK: - Message and effect kinds

extension Msg {
    /// Results of effects (as opposed to inputs).
    var isResult: Bool {
        switch self {
        case .key, .action, .text, .resized, .tick, .started, .terminationRequested: false
        case .draftLoaded, .draftWritten, .draftSetAside, .copied: false
        default: true
        }
    }

    /// The answer to a save, an association, a pin or a delete, whether it went through or not.
    var answersWrite: Bool {
        switch self {
        case .callSaved, .saveFailed, .batchUpdated, .associated, .associateFailed, .associationRemoved,
             .removeAssociationFailed, .pinned, .pinFailed, .callsArchived: true
        default: false
        }
    }
}

extension Effect {
    /// Effects that talk to the service (counted for the spinner).
    var isIO: Bool {
        switch self {
        case .loadDraft, .saveDraft, .clearDraft, .copyToClipboard, .redrawScreen, .quit: false
        default: true
        }
    }
}

// MARK: - Status line

extension AppState {
    /// Shows a message; errors stay until the next message, others fade after a few seconds.
    /// `untilNextAction`: it answers the key just pressed and goes with the next action
    /// (see ``Reducer/dropKeyNote(_:)``).
    mutating func setStatus(_ text: String, _ kind: StatusState.Kind, for seconds: TimeInterval? = nil, untilNextAction: Bool = false) {
        let duration = seconds ?? (kind == .error ? nil : 5)
        status.message = StatusState.Message(text: text, kind: kind, expires: duration.map { now.addingTimeInterval($0) }, untilNextAction: untilNextAction)
    }
}
