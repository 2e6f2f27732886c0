import TerminalKit

/// The `/` filter bar: typed text, applied with Enter, abandoned with Esc. It edits with the
/// same readline keys as the forms' text fields (TerminalKit's `FieldEditor`), with a cursor.
enum FilterBarController {
    static func handleKey(_ state: inout AppState, _ key: String) -> [Effect] {
        guard var editor = editor(state) else { return [] }
        switch key {
        case "<Enter>":
            return apply(&state, editor.text)
        case "<Esc>", "<C-c>":
            state.list.editingFilter = nil
            // An error about the abandoned text (a bad term) no longer applies.
            if state.status.message?.kind == .error { state.status.message = nil }
            return []
        case "<C-h>":
            editor.handle(Key(.backspace))
        default:
            guard let parsed = Key(notation: key), editor.handle(parsed) else { return [] }
        }
        store(&state, editor)
        return []
    }

    /// Pasted text, on one line, at the cursor.
    static func insert(_ state: inout AppState, _ text: String) -> [Effect] {
        guard var editor = editor(state) else { return [] }
        let pasted = Reducer.oneLine(text)
        guard !pasted.isEmpty else { return [] }
        for character in pasted { editor.insert(character) }
        store(&state, editor)
        return []
    }

    /// Whether the open filter bar edits with this key (so `<Esc>`+key is not split).
    static func takesEditingKey(_ key: Key) -> Bool {
        var editor = FieldEditor()
        return editor.handle(key)
    }

    /// The open filter bar's text and cursor as an editor.
    static func editor(_ state: AppState) -> FieldEditor? {
        state.list.editingFilter.map { FieldEditor(verbatim: $0, cursor: state.list.filterCaret, multiline: false) }
    }

    static func store(_ state: inout AppState, _ editor: FieldEditor) {
        let changed = editor.text != state.list.editingFilter
        state.list.editingFilter = editor.text
        state.list.filterCaret = editor.cursor
        // The text changed: an error about the previous text no longer applies.
        if changed, state.status.message?.kind == .error { state.status.message = nil }
    }

    /// Parses and applies the filter; a bad term keeps the bar open and says why.
    static func apply(_ state: inout AppState, _ text: String) -> [Effect] {
        switch CallFilter.parse(text) {
        case .failure(let error):
            state.setStatus(error.message, .error)
            return []
        case .success(let filter):
            if case .failure(let error) = filter.searchRequest(sort: state.list.sort, lookups: state.lookups, limit: 1, after: nil) {
                state.setStatus(error.message, .error)
                return []
            }
            state.list.editingFilter = nil
            state.list.filterText = text.trimmingCharacters(in: .whitespaces)
            state.list.filter = filter
            // Marks are for the calls on screen; a new filter drops them, and says so.
            let dropped = state.list.marked.count
            state.list.marked = []
            let cleared = dropped == 0 ? "" : dropped == 1 ? " (1 mark cleared)" : " (\(dropped) marks cleared)"
            if !filter.isEmpty { state.setStatus("Filter: \(state.list.filterText)\(cleared)", .info) }
            else if dropped > 0 { state.setStatus("Filter cleared\(cleared)", .info) }
            return ListController.reload(&state, keepSelection: false)
        }
    }
}
