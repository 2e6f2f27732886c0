import Testing
@testable import TerminalKit

@Suite struct FormTests {
    static let outcomes = [
        PickerItem(id: "f240bbac", label: "Connected"), PickerItem(id: "73a0d17f", label: "Left voicemail"),
        PickerItem(id: "b2cf5968", label: "No answer"),
    ]

    static func makeForm() -> FormState {
        FormState(title: "Edit call", fields: [
            FormField(id: "id", label: "ID", kind: .readOnly, value: "12345"),
            FormField(id: "title", label: "Title", kind: .text, value: "Renewal call 山田", isRequired: true),
            FormField(id: "when", label: "When", kind: .datetime, value: "2024-05-01 14:30"),
            FormField(id: "duration", label: "Duration (ms)", kind: .number, value: "60000"),
            FormField(id: "outcome", label: "Outcome", kind: .choice(outcomes), value: "f240bbac"),
            FormField(id: "notes", label: "Notes", kind: .multiline, value: "Line one\nLine two"),
        ])
    }

    @Test func focusStartsOnTheFirstEditableFieldAndTabSkipsReadOnlyFields() {
        var form = Self.makeForm()
        #expect(form.focusedField?.id == "title")
        for _ in 0..<4 { _ = form.handle(.tab) }
        #expect(form.focusedField?.id == "notes")
        #expect(form.handle(.tab) == .focusChanged(fieldID: "title"))
        #expect(form.handle(.backTab) == .focusChanged(fieldID: "notes"))
    }

    @Test func typingEditsTheFocusedFieldAndMakesTheFormDirty() {
        var form = Self.makeForm()
        #expect(!form.isDirty)
        #expect(form.handle(.character("!")) == .changed(fieldID: "title"))
        #expect(form.value(for: "title") == "Renewal call 山田!")
        #expect(form.isDirty)
    }

    @Test func invalidValuesShowAnInlineMessageAsSoonAsTheyAreTyped() {
        var form = Self.makeForm()
        form.focusNext()
        form.focusNext()
        #expect(form.focusedField?.id == "duration")
        _ = form.handle(.character("x"))
        #expect(form.focusedField?.error == "Duration (ms) must be a number")
        _ = form.handle(.backspace)
        #expect(form.focusedField?.error == nil)
    }

    @Test func validatingFocusesTheFirstInvalidField() {
        var form = Self.makeForm()
        form.setValue("", for: "title")
        form.setValue("yesterday", for: "when")
        form.focusNext()
        form.focusNext()
        #expect(form.validate() == false)
        #expect(form.focusedField?.id == "title")
        #expect(form.fields.compactMap(\.error) == ["Title is required", "When must look like 2024-05-01 14:30 or epoch milliseconds"])
    }

    @Test func appLevelErrorsAreShownAndKept() {
        var form = Self.makeForm()
        form.setError("10-digit value looks like seconds", for: "when")
        #expect(form.validate() == false)
        #expect(form.focusedField?.id == "when")
    }

    @Test(arguments: ["2024-05-01 14:30", "2024-05-01T14:30:00Z", "2024-05-01T14:30:00.123+02:00", "1714573800000"])
    func acceptedDateTimes(value: String) {
        #expect(FormField.isDateTime(value))
    }

    @Test(arguments: ["2024-05-01", "14:30", "2024/05/01 14:30", "2024-05-01 14:30 CET", "abc"])
    func rejectedDateTimes(value: String) {
        #expect(!FormField.isDateTime(value))
    }

    @Test func aChoiceFieldIsEditedWithAPicker() {
        var form = Self.makeForm()
        for _ in 0..<3 { form.focusNext() }
        #expect(form.focusedField?.id == "outcome")
        #expect(form.handle(.character("x")) == nil)
        #expect(form.handle(.enter) == .pickerOpened(fieldID: "outcome"))
        #expect(form.picker?.highlighted?.id == "f240bbac")
        for character in "voice" { _ = form.handle(.character(character)) }
        #expect(form.handle(.enter) == .changed(fieldID: "outcome"))
        #expect(form.picker == nil)
        #expect(form.value(for: "outcome") == "73a0d17f")
    }

    @Test func escapeClosesThePickerWithoutChangingTheValue() {
        var form = Self.makeForm()
        for _ in 0..<3 { form.focusNext() }
        _ = form.handle(.space)
        _ = form.handle(.down)
        #expect(form.handle(.escape) == .pickerClosed(fieldID: "outcome"))
        #expect(form.value(for: "outcome") == "f240bbac")
    }

    @Test(arguments: snapshotSizes.indices)
    func editFormWithAnInlineError(size: Int) {
        let (columns, rows) = snapshotSizes[size]
        var form = Self.makeForm()
        form.focusNext()
        form.focusNext()
        _ = form.handle(.character("x"))
        var buffer = CellBuffer(width: columns, height: rows)
        form.render(in: buffer.area, buffer: &buffer)
        assertSnapshot(buffer, suite: "FormTests", name: "editFormWithAnInlineError")
    }

    @Test(arguments: snapshotSizes.indices)
    func editFormWithThePickerOpen(size: Int) {
        let (columns, rows) = snapshotSizes[size]
        var form = Self.makeForm()
        for _ in 0..<3 { form.focusNext() }
        _ = form.handle(.enter)
        _ = form.handle(.down)
        var buffer = CellBuffer(width: columns, height: rows)
        form.render(in: buffer.area, buffer: &buffer)
        assertSnapshot(buffer, suite: "FormTests", name: "editFormWithThePickerOpen")
    }
}
