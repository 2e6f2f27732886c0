@testable import CallBrowser
import CallsCore
import Foundation
import Testing

/// A save's answer (the object as the service now holds it) updates the shown detail, so
/// "Last modified date" is current without `R` (QA3 R6).
@Suite struct SavedPropertiesTests {
    @Test func theSavedObjectsLastModifiedDateReachesTheSidePane() async {
        let service = FakeCRMService(callCount: 3)
        await service.stampUpdates(with: "2025-11-26T12:34:56Z")
        var d = TestDriver(service: service)
        await d.start()
        await d.press("e", "<C-u>")
        await d.type("Renamed")
        await d.press("<C-s>")
        #expect(d.state.modal == nil)
        #expect(d.state.detail.detail?.call.object[property: CallProperty.lastModified] == "2025-11-26T12:34:56Z")
        #expect(d.screen.contains { $0.contains("Last modified") && $0.contains("12:34:56") })
    }
}
