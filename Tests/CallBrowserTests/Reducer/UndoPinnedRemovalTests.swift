@testable import CallBrowser
import CallsCore
import Foundation
import Testing

/// QA4 Q4-3: removing a pinned association takes the pin with it (both backends do); the
/// dialog says so, and `u` brings back the association and the pin.
@Suite struct UndoPinnedRemovalTests {
    /// Call 1001 (one contact, Dev Patel) pinned on that contact.
    func pinned() async -> TestDriver {
        var d = TestDriver(columns: 120, rows: 40)
        await d.start()
        await d.press("j", "p")
        return d
    }

    @Test func theConfirmDialogSaysThePinGoesToo() async {
        var d = await pinned()
        await d.press("x", "<Enter>")
        guard case .confirm(let confirm) = d.state.modal else { Issue.record("no confirm"); return }
        #expect(confirm.message.contains("pinned there; the pin goes too"))
    }

    @Test func undoingTheRemovalRestoresThePin() async {
        var d = await pinned()
        #expect(await d.service.property(CallProperty.pinnedEngagement, of: .contacts, id: "202") == "1001")
        await d.press("x", "<Enter>", "y")
        #expect(await !d.service.isLinked(call: "1001", to: ObjectRef(.contacts, "202")))
        #expect(await d.service.property(CallProperty.pinnedEngagement, of: .contacts, id: "202") == nil)
        await d.press("u")
        #expect(await d.service.isLinked(call: "1001", to: ObjectRef(.contacts, "202")))
        #expect(await d.service.property(CallProperty.pinnedEngagement, of: .contacts, id: "202") == "1001")
        #expect(d.state.detail.detail?.associations[.contacts]?.first?.pins("1001") == true)
        #expect(d.state.status.message?.kind == .success)
        #expect(d.state.status.message?.text.hasPrefix("Undid") == true)
    }

    @Test func anUnpinnedRemovalIsUndoneWithoutAPin() async {
        var d = TestDriver(columns: 120, rows: 40)
        await d.start()
        await d.press("j", "x", "<Enter>")
        guard case .confirm(let confirm) = d.state.modal else { Issue.record("no confirm"); return }
        #expect(!confirm.message.contains("pin"))
        await d.press("y", "u")
        #expect(await d.service.isLinked(call: "1001", to: ObjectRef(.contacts, "202")))
        #expect(await d.service.property(CallProperty.pinnedEngagement, of: .contacts, id: "202") == nil)
        #expect(!d.effects.contains { if case .pin = $0 { true } else { false } })
    }

    @Test func aPinThatFailsAfterTheAssociationCameBackSaysSo() async {
        var d = await pinned()
        await d.press("x", "<Enter>", "y")
        await d.service.fail("update") // a pin is an update of the record
        await d.press("u")
        #expect(await d.service.isLinked(call: "1001", to: ObjectRef(.contacts, "202")))
        #expect(d.state.status.message?.kind == .error)
        #expect(d.state.status.message?.text.hasPrefix("The association is back, but the call could not be pinned on it again") == true)
        #expect(d.state.detail.detail?.associations[.contacts]?.first?.pins("1001") == false)
    }
}
