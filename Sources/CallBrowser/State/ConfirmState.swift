import CallsCore

/// A yes/no question. No is highlighted first: a stray Enter never deletes anything.
public struct ConfirmState: Sendable, Equatable {
    public var title: String
    public var message: String
    public var yesLabel: String
    public var yesSelected: Bool = false
    public var purpose: ConfirmPurpose

    public init(title: String, message: String, yesLabel: String = "Yes", purpose: ConfirmPurpose) {
        self.title = title
        self.message = message
        self.yesLabel = yesLabel
        self.purpose = purpose
    }
}

/// What answering yes does.
public enum ConfirmPurpose: Sendable, Equatable {
    case deleteCalls(ids: [String])
    case removeAssociation(callID: String, record: ObjectRef)
    /// Leave a form with unsaved changes; No returns to the form.
    case discardForm(FormState)
}
