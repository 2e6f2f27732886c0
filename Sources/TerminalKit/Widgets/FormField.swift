// MARK: - FormField

/// One field of a ``FormState``: a label, a kind, a value being edited and its validation
/// message.
public struct FormField: Hashable, Sendable {
    /// What the field holds and how it is edited.
    public enum Kind: Hashable, Sendable {
        /// One line of text.
        case text
        /// Several lines; `<Enter>` inserts a line break.
        case multiline
        /// An integer or decimal number.
        case number
        /// One of a set of choices, edited with a ``PickerState`` (`<Enter>` or `<Space>`);
        /// the value is the chosen item's id.
        case choice([PickerItem])
        /// A date and time: `YYYY-MM-DD HH:MM[:SS]` (a `T` may replace the space; an
        /// optional `Z` or `±HH:MM` offset may follow), or epoch milliseconds.
        case datetime
        /// Shown but not editable; focus skips it.
        case readOnly
    }

    /// The app's key for the field.
    public var id: String
    public var label: String
    public var kind: Kind
    /// Whether an empty value is an error.
    public var isRequired: Bool
    /// The value being edited (for a choice, the chosen id).
    public var editor: FieldEditor
    /// The validation message shown under the field, if any.
    public var error: String?
    /// The value the field started with; the form is dirty while a value differs from it.
    /// An app restoring a draft sets it to what the record held.
    public var initialValue: String

    public init(id: String, label: String, kind: Kind, value: String = "", isRequired: Bool = false) {
        self.id = id
        self.label = label
        self.kind = kind
        self.isRequired = isRequired
        self.editor = FieldEditor(text: value, multiline: kind == .multiline)
        self.initialValue = editor.text
    }

    /// The current value.
    public var value: String { editor.text }

    /// Whether focus can land on the field.
    public var isEditable: Bool { kind != .readOnly }

    /// Rows the value takes on screen.
    var valueHeight: Int { kind == .multiline ? 4 : 1 }

    /// The text shown for the value (a choice shows its label).
    var displayValue: String {
        if case .choice(let items) = kind {
            return items.first { $0.id == value }?.label ?? value
        }
        return value
    }

    /// The built-in validation message for the current value, or nil if it is fine.
    public func validationMessage() -> String? {
        let trimmed = value.trimmingSpaces
        if trimmed.isEmpty {
            return isRequired ? "\(label) is required" : nil
        }
        switch kind {
        case .number:
            return FormField.isNumber(trimmed) ? nil : "\(label) must be a number"
        case .datetime:
            return FormField.isDateTime(trimmed) ? nil : "\(label) must look like 2024-05-01 14:30 or epoch milliseconds"
        case .choice(let items):
            return items.contains { $0.id == trimmed } ? nil : "\(label): unknown choice '\(trimmed)'"
        case .text, .multiline, .readOnly:
            return nil
        }
    }

    // MARK: - Private

    static func isNumber(_ text: String) -> Bool {
        var body = Substring(text)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard !body.isEmpty, parts.count <= 2 else { return false }
        return parts.allSatisfy { $0.allSatisfy(\.isASCIIDigit) } && parts.contains { !$0.isEmpty }
    }

    static func isDateTime(_ text: String) -> Bool {
        if text.allSatisfy(\.isASCIIDigit) { return text.count >= 11 && text.count <= 14 }
        let characters = Array(text)
        func digits(_ range: Range<Int>) -> Bool {
            range.upperBound <= characters.count && characters[range].allSatisfy(\.isASCIIDigit)
        }
        guard characters.count >= 16, digits(0..<4), characters[4] == "-", digits(5..<7), characters[7] == "-",
              digits(8..<10), characters[10] == " " || characters[10] == "T", digits(11..<13), characters[13] == ":",
              digits(14..<16)
        else { return false }
        var rest = characters[16...]
        if rest.first == ":" {
            guard digits(17..<19) else { return false }
            rest = rest.dropFirst(3)
            if rest.first == "." {
                rest = rest.dropFirst()
                while let first = rest.first, first.isASCIIDigit { rest = rest.dropFirst() }
            }
        }
        if rest.isEmpty || Array(rest) == ["Z"] { return true }
        let offset = Array(rest)
        return offset.count == 6 && (offset[0] == "+" || offset[0] == "-") && offset[3] == ":"
            && [1, 2, 4, 5].allSatisfy { offset[$0].isASCIIDigit }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    var trimmingSpaces: String {
        var result = Substring(self)
        while result.first?.isWhitespace == true { result = result.dropFirst() }
        while result.last?.isWhitespace == true { result = result.dropLast() }
        return String(result)
    }
}
