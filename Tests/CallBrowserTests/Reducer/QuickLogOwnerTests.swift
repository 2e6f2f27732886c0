@testable import CallBrowser
import CallsCore
import Foundation
import Testing

/// Quick-logged calls get the configured owner, as HubSpot's UI makes the logging user the
/// owner; the form shows it and it can be changed.
@Suite struct QuickLogOwnerTests {
    func started(owner: String?) async -> TestDriver {
        var d = TestDriver()
        d.state.defaultOwner = owner
        await d.start()
        return d
    }

    func created(_ d: TestDriver) -> ObjectInput? {
        for case .createCall(_, let input) in d.effects { return input }
        return nil
    }

    @Test(arguments: ["ben@example.com", "Ben Okafor", "102", " BEN@EXAMPLE.COM "])
    func theConfiguredOwnerOwnsAQuickLoggedCall(owner: String) async {
        var d = await started(owner: owner)
        await d.press("c")
        #expect(d.state.openForm?.field(CallProperty.owner)?.value == "102")
        #expect(d.screen.contains { $0.contains("Owner") && $0.contains("Ben Okafor") })
        await d.press("<C-s>")
        #expect(created(d)?.properties[CallProperty.owner] == "102")
        #expect(await d.service.objects[.calls]?.values.contains { $0[property: CallProperty.owner] == "102" && $0[property: CallProperty.timestamp] == String(HubSpotTimestamp.milliseconds(TestDriver.now)) } == true)
    }

    @Test func withoutASettingTheOwnerIsLeftEmptyAndCanBeChosen() async {
        var d = await started(owner: nil)
        await d.press("c")
        #expect(d.state.openForm?.field(CallProperty.owner)?.value == "")
        await d.press("<S-Tab>", "<S-Tab>")
        #expect(d.state.openForm?.focusedField?.name == CallProperty.owner)
        await d.press("<Enter>")
        await d.type("ana")
        await d.press("<Enter>", "<C-s>")
        #expect(created(d)?.properties[CallProperty.owner] == "101")
    }

    @Test func aSettingThatNamesNoOwnerIsReportedOnceTheOwnersAreKnown() async {
        var d = await started(owner: "nobody@example.com")
        #expect(d.state.status.message?.kind == .warning)
        #expect(d.state.status.message?.text.contains("owner “nobody@example.com” is none of the account's owners") == true)
        await d.press("c")
        #expect(d.state.openForm?.field(CallProperty.owner)?.value == "")
    }

    @Test func ownersArrivingAfterTheFormOpenedFillTheUntouchedOwnerField() async {
        var d = TestDriver()
        d.state.defaultOwner = "ana@example.com"
        d.state.modal = .form(FormBuilder.quickLog(d.state))
        #expect(d.state.openForm?.field(CallProperty.owner)?.value == "")
        let owners = await d.service.ownerList
        await d.send(.lookupsLoaded(token: 1, Lookups(owners: owners, outcomes: OutcomeCatalog(), loaded: true)))
        #expect(d.state.openForm?.field(CallProperty.owner)?.value == "101")
        #expect(d.state.openForm?.isDirty == false)
    }
}
