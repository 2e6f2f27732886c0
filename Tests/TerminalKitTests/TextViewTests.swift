import Testing
@testable import TerminalKit

@Suite struct TextViewTests {
    static let body = """
        Spoke with 山田さん about the renewal. She wants a quote by Friday 👍🏽 and asked us to \
        include the onboarding package.\u{1B}[31m (hostile escape)\u{1B}[0m
        \tNext steps:
        1. Send the quote
        2. Book a follow-up call
        """

    @Test func textIsSanitizedAndWrappedByDisplayWidth() {
        var state = TextViewState(text: Self.body, viewportHeight: 5)
        state.layout(width: 20)
        let rows = state.rows(width: 20)
        #expect(rows.allSatisfy { $0.displayWidth <= 20 })
        #expect(!rows.joined().contains("\u{1B}"))
        #expect(rows.contains("    Next steps:"))
    }

    @Test func scrollingIsClampedToTheText() {
        var state = TextViewState(text: (1...30).map { "line \($0)" }.joined(separator: "\n"), viewportHeight: 10)
        state.layout(width: 20)
        state.pageDown()
        #expect(state.offset == 9)
        state.scrollToBottom()
        #expect(state.offset == 20)
        state.scrollDown()
        #expect(state.offset == 20)
        state.scrollToTop()
        #expect(state.offset == 0)
        #expect(state.position(height: 10, width: 20) == "1–10/30")
    }

    @Test func unwrappedLinesAreTruncatedWithAnEllipsis() {
        let state = TextViewState(text: "a long line that does not fit", wraps: false)
        var buffer = CellBuffer(width: 10, height: 1)
        state.render(in: buffer.area, buffer: &buffer)
        #expect(buffer.lines == ["a long li…"])
    }

    @Test func aTenMegabyteBodyIsCutWithANote() {
        let huge = String(repeating: "0123456789abcdefghij\n", count: 500_000)
        let state = TextViewState(text: huge)
        #expect(state.lines.count == TextViewState.maxBytes / 21 + 2)
        #expect(state.lines.last?.hasPrefix("… (") == true)
    }

    @Test(arguments: snapshotSizes.indices)
    func wrappedBodyScrolledByTwoRows(size: Int) {
        let (columns, rows) = snapshotSizes[size]
        var state = TextViewState(text: Self.body, viewportHeight: rows)
        state.layout(width: columns)
        state.scrollDown(by: 2)
        var buffer = CellBuffer(width: columns, height: rows)
        state.render(in: buffer.area, buffer: &buffer)
        assertSnapshot(buffer, suite: "TextViewTests", name: "wrappedBodyScrolledByTwoRows")
    }
}
