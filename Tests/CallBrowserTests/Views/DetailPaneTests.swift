@testable import CallBrowser
import CallsCore
import Foundation
import Testing

/// The detail pane at the narrowest split keeps what matters on screen (QA F8).
@Suite struct DetailPaneTests {
    @Test func thePinnedMarkerSurvivesALongRecordNameInANarrowPane() async {
        let service = FakeCRMService()
        await service.rename(contact: "202", first: "Maximiliana-Theodora", last: "Vandenberghe-Oyelaran")
        var driver = TestDriver(columns: 100, rows: 60, service: service)
        await driver.start()
        await driver.press("j") // 1001: one contact
        await driver.press("p")
        let pane = driver.screen.dropLast().map { $0.split(separator: "│").last.map(String.init) ?? "" }
        #expect(pane.contains { $0.contains("[pinned] Maximiliana") }, "\(pane.joined(separator: "\n"))")
    }

    @Test func theBadgeMeaningWrapsInsteadOfBeingCut() async {
        var driver = TestDriver(columns: 100, rows: 30)
        await driver.start()
        await driver.press("j") // 1001: voicemail
        let text = driver.screen.map { $0.split(separator: "│").last.map(String.init) ?? "" }.joined(separator: " ")
        let words = text.split(separator: " ").joined(separator: " ")
        #expect(words.contains(VoicemailBadge.voicemail.meaning), "\(words)")
    }

    @Test func anEnumerationShowsItsOptionLabelAsTheEditFormDoes() async {
        let service = FakeCRMService()
        await service.setProperty(CallProperty.source, to: "INTEGRATIONS_PLATFORM", onCall: "1000")
        var driver = TestDriver(columns: 120, rows: 60, service: service)
        await driver.start()
        let pane = driver.screen.map { $0.split(separator: "│").last.map(String.init) ?? "" }
        #expect(pane.contains { $0.contains("Call source") && $0.contains("Integrations platform") }, "\(pane.joined(separator: "\n"))")
        #expect(!pane.contains { $0.contains("INTEGRATIONS_PLATFORM") })
    }

    @Test func theSidePaneDoesNotRepeatItsHeadingAndNotesAsPropertiesButTheOpenedDetailListsThem() async {
        let service = FakeCRMService()
        await service.setProperty(CallProperty.bodyPreview, to: "Notes for call 1.", onCall: "1000")
        var driver = TestDriver(columns: 120, rows: 60, service: service)
        await driver.start()
        let side = driver.screen.map { $0.split(separator: "│").last.map(String.init) ?? "" }
        #expect(side[1].hasPrefix("Call 1 Renewal check-in"))
        #expect(side.contains { $0.hasPrefix("Call direction") })
        #expect(!side.contains { $0.hasPrefix("Call title") }, "\(side.joined(separator: "\n"))")
        #expect(!side.contains { $0.hasPrefix("Call notes previ") })
        await driver.press("<Enter>")
        let opened = driver.screen.map { $0.split(separator: "│").last.map(String.init) ?? "" }
        #expect(opened.contains { $0.hasPrefix("Call title") }, "\(opened.joined(separator: "\n"))")
        #expect(opened.contains { $0.hasPrefix("Call notes previ") })
    }
}

/// The side pane has no blank rows under the title of a call without a badge; a badge and
/// its meaning come after the notes, and the properties and notes keep their rows from call
/// to call.
@Suite struct SidePaneBadgeTests {
    func sidePane(_ driver: TestDriver) -> [String] {
        driver.screen.dropLast().map { $0.split(separator: "│", omittingEmptySubsequences: false).dropFirst().first.map(String.init) ?? "" }
    }

    @Test func aCallWithoutABadgeHasItsPropertiesRightUnderItsTitle() async {
        var driver = TestDriver(columns: 120, rows: 40)
        await driver.start()
        await driver.press("j", "j", "j") // 1003: no answer, no recording
        #expect(driver.state.list.selected?.call.badge == nil)
        let side = sidePane(driver)
        #expect(side[1].hasPrefix("Call 4 Pricing question"))
        #expect(side[2].trimmingCharacters(in: .whitespaces).isEmpty)
        #expect(side[3].hasPrefix("Activity date"), "\(side.joined(separator: "\n"))")
    }

    @Test func aBadgeComesAfterTheNotesAndThePropertiesAndNotesStayOnTheirRows() async {
        var driver = TestDriver(columns: 120, rows: 40)
        await driver.start()
        await driver.press("j", "j", "j") // 1003: no badge
        let plain = sidePane(driver)
        await driver.press("k", "k") // 1001: voicemail
        #expect(driver.state.list.selected?.call.badge == .voicemail)
        let badged = sidePane(driver)
        // The label column of a 44-column pane: two fifths of it.
        let labels = { (side: [String]) in side.map { String($0.prefix(17)) } }
        guard let notesRow = plain.firstIndex(where: { $0.hasPrefix("Notes") }) else {
            Issue.record("no Notes in \(plain.joined(separator: "\n"))")
            return
        }
        #expect(Array(labels(plain)[3...notesRow]) == Array(labels(badged)[3...notesRow]), "\(badged.joined(separator: "\n"))")
        let badgeRow = badged.firstIndex { $0.contains(VoicemailBadge.voicemail.meaning.prefix(20)) }
        let associationsRow = badged.firstIndex { $0.hasPrefix("Associations") }
        #expect(badgeRow != nil && associationsRow != nil && badgeRow! > notesRow && badgeRow! < associationsRow!, "\(badged.joined(separator: "\n"))")
    }
}

extension FakeCRMService {
    func setProperty(_ name: String, to value: String, onCall id: String) {
        objects[.calls]?[id]?[property: name] = value
    }

    func rename(contact id: String, first: String, last: String) {
        objects[.contacts]?[id]?[property: "firstname"] = first
        objects[.contacts]?[id]?[property: "lastname"] = last
    }
}
