@testable import CallBrowser
import CallsCore
import Foundation
import Testing

/// Key screens at 80×24 and 120×40 against the fake service, with a fixed "now" and UTC.
@Suite struct ScreenSnapshotTests {
    static let sizes = [(80, 24), (120, 40)]

    func check(_ name: String, keys: [String] = [], typing: String? = nil, after: [String] = []) async {
        for (columns, rows) in Self.sizes {
            var driver = TestDriver(columns: columns, rows: rows)
            await driver.start()
            for key in keys { await driver.press(key) }
            if let typing { await driver.type(typing) }
            for key in after { await driver.press(key) }
            Snapshot.assert(driver.screen, suite: "ScreenSnapshotTests", name: name, columns: columns, rows: rows)
        }
    }

    @Test func theListOfCalls() async { await check("list") }

    @Test func theSplitListAt100ColumnsKeepsEveryColumn() async {
        var driver = TestDriver(columns: 100, rows: 30)
        await driver.start()
        Snapshot.assert(driver.screen, suite: "ScreenSnapshotTests", name: "list", columns: 100, rows: 30)
    }
    @Test func theDetailOfACall() async { await check("detail", keys: ["j", "<Enter>"]) }
    @Test func theEditForm() async { await check("editForm", keys: ["e"]) }
    @Test func theOutcomePicker() async { await check("outcomePicker", keys: ["o"]) }
    @Test func theAssociatePickerSearchingContacts() async { await check("associatePicker", keys: ["a", "<Enter>"], typing: "e") }
    @Test func theDeleteConfirmation() async { await check("confirmDelete", keys: ["d"]) }
    @Test func theHelpScreen() async { await check("help", keys: ["?"]) }
    @Test func theQuickLogForm() async { await check("quickLog", keys: ["c"]) }
    @Test func aFilteredList() async { await check("filtered", keys: ["/"], typing: "has:voicemail", after: ["<Enter>"]) }

    @Test func aBadFilterTermSaysWhyWhileThePromptIsStillOpen() async {
        var driver = TestDriver(columns: 120, rows: 40)
        await driver.start()
        await driver.press("/")
        await driver.type("outcome:nope")
        await driver.press("<Enter>")
        let statusLine = driver.screen.last ?? ""
        #expect(statusLine.hasPrefix("/outcome:nope"), "\(statusLine)")
        #expect(statusLine.contains("nope\""), "the reason is on screen: \(statusLine)")
        await driver.type("x")
        #expect(!(driver.screen.last ?? "").contains("nope\""), "typing clears the old reason")
    }

    @Test func aCallWithoutAnOutcomeShowsItsStatusInTheOutcomeColumn() async {
        let service = FakeCRMService(callCount: 3)
        await service.clearOutcome(of: "1001")
        for (columns, rows) in Self.sizes {
            var driver = TestDriver(columns: columns, rows: rows, service: service)
            await driver.start()
            let row = driver.screen.first { $0.contains("Call 2 Intro") } ?? ""
            #expect(row.contains("Missed"), "\(columns)×\(rows): \(row)")
        }
    }

    @Test func tinyTerminalsRenderWithoutTrapping() async {
        for (columns, rows) in [(20, 5), (1, 1), (0, 0), (99, 3), (100, 4)] {
            var driver = TestDriver(columns: columns, rows: rows)
            await driver.start()
            for key in ["<Enter>", "e", "<Esc>", "o", "<Esc>", "?", "q", "d", "n", "c"] {
                await driver.press(key)
                let lines = driver.screen
                #expect(lines.count == max(0, rows))
            }
        }
    }

    @Test func hostileTextNeverReachesTheScreenAsControlCharacters() async {
        let service = FakeCRMService(callCount: 2)
        await service.setTitle("\u{1B}[31mEvil\u{1B}]0;pwned\u{07} \u{202E}txet\u{202C}\ttab\nline", of: "1000")
        var driver = TestDriver(service: service)
        await driver.start()
        let text = driver.screen.joined()
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value) })
        #expect(text.contains("Evil"))
    }
}

extension FakeCRMService {
    func clearOutcome(of id: String) {
        objects[.calls]?[id]?[property: CallProperty.disposition] = nil
    }

    func setTitle(_ title: String, of id: String) {
        objects[.calls]?[id]?[property: CallProperty.title] = title
    }
}
