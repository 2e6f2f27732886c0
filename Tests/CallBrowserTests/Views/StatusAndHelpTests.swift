@testable import CallBrowser
import CallsCore
import Foundation
import Testing

/// The title bar, the status line and the help screen at ordinary sizes (QA F6, F9, F14).
@Suite struct StatusAndHelpTests {
    @Test func oneMatchIsOneCallNotOneCalls() async {
        var driver = TestDriver()
        await driver.start()
        await driver.press("/")
        await driver.type("Call 12 Pricing")
        await driver.press("<Enter>")
        #expect(driver.state.list.total == 1)
        #expect(driver.screen[0].contains(" 1 call · "), "\(driver.screen[0])")
    }

    @Test func aMessageTooLongToShareTheLineWithThePositionKeepsTheLine() async {
        var driver = TestDriver(columns: 80, rows: 24)
        await driver.start()
        let message = "Could not save: the server said the property hs_call_title is read-only for you"
        #expect(message.count > 74 && message.count < 80)
        driver.state.setStatus(message, .error)
        let statusLine = driver.screen.last ?? ""
        #expect(statusLine.hasPrefix(message), "\(statusLine)")
        driver.state.setStatus("Saved", .success)
        #expect((driver.screen.last ?? "").hasSuffix("1/12"), "short messages leave the position in place")
    }

    @Test func helpShowsWholeKeyNamesAndTextsAndReachesItsEndWithG() async {
        for (columns, rows) in [(80, 24), (120, 40)] {
            var driver = TestDriver(columns: columns, rows: rows)
            await driver.start()
            await driver.press("?")
            var text = driver.screen.joined(separator: "\n")
            #expect(text.contains("<Tab> <Left> <Right>") || !text.contains("<Tab> <Left>"), "\(columns): keys cut")
            #expect(!text.contains("<Rig…"))
            await driver.press("G")
            text = driver.screen.joined(separator: "\n")
            #expect(text.contains("direction:inbound"), "G reaches the end of help at \(columns)×\(rows)")
            await driver.press("g", "g")
            #expect(driver.state.modal == .help(scroll: 0))
        }
        let lines = HelpContent.lines(AppState(columns: 80, rows: 24, now: TestDriver.now), width: 76)
        let all = lines.map { $0.map(\.text).joined() }
        #expect(all.allSatisfy { $0.count <= 76 }, "help texts wrap inside the box")
        #expect(all.contains { $0.hasSuffix("a few seconds (asks first)") }, "the end of a long help text is on its own line")
    }
}

/// An error too long for the status line can be read whole on the help screen.
@Suite struct LastMessageInHelpTests {
    @Test func helpShowsTheLastErrorWrappedWhole() async {
        var driver = TestDriver(columns: 80, rows: 24)
        await driver.start()
        let message = "Could not delete “Contract questions”: Cannot reach 127.0.0.1:45951 (connection refused): you seem to be offline, or the server is down. Nothing was changed. (gave up after 2 attempts); it is back in the list"
        driver.state.setStatus(message, .error)
        let statusLine = driver.screen.last ?? ""
        #expect(!statusLine.contains("it is back in the list"), "the status line cuts it")
        #expect(statusLine.trimmingCharacters(in: .whitespaces).hasSuffix("… (?: all)"), "the cut line says where to read it: \(statusLine)")
        await driver.press("?")
        let text = driver.screen.joined(separator: " ")
        #expect(text.contains("Last message"))
        for word in message.split(separator: " ") {
            #expect(text.contains(word), "\(word) is missing from help")
        }
    }

    @Test func helpWithoutAnErrorHasNoLastMessage() async {
        var driver = TestDriver(columns: 80, rows: 24)
        await driver.start()
        driver.state.setStatus("Saved", .success)
        await driver.press("?")
        #expect(!driver.screen.joined().contains("Last message"))
    }
}

/// Switching panes shows the new context's hints (QA2 Q9).
@Suite struct FocusHintsTests {
    @Test func openingTheDetailReplacesAPlainNoteWithTheDetailHints() async {
        var d = TestDriver()
        await d.start()
        await d.press("/")
        await d.type("Call")
        await d.press("<Enter>")
        #expect(d.state.status.message?.text.hasPrefix("Filter:") == true)
        await d.press("<Enter>")
        #expect(d.state.focus == .detail)
        let back = d.state.bindings.firstKey(for: .back, from: .detail) ?? "?"
        #expect(d.screen.last?.hasPrefix("\(back) back") == true, "\(d.screen.last ?? "")")
    }

    @Test func anErrorStaysWhenTheFocusChanges() async {
        var d = TestDriver()
        await d.start()
        d.state.setStatus("Could not save: boom", .error)
        await d.press("<Enter>")
        #expect(d.state.status.message?.text == "Could not save: boom")
    }
}
