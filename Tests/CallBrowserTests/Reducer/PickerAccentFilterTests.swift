import CallBrowser
import CallsCore
import Testing
import TerminalKit

/// Pickers that filter their own choices (owners, outcomes, associations) ignore accents like
/// the local store's search (QA4 Q4-7): a rep on a US keyboard types `odegaard`.
@Suite struct PickerAccentFilterTests {
    private func picker(_ query: String) -> CallBrowser.PickerState {
        var picker = CallBrowser.PickerState(purpose: .formField(name: CallProperty.owner), title: "Owner", items: [
            PickerItem(id: "1", label: "Zoë Müller"), PickerItem(id: "2", label: "Björn Patel"),
            PickerItem(id: "3", label: "Ingrid Ødegaard", detail: "ingrid@example.com"), PickerItem(id: "4", label: "Jürgen Straße"),
        ])
        picker.choices.insertQuery(query)
        return picker
    }

    @Test("Plain letters find accented names", arguments: [
        ("zoe", ["1"]), ("muller", ["1"]), ("bjorn", ["2"]), ("odegaard", ["3"]), ("strasse", ["4"]), ("JURGEN", ["4"]),
    ])
    func plainFindsAccented(query: String, ids: [String]) {
        #expect(picker(query).visibleItems.map(\.id) == ids)
    }

    @Test("Accented letters still find themselves")
    func accentedFindsItself() {
        #expect(picker("Ødegaard").visibleItems.map(\.id) == ["3"])
        #expect(picker("Zoë").visibleItems.map(\.id) == ["1"])
    }
}
