import CallsCore
import Foundation
import TerminalKit

/// An open form: the edit form of a call, or the quick-log form of a new one.
///
/// The fields, their values and carets, their inline errors, the focus and whether anything
/// changed are TerminalKit's form (``form``); this adds what the form is for (``kind``), what
/// each field's property holds (``FormField/kind``, its choices), the app's picker (a record
/// field searches the server), the quick-log timer and the save in flight.
public struct FormState: Sendable, Equatable {
    public enum Kind: Sendable, Equatable, Codable {
        case edit(callID: String)
        case quickLog
    }

    public var kind: Kind
    /// The fields' values, carets and errors, the focus, dirtiness: TerminalKit's form.
    public var form: TerminalKit.FormState
    /// What each field's property holds, by field name (TerminalKit's kinds are coarser).
    private var properties: [String: FormField.Property]
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
        form = TerminalKit.FormState(title: title, fields: fields.map(\.base))
        properties = Dictionary(fields.map { ($0.name, $0.property) }, uniquingKeysWith: { first, _ in first })
    }

    public var title: String { form.title }

    /// The fields, TerminalKit's with their properties; setting them sets both.
    public var fields: [FormField] {
        get { form.fields.map { FormField(base: $0, property: properties[$0.id] ?? FormField.Property(kind: .text, options: [])) } }
        set {
            form.fields = newValue.map(\.base)
            for field in newValue { properties[field.name] = field.property }
        }
    }

    /// Index of the focused field.
    public var focus: Int {
        get { form.focus }
        set { form.focus = newValue }
    }

    /// Whether anything differs from what the form opened with.
    public var isDirty: Bool { form.isDirty }

    public var focusedField: FormField? { fields.indices.contains(focus) ? fields[focus] : nil }

    /// Index of the last field that can be edited (Enter there saves).
    public var lastEditableIndex: Int? { form.fields.lastIndex { $0.isEditable } }

    public func field(_ name: String) -> FormField? { fields.first { $0.name == name } }

    /// Moves the focus to the next (`+1`) or previous (`-1`) editable field, wrapping around.
    public mutating func moveFocus(by step: Int) {
        if step >= 0 { form.focusNext() } else { form.focusPrevious() }
    }

    public mutating func setValue(_ value: String, of name: String) {
        guard let index = form.fields.firstIndex(where: { $0.id == name }) else { return }
        form.fields[index].editor = FieldEditor(verbatim: value, cursor: value.count, multiline: form.fields[index].editor.isMultiline)
    }
}

/// One field of a form: TerminalKit's field (``base``: the property name as its id, the
/// label, the value with its caret, the inline error, whether it can be edited) and what the
/// property holds. `value` is what the user sees and types (a duration as `h:mm:ss`, a date
/// as `yyyy-MM-dd HH:mm`); enumerations hold the wire value and show the option label.
public struct FormField: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, Codable {
        case text, multiline, number, duration, enumeration, datetime, owner, record
    }

    /// What the property holds: its kind and, for choices, the options (kept for read-only
    /// fields too, whose labels are shown).
    public struct Property: Sendable, Equatable {
        public var kind: Kind
        public var options: [PickerItem]
        /// HTML on the wire, edited as its text (the notes, see ``CallNotes``).
        public var isHTML = false
    }

    public var base: TerminalKit.FormField
    public var property: Property

    public init(name: String, label: String, kind: Kind, value: String, readOnly: Bool = false, options: [PickerItem] = [], isHTML: Bool = false) {
        let property = Property(kind: kind, options: options, isHTML: isHTML)
        base = TerminalKit.FormField(id: name, label: label, kind: Self.baseKind(property, readOnly: readOnly))
        // The value exactly as the record holds it: views clean it when drawn, and the save
        // compares it with what was loaded.
        base.editor = FieldEditor(verbatim: value, cursor: value.count, multiline: kind == .multiline)
        base.initialValue = value
        self.property = property
    }

    init(base: TerminalKit.FormField, property: Property) {
        self.base = base
        self.property = property
    }

    /// TerminalKit's kind for a property: a duration is text to it, an owner or a record a
    /// choice among the options.
    static func baseKind(_ property: Property, readOnly: Bool) -> TerminalKit.FormField.Kind {
        if readOnly { return .readOnly }
        switch property.kind {
        case .text, .duration: return .text
        case .multiline: return .multiline
        case .number: return .number
        case .datetime: return .datetime
        case .enumeration, .owner, .record: return .choice(property.options)
        }
    }

    public var name: String { base.id }
    public var label: String { base.label }
    public var kind: Kind { property.kind }
    public var readOnly: Bool { base.kind == .readOnly }

    public var options: [PickerItem] {
        get { property.options }
        set {
            property.options = newValue
            base.kind = Self.baseKind(property, readOnly: readOnly)
        }
    }

    /// The value as typed (setting it puts the caret at its end).
    public var value: String {
        get { base.value }
        set { base.editor = FieldEditor(verbatim: newValue, cursor: newValue.count, multiline: base.editor.isMultiline) }
    }

    /// Caret position in characters.
    public var caret: Int {
        get { base.editor.cursor }
        set { base.editor.setCursor(newValue) }
    }

    /// The value the form opened with.
    public var original: String {
        get { base.initialValue }
        set { base.initialValue = newValue }
    }

    /// Inline validation message.
    public var error: String? {
        get { base.error }
        set { base.error = newValue }
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
    /// Field name → the label of a chosen value (`Contact: Björn Patel` for
    /// `contacts:100017`): the options are rebuilt from what the next start has loaded,
    /// which may not include the choice (QA4 Q4-6). `nil` in drafts of older versions.
    public var choiceLabels: [String: String]?
    /// Where its call lives (`local:/path/to/db`, `hubspot:https://…`), stamped by the
    /// ``EffectRunner`` that writes it; a draft is restored only there (QA4 Q4-4: a draft
    /// from one database was saved onto the call with the same id in another). `nil` in
    /// drafts of older versions.
    public var source: String?

    public init(kind: FormState.Kind, values: [String: String], originals: [String: String], choiceLabels: [String: String]? = nil, source: String? = nil) {
        self.kind = kind
        self.values = values
        self.originals = originals
        self.choiceLabels = choiceLabels
        self.source = source
    }

    public init(_ form: FormState) {
        let chosen = form.fields.filter { $0.isChoice && !$0.value.isEmpty && $0.displayValue != $0.value }
        self.init(
            kind: form.kind,
            values: Dictionary(form.fields.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a }),
            originals: Dictionary(form.fields.map { ($0.name, $0.original) }, uniquingKeysWith: { a, _ in a }),
            choiceLabels: chosen.isEmpty ? nil : Dictionary(chosen.map { ($0.name, $0.displayValue) }, uniquingKeysWith: { a, _ in a })
        )
    }
}
