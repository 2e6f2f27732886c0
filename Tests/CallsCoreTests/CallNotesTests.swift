import CallsCore
import Testing

/// Notes are HTML in HubSpot and text on screen; the edit form's text goes back as HTML that
/// shows the same text (QA4 Q4-23).
@Suite struct CallNotesTests {
    @Test(arguments: [
        "One line",
        "First line\nSecond line",
        "Para one\n\nPara three after an empty line",
        "Fish & chips <b>not bold</b> > 3",
        "花子 Andersson — ✉ 👨‍👩‍👧 प्रिया",
        "Trailing empty line\n",
    ])
    func textSurvivesTheTripThroughHTML(text: String) {
        let html = CallNotes.html(fromText: text)
        #expect(html.hasPrefix("<p>"))
        #expect(CallNotes.editableText(html) == text)
    }

    @Test func markupTypedAsTextIsEscaped() {
        #expect(CallNotes.html(fromText: "a <script> & b") == "<p>a &lt;script&gt; &amp; b</p>")
        #expect(CallNotes.html(fromText: "") == "")
    }

    @Test func hubSpotsHTMLReadsAsItsText() {
        let body = "<p>Introductory call; Emma is evaluating three vendors.</p><p>Integration &amp; more.</p>"
        #expect(CallNotes.editableText(body) == "Introductory call; Emma is evaluating three vendors.\nIntegration & more.")
        #expect(CallNotes.plainText("5 < 6 and 7 > 2") == "5 < 6 and 7 > 2")
        #expect(CallNotes.editableText("Plain text from the API\n") == "Plain text from the API\n")
    }
}
