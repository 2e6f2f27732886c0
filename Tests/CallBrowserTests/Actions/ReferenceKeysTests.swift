@testable import CallBrowser
import Testing

/// Every key that works shows in `?` and `hubcalls keys` (QA3 R7): a keymap may bind a
/// global action in the list or detail context, where it works, so the references list it
/// with its context instead of leaving a hidden delete key.
@Suite struct ReferenceKeysTests {
    static let keymap = """
    bind list X delete-call
    bind detail W edit-call
    """

    @Test func keysBoundInAnInheritingContextAreListedWithThatContext() throws {
        let (bindings, diagnostics) = BrowserKeymap.load(userText: Self.keymap)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(bindings.match(["X"], in: .list) == .action(.deleteCall, .list))
        #expect(bindings.referenceKeys(for: .deleteCall, in: .global) == ["d", "X (list)"])
        let table = KeyReference.table(bindings)
        let deleteRow = try #require(table.split(separator: "\n").first { $0.contains("delete-call") })
        #expect(deleteRow.contains("d X (list)"), "\(deleteRow)")
        let editRow = try #require(table.split(separator: "\n").first { $0.contains("edit-call") })
        #expect(editRow.contains("e W (detail)"), "\(editRow)")
        #expect(KeyReference.markdown(bindings).contains("| `d` `X` (list) | `delete-call` |"))
    }

    @Test func theHelpScreenListsThemToo() async {
        var driver = TestDriver()
        driver.state.bindings = BrowserKeymap.load(userText: Self.keymap).bindings
        await driver.start()
        let help = HelpContent.lines(driver.state, width: 116).map { $0.map(\.text).joined() }
        #expect(help.contains { $0.contains("d X (list)") && $0.contains("Delete") }, "\(help.joined(separator: "\n"))")
    }

    @Test func theDefaultsListOnlyTheirOwnKeys() {
        let bindings = BrowserKeymap.load().bindings
        #expect(bindings.referenceKeys(for: .deleteCall, in: .global) == ["d"])
    }
}
