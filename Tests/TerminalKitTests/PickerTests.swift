import Testing
@testable import TerminalKit

@Suite struct PickerTests {
    static let items = [
        PickerItem(id: "1", label: "Acme Corp", detail: "company"), PickerItem(id: "2", label: "山田太郎", detail: "contact"),
        PickerItem(id: "3", label: "Renewal 2025", detail: "deal"), PickerItem(id: "4", label: "Acme renewal", detail: "deal"),
        PickerItem(id: "5", label: "\u{1B}[31mHostile\u{1B}[0m name", detail: "contact"),
    ]

    @Test func theCurrentItemIsHighlightedFirst() {
        let picker = PickerState(title: "Associate", items: Self.items, currentID: "3")
        #expect(picker.highlighted?.id == "3")
    }

    @Test func typingFiltersByEveryTermCaseInsensitively() {
        var picker = PickerState(title: "Associate", items: Self.items)
        for character in "acme deal" { _ = picker.handle(.character(character)) }
        #expect(picker.matches.map { Self.items[$0].id } == ["4"])
        _ = picker.handle(.control("u"))
        #expect(picker.matches.count == 5)
    }

    @Test func enterChoosesAndEscapeCancels() {
        var picker = PickerState(title: "Associate", items: Self.items)
        #expect(picker.handle(.down) == .moved)
        #expect(picker.handle(.control("n")) == .moved)
        #expect(picker.handle(.enter) == .chose(Self.items[2]))
        #expect(picker.handle(.escape) == .cancelled)
    }

    @Test func enterWithNoMatchChoosesNothing() {
        var picker = PickerState(title: "Associate", items: Self.items)
        for character in "zzz" { _ = picker.handle(.character(character)) }
        #expect(picker.highlighted == nil)
        #expect(picker.handle(.enter) == nil)
    }

    @Test(arguments: snapshotSizes.indices)
    func pickerFilteredWithCurrentMarked(size: Int) {
        let (columns, rows) = snapshotSizes[size]
        var picker = PickerState(title: "Associate with", items: Self.items, currentID: "4")
        _ = picker.handle(.character("a"))
        var buffer = CellBuffer(width: columns, height: rows)
        picker.render(in: buffer.area.centered(width: min(columns, 40), height: min(rows, 8)), buffer: &buffer)
        assertSnapshot(buffer, suite: "PickerTests", name: "pickerFilteredWithCurrentMarked")
    }
}
