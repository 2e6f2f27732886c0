@testable import CallBrowser
import CallsCore
import Foundation
import Testing

/// When the list cannot load (401, offline), the empty list says why in full — the status
/// line cuts long messages — and how to retry, instead of "Loading calls…" forever.
@Suite struct LoadErrorTests {
    @Test func aFailedFirstLoadShowsTheErrorAndTheRetryKeyInTheList() async {
        var driver = TestDriver(columns: 80, rows: 24)
        await driver.service.fail("search")
        await driver.start()
        let text = driver.screen.joined(separator: "\n")
        #expect(!text.contains("Loading calls…"), "\(text)")
        #expect(text.contains("Could not load calls:"))
        #expect(text.contains("search refused by the fake"))
        let quit = driver.state.bindings.firstKey(for: .quit, from: .list) ?? "?"
        #expect(text.contains("R to retry, \(quit) to quit."))
    }

    @Test func aLongErrorIsWrappedWholeIntoTheListPane() async {
        var driver = TestDriver(columns: 80, rows: 24)
        await driver.service.fail("search")
        await driver.start()
        let help = "HubSpot rejected the access token (token from HUBSPOT_ACCESS_TOKEN). Set HUBSPOT_ACCESS_TOKEN to a private-app token, or put token = \"…\" (file mode 600) or token_command = \"…\" in /home/ada/.config/hubcalls/config.toml."
        driver.state.list.loadError = CRMError(kind: .unauthorized, status: 401, message: help, category: "INVALID_AUTHENTICATION")
        let pane = driver.screen.dropFirst(2).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        for word in help.split(separator: " ") {
            #expect(pane.contains(word), "\(word) is missing from the list pane")
        }
    }

    @Test func aSuccessfulRetryClearsTheError() async {
        var driver = TestDriver(columns: 80, rows: 24)
        await driver.start()
        driver.state.list.loadError = CRMError(kind: .offline, message: "Cannot reach 127.0.0.1:9")
        await driver.press("R")
        #expect(driver.state.list.loadError == nil)
        #expect(!driver.screen.joined().contains("Cannot reach"))
    }
}

/// A call whose detail cannot load says why in the detail pane, wrapped whole.
@Suite struct DetailLoadErrorTests {
    @Test func aLongDetailErrorIsWrappedWholeIntoTheDetailPane() async {
        var driver = TestDriver(columns: 120, rows: 40)
        let help = "Cannot reach 127.0.0.1:45951 (connection refused): you seem to be offline, or the server is down. Nothing was changed. (gave up after 2 attempts)"
        await driver.service.fail("get", with: CRMError(kind: .offline, message: help))
        await driver.start()
        let paneWidth = DetailLines.paneWidth(driver.state)
        let pane = driver.screen.dropFirst(1).map { String($0.suffix(paneWidth)).trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(pane.contains("Could not load call 1000:"), "\(pane)")
        for word in help.split(separator: " ") {
            #expect(pane.contains(word), "\(word) is missing from the detail pane")
        }
    }
}
