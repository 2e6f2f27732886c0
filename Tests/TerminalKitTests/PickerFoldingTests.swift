import Testing
@testable import TerminalKit

/// The picker's filter compares folded text: lowercase by default, the app's folding when it
/// passes one (hubcalls ignores accents).
@Suite struct PickerFoldingTests {
    static let items = [PickerItem(id: "1", label: "Zoë Smith"), PickerItem(id: "2", label: "Zoe Plain", detail: "contact"), PickerItem(id: "3", label: "Björn")]

    /// Drops the one accent these tests use, so the test does not depend on any library's tables.
    static let withoutDiaeresis = MatchFolding(name: "test") { text in
        String(text.lowercased().map { $0 == "ë" ? "e" : $0 == "ö" ? "o" : $0 })
    }

    @Test func theDefaultFoldingIgnoresCaseButNotAccents() {
        var picker = PickerState(title: "Pick", items: Self.items)
        picker.insertQuery("ZOË")
        #expect(picker.matches == [0])
        picker.editQuery(.control("u"))
        picker.insertQuery("zoe")
        #expect(picker.matches == [1])
    }

    @Test func anAppFoldingAppliesToTheQueryAndEveryItem() {
        var picker = PickerState(title: "Pick", items: Self.items, folding: Self.withoutDiaeresis)
        picker.insertQuery("zoe")
        #expect(picker.matches == [0, 1])
        picker.editQuery(.control("u"))
        picker.insertQuery("Zoë contact")
        #expect(picker.matches == [1])
    }

    @Test func replacedItemsAreFoldedToo() {
        var picker = PickerState(title: "Pick", items: [], folding: Self.withoutDiaeresis)
        picker.insertQuery("bjorn")
        picker.setItems(Self.items)
        #expect(picker.matches == [2])
    }

    @Test func foldingsAreEqualByName() {
        #expect(MatchFolding(name: "a") { $0 } == MatchFolding(name: "a") { $0.uppercased() })
        #expect(MatchFolding(name: "a") { $0 } != MatchFolding.lowercase)
    }
}
