@testable import CallBrowser
import CallsCore
import Foundation
import Testing

/// Key hints that do not fit are left out whole, the last (least useful) first, never cut
/// mid-word ("a ass" at 100 columns).
@Suite struct KeyHintsTests {
    /// The hints of the state as "key label" items, in the order the table gives them.
    func allHints(_ state: AppState) -> [String] {
        StatusLineView.hints(state).map(\.text).joined().components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The hints shown on the status line, split where they are two spaces apart.
    func shownHints(_ screen: [String], position: String) -> [String] {
        let line = screen.last ?? ""
        #expect(line.hasSuffix(position), "\(line)")
        return line.dropLast(position.count).components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    @Test(arguments: [80, 100, 120])
    func theListsHintsAreWholeAndTheMostUsefulAreKept(columns: Int) async {
        var d = TestDriver(columns: columns, rows: 30, service: FakeCRMService(callCount: 300))
        await d.start()
        let all = allHints(d.state)
        let shown = shownHints(d.screen, position: "1/300")
        #expect(!shown.isEmpty)
        #expect(Array(all.prefix(shown.count)) == shown, "\(columns) columns: \(shown)")
        if columns >= 120 { #expect(shown == all) }
    }

    @Test(arguments: [80, 100, 120])
    func theDetailsHintsAreWholeToo(columns: Int) async {
        var d = TestDriver(columns: columns, rows: 30, service: FakeCRMService(callCount: 300))
        await d.start()
        // Marked calls and an undo offer make the hints longer than any width here.
        await d.press("<Space>", "o")
        await d.type("wrong")
        await d.press("<Enter>", "<Enter>")
        d.state.status.message = nil
        let all = allHints(d.state)
        let shown = shownHints(d.screen, position: "2/300")
        #expect(!shown.isEmpty)
        #expect(Array(all.prefix(shown.count)) == shown, "\(columns) columns: \(shown)")
    }

    @Test func theFormsHintsAreWholeInANarrowBox() async {
        var d = TestDriver(columns: 44, rows: 24)
        await d.start()
        await d.press("c")
        let box = d.screen.first { $0.contains("<Tab> next") } ?? ""
        let inside = box.split(separator: "│").map(String.init).first { $0.contains("<Tab> next") } ?? ""
        let items = inside.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        #expect(!items.isEmpty)
        let whole = ["<C-s> save", "<Esc> cancel", "<Tab> next", "<Enter> choose", "<C-t> timer"]
        #expect(Array(whole.prefix(items.count)) == items, "\(inside)")
    }
}
