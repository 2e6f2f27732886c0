/// The one dialog on top of the panes, if any.
public enum Modal: Sendable, Equatable {
    case form(FormState)
    case picker(PickerState)
    case confirm(ConfirmState)
    case help(scroll: Int)

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
    /// The form being edited: open, or waiting behind its "discard changes?" question.
    public var openForm: FormState? {
        switch modal {
        case .form(let form): form
        case .confirm(let confirm): if case .discardForm(let form) = confirm.purpose { form } else { nil }
        default: nil
        }
    }
}
