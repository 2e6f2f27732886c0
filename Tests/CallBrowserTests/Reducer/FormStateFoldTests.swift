@testable import CallBrowser
import CallsCore
import Foundation
import Testing
import TerminalKit

/// The browser's forms are TerminalKit's form plus what the app adds: one place holds the
/// values, carets, errors, focus and dirtiness.
@Suite struct FormStateFoldTests {
    func editing() async -> TestDriver {
        var d = TestDriver()
        await d.start()
        await d.press("e")
        #expect(d.state.openForm != nil)
        return d
    }

    @Test func whatIsTypedIsInTerminalKitsFormWithItsCaret() async {
        var d = await editing()
        let title = d.state.openForm?.focusedField?.name
        #expect(title == CallProperty.title)
        await d.press("<End>")
        await d.type("!")
        await d.press("<Left>")
        guard let form = d.state.openForm, let name = title else { return }
        #expect(form.form.value(for: name) == "Call 1 Renewal check-in!")
        #expect(form.form.focusedField?.editor.cursor == "Call 1 Renewal check-in".count)
        #expect(form.isDirty && form.form.isDirty)
    }

    @Test func focusMovesOverReadOnlyFieldsTheWayTerminalKitsDoes() async {
        let d = await editing()
        guard var form = d.state.openForm else { return }
        var kit = form.form
        for _ in 0..<form.fields.count {
            form.moveFocus(by: 1)
            kit.focusNext()
            #expect(form.focus == kit.focus)
            #expect(form.focusedField?.readOnly == false)
        }
        form.moveFocus(by: -1)
        kit.focusPrevious()
        #expect(form.focus == kit.focus)
    }

    @Test func aDraftsOriginalsDecideWhetherTheFormIsDirty() async {
        let d = await editing()
        guard let form = d.state.openForm, let title = form.field(CallProperty.title) else { return }
        let draft = FormDraft(kind: form.kind, values: [CallProperty.title: title.value], originals: [CallProperty.title: "An older title"])
        let restored = FormBuilder.apply(draft, to: form)
        #expect(restored.isDirty, "the record's title is not what the draft started from")
        #expect(restored.form.fields.first { $0.id == CallProperty.title }?.initialValue == "An older title")
        #expect(!FormBuilder.apply(FormDraft(form), to: form).isDirty)
    }

    @Test func choicesThatArriveLateAreTheTerminalKitFieldsChoices() {
        var field = FormField(name: CallProperty.owner, label: "Owner", kind: .owner, value: "101")
        field.options = [PickerItem(id: "101", label: "Ana Ruiz")]
        #expect(field.base.kind == .choice([PickerItem(id: "101", label: "Ana Ruiz")]))
        #expect(field.displayValue == "Ana Ruiz")
        let readOnly = FormField(name: CallProperty.owner, label: "Owner", kind: .owner, value: "101", readOnly: true, options: field.options)
        #expect(readOnly.base.kind == .readOnly && readOnly.displayValue == "Ana Ruiz")
    }
}
