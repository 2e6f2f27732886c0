/// Yes/no dialogs. Enter answers with the highlighted button, which starts on No.
enum ConfirmController {
    static let context = BrowserContext.confirm

    static func perform(_ state: inout AppState, _ action: Action) -> [Effect] {
        guard case .confirm(var confirm) = state.modal else { return [] }
        switch action {
        case .confirmYes: return answer(&state, confirm, yes: true)
        case .confirmNo: return answer(&state, confirm, yes: false)
        case .choose: return answer(&state, confirm, yes: confirm.yesSelected)
        case .toggleChoice:
            confirm.yesSelected.toggle()
            state.modal = .confirm(confirm)
            return []
        default: return []
        }
    }

    static func answer(_ state: inout AppState, _ confirm: ConfirmState, yes: Bool) -> [Effect] {
        state.modal = nil
        switch confirm.purpose {
        case .deleteCalls(let ids):
            return yes ? Mutations.delete(&state, ids: ids) : []
        case .removeAssociation(let callID, let record):
            return yes ? Mutations.removeAssociation(&state, callID: callID, record: record) : []
        case .discardForm(let form):
            if yes { return FormController.close(&state, discarded: true) }
            state.modal = .form(form)
            return []
        }
    }
}

/// The help overlay: scrolls, closes.
enum HelpController {
    static let context = BrowserContext.help

    static func perform(_ state: inout AppState, _ action: Action) -> [Effect] {
        guard case .help(let scroll, let over) = state.modal else { return [] }
        let page = max(1, state.rows - 4)
        let maxScroll = max(0, HelpContent.lines(state).count - page)
        switch action {
        case .moveDown: state.modal = .help(scroll: min(scroll + 1, maxScroll), over: over)
        case .moveUp: state.modal = .help(scroll: max(scroll - 1, 0), over: over)
        case .pageDown: state.modal = .help(scroll: min(scroll + page, maxScroll), over: over)
        case .pageUp: state.modal = .help(scroll: max(scroll - page, 0), over: over)
        case .halfPageDown: state.modal = .help(scroll: min(scroll + max(1, page / 2), maxScroll), over: over)
        case .halfPageUp: state.modal = .help(scroll: max(scroll - max(1, page / 2), 0), over: over)
        case .moveTop: state.modal = .help(scroll: 0, over: over)
        case .moveBottom: state.modal = .help(scroll: maxScroll, over: over)
        case .cancel: state.modal = over
        default: break
        }
        return []
    }

    /// Opens help over what is on screen; from a form, closing it goes back to the form.
    static func open(_ state: inout AppState) {
        let over: Modal? = if case .form = state.modal { state.modal } else { nil }
        state.modal = .help(scroll: 0, over: over)
    }
}
