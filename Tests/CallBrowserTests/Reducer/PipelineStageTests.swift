@testable import CallBrowser
import CallsCore
import Foundation
import Testing

/// Deal and ticket stages read as labels, not internal ids (QA F26).
@Suite struct PipelineStageTests {
    @Test func theDealPickerShowsStageLabels() async {
        var driver = TestDriver()
        await driver.start()
        await driver.press("a")
        await driver.press("<Down>", "<Down>", "<Enter>") // Deal
        guard let picker = PickerController.current(driver.state) else { Issue.record("no picker"); return }
        #expect(picker.items.map(\.label) == ["Acme renewal"])
        #expect(picker.items.first?.detail == "Contract sent")
        #expect(driver.screen.joined().contains("Contract sent"))
        #expect(!driver.screen.joined().contains("contractsent"))
    }

    @Test func theAccountsOwnStageLabelsWinAndUnknownStagesStayAsTheyAre() {
        let definitions = [PropertyDefinition(name: "dealstage", label: "Deal stage", type: .enumeration, fieldType: "select",
                                              options: [PropertyOption(label: "Signed 🎉", value: "closedwon"), PropertyOption(label: "Pilot", value: "12345")])]
        #expect(PipelineStages.label("closedwon", type: .deals, definitions: definitions) == "Signed 🎉")
        #expect(PipelineStages.label("12345", type: .deals, definitions: definitions) == "Pilot")
        #expect(PipelineStages.label("qualifiedtobuy", type: .deals, definitions: definitions) == "Qualified to buy")
        #expect(PipelineStages.label("999", type: .deals, definitions: []) == "999")
        #expect(PipelineStages.label("3", type: .tickets, definitions: []) == "Waiting on us")
    }
}
