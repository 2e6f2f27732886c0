/// The one dialog on top of the panes, if any.
public indirect enum Modal: Sendable, Equatable {
    case form(FormState)
    case picker(PickerState)
    case confirm(ConfirmState)
    /// `over`: the form help was opened from (`F1`), which closing help goes back to.
    case help(scroll: Int, over: Modal? = nil)

    /// The keymap context keys are looked up in while this modal is open.
    public var context: BrowserContext {
        switch self {
        case .form(let form): form.picker == nil ? .form : .picker
        case .picker: .picker
        case .confirm: .confirm
        case .help: .help
        }
    }
}

extension AppState {
    /// The form being edited: open, waiting behind its "discard changes?" question, or
    /// under help.
    public var openForm: FormState? { modal?.openForm }
}

extension Modal {
    var openForm: FormState? {
        switch self {
        case .form(let form): form
        case .confirm(let confirm): if case .discardForm(let form) = confirm.purpose { form } else { nil }
        case .help(_, let over): over?.openForm
        case .picker: nil
        }
    }
}
