@testable import CallBrowser
import CallsCore
import Foundation
import Testing

/// The edit form's frame names the call as the list does: hostile titles cleaned (QA3 R5).
@Suite struct FormTitleCleanTests {
    func editForm(title: String) async -> TestDriver {
        let service = FakeCRMService(callCount: 3)
        _ = try? await service.update(.calls, id: "1000", properties: [CallProperty.title: title])
        var d = TestDriver(service: service)
        await d.start()
        await d.press("e")
        return d
    }

    @Test func escapeSequencesInTheTitleDoNotReachTheFrame() async {
        let d = await editForm(title: "\u{1B}[2J\u{1B}[HScreen clear attempt")
        #expect(d.state.openForm?.title == "Edit call “Screen clear attempt”")
        #expect(d.screen.contains { $0.contains("Edit call “Screen clear attempt”") })
        #expect(!d.screen.joined().contains("\u{FFFD}"))
    }

    @Test func c1ControlsInTheTitleAreDropped() async {
        let d = await editForm(title: "C1 controls \u{9B}31m in title\u{85}")
        let title = d.state.openForm?.title ?? ""
        #expect(title.hasPrefix("Edit call “C1 controls"))
        #expect(!title.unicodeScalars.contains { (0x80...0x9F).contains($0.value) || $0.value == 0x1B })
        #expect(!d.screen.joined().contains("\u{FFFD}"))
    }

    @Test func aCallWithoutTitleIsNamedByItsID() async {
        let d = await editForm(title: "")
        #expect(d.state.openForm?.title == "Edit call “1000”")
    }
}
