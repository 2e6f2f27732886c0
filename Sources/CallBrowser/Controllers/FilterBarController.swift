import TerminalKit

/// The `/` filter bar: typed text, applied with Enter, abandoned with Esc.
enum FilterBarController {
    static func handleKey(_ state: inout AppState, _ key: String) -> [Effect] {
        guard var text = state.list.editingFilter else { return [] }
        switch key {
        case "<Enter>":
            return apply(&state, text)
        case "<Esc>", "<C-c>":
            state.list.editingFilter = nil
            // An error about the abandoned text (a bad term) no longer applies.
            if state.status.message?.kind == .error { state.status.message = nil }
            return []
        case "<BS>", "<C-h>":
            if !text.isEmpty { text.removeLast() }
        case "<C-u>":
            text = ""
        case "<C-w>", "<A-BS>":
            var editor = FieldEditor(verbatim: text, cursor: text.count, multiline: false)
            editor.handle(Key(notation: key)!)
            text = editor.text
        default:
            guard let typed = typedText(key) else { return [] }
            text += typed
        }
        state.list.editingFilter = text
        // The text changed: an error about the previous text no longer applies.
        if state.status.message?.kind == .error { state.status.message = nil }
        return []
    }

    /// Pasted text, on one line, at the end of the filter text.
    static func insert(_ state: inout AppState, _ text: String) -> [Effect] {
        guard let current = state.list.editingFilter else { return [] }
        let pasted = Reducer.oneLine(text)
        guard !pasted.isEmpty else { return [] }
        state.list.editingFilter = current + pasted
        if state.status.message?.kind == .error { state.status.message = nil }
        return []
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
