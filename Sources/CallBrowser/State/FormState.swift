import CallsCore
import Foundation

/// An open form: the edit form of a call, or the quick-log form of a new one.
public struct FormState: Sendable, Equatable {
    public enum Kind: Sendable, Equatable, Codable {
        case edit(callID: String)
        case quickLog
    }

    public var kind: Kind
    public var title: String
    public var fields: [FormField]
    public var focus: Int = 0
    /// The choices of the focused field, when open.
    public var picker: PickerState?
    /// Quick-log call timer: when it started (running) and time counted before.
    public var timerStartedAt: Date?
    public var timerAccumulated: TimeInterval = 0
    /// A save is out; its token.
    public var savingToken: Int?
    /// A form-level error (for example the save failed).
    public var error: String?

    public init(kind: Kind, title: String, fields: [FormField]) {
        self.kind = kind
        self.title = title
        self.fields = fields
        focus = fields.firstIndex { !$0.readOnly } ?? 0
    }

    /// Whether anything differs from what the form opened with.
    public var isDirty: Bool { fields.contains { $0.value != $0.original } }

    public var focusedField: FormField? { fields.indices.contains(focus) ? fields[focus] : nil }

    /// Index of the last field that can be edited (Enter there saves).
    public var lastEditableIndex: Int? { fields.lastIndex { !$0.readOnly } }

    public func field(_ name: String) -> FormField? { fields.first { $0.name == name } }

    public mutating func setValue(_ value: String, of name: String) {
        guard let index = fields.firstIndex(where: { $0.name == name }) else { return }
        fields[index].value = value
        fields[index].caret = value.count
    }
}

/// One field of a form. `value` is what the user sees and types (a duration as `h:mm:ss`, a
/// date as `yyyy-MM-dd HH:mm`); enumerations hold the wire value and show the option label.
public struct FormField: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, Codable {
        case text, multiline, number, duration, enumeration, datetime, owner, record
    }

    public var name: String
    public var label: String
    public var kind: Kind
    public var value: String
    public var original: String
    public var readOnly: Bool
    public var options: [PickerItem]
    /// Inline validation message.
    public var error: String?
    /// Caret position in characters.
    public var caret: Int

    public init(name: String, label: String, kind: Kind, value: String, readOnly: Bool = false, options: [PickerItem] = []) {
        self.name = name
        self.label = label
        self.kind = kind
        self.value = value
        self.original = value
        self.readOnly = readOnly
        self.options = options
        self.caret = value.count
    }

    /// Fields whose value is chosen from a list rather than typed.
    public var isChoice: Bool { kind == .enumeration || kind == .owner || kind == .record }

    /// The text shown for the value (an option's label for choices).
    public var displayValue: String {
        if isChoice { return options.first { $0.id == value }?.label ?? value }
        return value
    }
}

/// The part of an open form that survives a crash: written on every change, restored on the
/// next start, removed after save or cancel.
public struct FormDraft: Sendable, Equatable, Codable {
    public var kind: FormState.Kind
    /// Field name → value as typed.
    public var values: [String: String]
    /// Field name → value the form opened with.
    public var originals: [String: String]

    public init(kind: FormState.Kind, values: [String: String], originals: [String: String]) {
        self.kind = kind
        self.values = values
        self.originals = originals
    }

    public init(_ form: FormState) {
        self.init(
            kind: form.kind,
            values: Dictionary(form.fields.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a }),
            originals: Dictionary(form.fields.map { ($0.name, $0.original) }, uniquingKeysWith: { a, _ in a })
        )
    }
}
