import Testing
@testable import TerminalKit

/// The picker driven by an app's own keymap: the query is a `FieldEditor`, the app moves the
/// highlight, and a picker searched elsewhere shows whatever items it is given.
@Suite struct PickerDrivenTests {
    static let items = [
        PickerItem(id: "1", label: "Acme Corp", detail: "company"), PickerItem(id: "2", label: "Acme renewal", detail: "deal"),
        PickerItem(id: "3", label: "Globex", detail: "company"),
    ]

    @Test func theQueryEditsWithReadlineKeysAndRefiltersOnlyWhenItChanges() {
        var picker = PickerState(title: "Pick", items: Self.items)
        picker.insertQuery("renewal")
        #expect(picker.matches == [1])
        let tookControlA = picker.editQuery(.control("a"))
        #expect(tookControlA)
        picker.insertQuery("acme ")
        #expect(picker.query == "acme renewal")
        #expect(picker.filter.cursor == 5)
        picker.editQuery(.control("f"))
        #expect(picker.filter.cursor == 6)
        picker.editQuery(.control("b"))
        #expect(picker.filter.cursor == 5)
        picker.editQuery(.control("k"))
        #expect(picker.query == "acme " && picker.matches == [0, 1])
        let tookEnter = picker.editQuery(.enter)
        #expect(!tookEnter)
    }

    @Test func theAppMovesAndSetsTheHighlight() {
        var picker = PickerState(title: "Pick", items: Self.items)
        picker.move(by: 2)
        #expect(picker.highlighted?.id == "3")
        picker.move(by: -5)
        #expect(picker.highlighted?.id == "1")
        picker.highlight(1)
        #expect(picker.highlighted?.id == "2")
    }

    @Test func aPickerSearchedElsewhereKeepsEveryItemVisibleAndTakesNewOnes() {
        var picker = PickerState(title: "Search", items: Self.items, filtersItems: false)
        picker.insertQuery("zzz")
        #expect(picker.matches.count == 3)
        picker.highlight(2)
        picker.setItems(Array(Self.items.prefix(2)))
        #expect(picker.highlighted?.id == "2")
    }
}
