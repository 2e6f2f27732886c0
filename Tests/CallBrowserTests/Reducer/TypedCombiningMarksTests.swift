@testable import CallBrowser
import CallsCore
import Foundation
import Testing
import TerminalKit

/// Combining marks, joiners and variation selectors typed one scalar per key (QA4 Q4-1): they
/// join the grapheme before the caret in form fields, the `/` filter and pickers, and the
/// caret stays after that grapheme.
@Suite struct TypedCombiningMarksTests {
    func inTitle() async -> TestDriver {
        var d = TestDriver()
        await d.start()
        await d.press("e", "<C-u>")
        return d
    }

    var title: (TestDriver) -> CallBrowser.FormField? { { $0.state.openForm?.field(CallProperty.title) } }

    @Test(arguments: [
        "हिन्दी", "ที่", "e\u{0301}", "a\u{200C}b", "☎\u{FE0F}", "👨\u{200D}👩\u{200D}👧", "Việt",
    ])
    func aTypedWordReachesTheTitleWithEveryScalar(_ word: String) async {
        var d = await inTitle()
        await d.typeScalars(word)
        #expect(title(d)?.value.unicodeScalars.elementsEqual(word.unicodeScalars) == true)
        // The caret is at the end: after the last grapheme, not past it.
        #expect(title(d)?.caret == word.count)
    }

    @Test func aMarkTypedInTheMiddleJoinsTheLetterBeforeTheCaret() async {
        var d = await inTitle()
        await d.typeScalars("ab")
        await d.press("<Left>")
        await d.typeScalars("\u{0301}")
        #expect(title(d)?.value == "a\u{0301}b")
        #expect(title(d)?.caret == 1)
        await d.typeScalars("x")
        #expect(title(d)?.value == "a\u{0301}xb")
    }

    @Test func typedMarksReachTheFilterBar() async {
        var d = TestDriver()
        await d.start()
        await d.press("/")
        await d.typeScalars("ที่ हिन्दी")
        #expect(d.state.list.editingFilter?.unicodeScalars.elementsEqual("ที่ हिन्दी".unicodeScalars) == true)
        #expect(d.state.list.filterCaret == "ที่ हिन्दी".count)
    }

    @Test func typedMarksReachAPickersQuery() async {
        var d = TestDriver()
        await d.start()
        await d.press("o")
        await d.typeScalars("e\u{0301}")
        #expect(PickerController.current(d.state)?.query == "e\u{0301}")
    }

    @Test func thePastedWordIsUnchanged() async {
        var d = await inTitle()
        await d.send(.text("हिन्दी 👨\u{200D}👩\u{200D}👧"))
        #expect(title(d)?.value == "हिन्दी 👨\u{200D}👩\u{200D}👧")
    }
}
