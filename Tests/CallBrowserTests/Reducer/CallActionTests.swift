@testable import CallBrowser
import CallsCore
import Foundation
import Testing

/// Every call action through the reducer and the effect runner against the fake service.
@Suite struct CallActionTests {
    static let leftVoicemail = "b2cf5968-551e-4856-9783-52b3da59a7d0"

    func started(columns: Int = 120) async -> TestDriver {
        var driver = TestDriver(columns: columns, rows: 40)
        await driver.start()
        return driver
    }

    // MARK: - Outcome

    @Test func theOutcomePickerListsAllOutcomesMarksTheCurrentAndStoresTheGUID() async {
        var d = await started()
        await d.press("o")
        guard case .picker(let picker) = d.state.modal else { Issue.record("no picker"); return }
        #expect(picker.items.map(\.label) == ["(none)"] + OutcomeCatalog.defaults.map(\.label) + ["Callback requested"])
        #expect(picker.currentID == OutcomeCatalog.defaults[0].id)
        await d.type("voicem")
        #expect(PickerController.current(d.state)?.visibleItems.map(\.label) == ["Left voicemail"])
        await d.press("<Enter>")
        #expect(d.state.modal == nil)
        #expect(d.effects.contains(.saveCall(token: d.effects.compactMap { if case .saveCall(let t, _, _) = $0 { t } else { nil } }.first ?? 0, callID: "1000", properties: [CallProperty.disposition: Self.leftVoicemail])))
        #expect(await d.service.property(CallProperty.disposition, of: .calls, id: "1000") == Self.leftVoicemail)
        #expect(d.state.list.rows[0]?.call.dispositionID == Self.leftVoicemail)
        #expect(d.state.undo != nil)
    }

    @Test func choosingTheOutcomeTheCallAlreadyHasWritesNothing() async {
        var d = await started()
        await d.service.fail("update")
        let before = d.effects.count
        await d.press("o")
        guard case .picker(let picker) = d.state.modal else { Issue.record("no picker"); return }
        #expect(picker.items[picker.cursor].id == picker.currentID)
        await d.press("<Enter>")
        #expect(d.state.modal == nil)
        #expect(!d.effects[before...].contains { if case .saveCall = $0 { true } else { false } })
        #expect(d.state.status.message?.text == "Outcome unchanged: already \(OutcomeCatalog.defaults[0].label)")
        #expect(d.state.undo == nil)
    }

    @Test func aFailedOutcomeIsRolledBackWithTheReason() async {
        var d = await started()
        await d.service.fail("update")
        let before = d.state.list.rows[0]?.call.dispositionID
        await d.press("o")
        await d.type("wrong")
        await d.press("<Enter>")
        #expect(d.state.list.rows[0]?.call.dispositionID == before)
        #expect(d.state.status.message?.kind == .error)
        #expect(d.state.status.message?.text.contains("update refused by the fake") == true)
        // Says it did not happen, with the outcome's label as the user knows it.
        #expect(d.state.status.message?.text.hasPrefix("“Outcome set to Wrong number” did not go through; put back as it was: ") == true)
        #expect(d.state.undo == nil)
    }

    @Test func undoPutsTheOutcomeBack() async {
        var d = await started()
        let before = d.state.list.rows[0]?.call.dispositionID
        await d.press("o")
        await d.type("connected")
        await d.press("<Enter>")
        await d.press("u")
        #expect(d.state.list.rows[0]?.call.dispositionID == before)
        #expect(await d.service.property(CallProperty.disposition, of: .calls, id: "1000") == before)
        #expect(d.state.undo == nil)
        await d.press("u")
        #expect(d.state.status.message?.text == "Nothing to undo")
    }

    @Test func noneClearsTheOutcomeAndUndoPutsItBack() async {
        var d = await started()
        let before = d.state.list.rows[0]?.call.dispositionID
        #expect(before != nil)
        await d.press("o")
        guard case .picker(let picker) = d.state.modal else { Issue.record("no picker"); return }
        #expect(picker.items.first?.label == "(none)")
        await d.type("none")
        await d.press("<Enter>")
        #expect(d.state.status.message?.text.hasPrefix("Outcome cleared") == true)
        #expect((await d.service.property(CallProperty.disposition, of: .calls, id: "1000") ?? "").isEmpty)
        #expect(d.state.list.rows[0]?.call.dispositionID == nil)
        // On a call without an outcome, `o` `Enter` changes nothing.
        let effects = d.effects.count
        await d.press("o", "<Enter>")
        #expect(!d.effects[effects...].contains { if case .saveCall = $0 { true } else { false } })
        #expect(d.state.status.message?.text == "Outcome unchanged: none set")
        await d.press("u")
        #expect(await d.service.property(CallProperty.disposition, of: .calls, id: "1000") == before)
    }

    @Test func markedCallsGetTheirOutcomeInOneBatchWithFailuresListed() async {
        var d = await started()
        await d.press("<Space>", "<Space>", "<Space>")
        await d.service.fail("batchUpdate")
        await d.press("o")
        guard case .picker(let picker) = d.state.modal else { Issue.record("no picker"); return }
        #expect(picker.title == "Outcome of 3 marked calls")
        // An outcome none of the three has (a call that has it already is not written).
        await d.type("wrong")
        await d.press("<Enter>")
        #expect(d.effects.contains { if case .batchUpdate(_, let updates) = $0 { updates.map(\.id) == ["1000", "1001", "1002"] } else { false } })
        #expect(d.state.status.message?.kind == .error)
    }

    @Test func markedCallsThatAlreadyHaveTheOutcomeAreNotWritten() async {
        var d = await started()
        await d.press("<Space>", "<Space>")
        let current = d.state.list.rows[0]?.call.dispositionID
        await d.press("o")
        guard case .picker(let picker) = d.state.modal, let label = picker.items.first(where: { $0.id == current })?.label else { Issue.record("no picker"); return }
        await d.type(label)
        await d.press("<Enter>")
        let written = d.effects.flatMap { effect -> [String] in
            switch effect {
            case .batchUpdate(_, let updates): updates.map(\.id)
            case .saveCall(_, let id, _): [id]
            default: []
            }
        }
        #expect(written == ["1001"])
    }

    @Test func batchOutcomeSucceedsForEveryMarkedCall() async {
        var d = await started()
        await d.press("<Space>", "<Space>")
        await d.press("o")
        await d.type("no answer")
        await d.press("<Enter>")
        for id in ["1000", "1001"] {
            #expect(await d.service.property(CallProperty.disposition, of: .calls, id: id) == "73a0d17f-1163-4015-bdd5-ec830791da20")
        }
        #expect(d.state.list.marked.isEmpty)
    }

    // MARK: - Delete

    @Test func deleteAsksWithNoAsTheDefault() async {
        var d = await started()
        await d.press("d")
        guard case .confirm(let confirm) = d.state.modal else { Issue.record("no confirm"); return }
        #expect(confirm.message.contains("Call 1 Renewal check-in"))
        #expect(!confirm.yesSelected)
        await d.press("<Enter>")
        #expect(d.state.modal == nil)
        #expect(d.state.list.rows.count == 12)
    }

    @Test func aDeletedCallDisappearsAndUndoBringsItBackWithinTheWindow() async {
        var d = await started()
        await d.press("d", "y")
        #expect(d.state.list.rows.first?.id == "1001")
        #expect(d.state.list.total == 11)
        #expect(d.state.status.message?.text == "Deleted — u to undo")
        await d.advance(seconds: 3)
        #expect(await d.service.exists(.calls, "1000"))
        await d.press("u")
        #expect(d.state.list.rows.first?.id == "1000")
        #expect(d.state.list.total == 12)
        await d.advance(seconds: 10)
        #expect(await d.service.exists(.calls, "1000"))
    }

    @Test func aDeleteGoesThroughWhenTheUndoWindowPasses() async {
        var d = await started()
        await d.press("d", "y")
        await d.advance(seconds: AppState.undoWindow + 0.5)
        #expect(await !d.service.exists(.calls, "1000"))
        #expect(d.effects.contains { if case .archive(_, "1000") = $0 { true } else { false } })
        await d.press("u")
        #expect(d.state.list.rows.first?.id == "1001")
    }

    @Test func quittingSendsPendingDeletesFirst() async {
        var d = await started()
        await d.press("d", "y")
        await d.press("Q")
        #expect(d.quit)
        #expect(await !d.service.exists(.calls, "1000"))
        #expect(d.effects.suffix(2).first.map { if case .batchArchive(_, ["1000"]) = $0 { true } else { false } } == true)
    }

    @Test func markedCallsAreDeletedTogether() async {
        var d = await started()
        await d.press("<Space>", "<Space>")
        await d.press("d")
        guard case .confirm(let confirm) = d.state.modal else { Issue.record("no confirm"); return }
        #expect(confirm.message == "Delete the 2 marked calls?")
        await d.press("<Tab>", "<Enter>")
        #expect(d.state.list.rows.count == 10)
        await d.advance(seconds: 9)
        #expect(d.effects.contains(where: { if case .batchArchive(_, ["1000", "1001"]) = $0 { true } else { false } }))
        #expect(await !d.service.exists(.calls, "1001"))
    }

    @Test func aFailedDeleteBringsTheRowBackAndSaysWhy() async {
        var d = await started()
        await d.service.fail("archive")
        await d.press("d", "y")
        await d.advance(seconds: 9)
        #expect(d.state.list.rows.contains { $0.id == "1000" })
        #expect(d.state.status.message?.kind == .error)
    }

    // MARK: - Pin

    @Test func pinningOnTheOnlyRecordAndUnpinningAgain() async {
        var d = await started()
        await d.press("j") // 1001: one contact, no company
        await d.press("p")
        #expect(await d.service.property(CallProperty.pinnedEngagement, of: .contacts, id: "202") == "1001")
        #expect(d.state.detail.detail?.associations[.contacts]?.first?.pins("1001") == true)
        #expect(BrowserView.render(d.state).text.contains("[pinned]"))
        await d.press("p")
        #expect(await d.service.property(CallProperty.pinnedEngagement, of: .contacts, id: "202") == nil)
        await d.press("u")
        #expect(await d.service.property(CallProperty.pinnedEngagement, of: .contacts, id: "202") == "1001")
    }

    @Test func pinningAsksWhichRecordWhenThereAreSeveral() async {
        var d = await started()
        await d.press("p")
        guard case .picker(let picker) = d.state.modal else { Issue.record("no picker"); return }
        #expect(picker.items.map(\.label) == ["Contact: Chloe Martin", "Company: Acme Corp"])
        await d.press("<Down>", "<Enter>")
        #expect(await d.service.property(CallProperty.pinnedEngagement, of: .companies, id: "301") == "1000")
    }

    @Test func pinningACallWithoutAssociationsExplainsWhy() async {
        var d = await started()
        await d.press("j", "j", "j", "j") // 1004 has no associations
        await d.press("p")
        #expect(d.state.modal == nil)
        #expect(d.state.status.message?.text.contains("No associated record to pin it on") == true)
        // The whole explanation fits an 80-column status line (QA F14).
        #expect((d.state.status.message?.text.count ?? 99) < 70)
    }

    // MARK: - Associations

    @Test func associatingSearchesRecordsOfTheChosenTypeAndLinksThePick() async {
        var d = await started()
        await d.press("j", "j", "j", "j")
        await d.press("a")
        guard case .picker(let types) = d.state.modal else { Issue.record("no picker"); return }
        #expect(types.items.map(\.label) == ["Contact", "Company", "Deal", "Ticket"])
        await d.press("<Enter>")
        guard case .picker(let records) = d.state.modal else { Issue.record("no record picker"); return }
        #expect(records.items.count == 3)
        await d.type("eva")
        #expect(PickerController.current(d.state)?.items.map(\.label) == ["Eva Novak"])
        await d.press("<Enter>")
        #expect(await d.service.isLinked(call: "1004", to: ObjectRef(.contacts, "203")))
        #expect(d.state.detail.detail?.associations[.contacts]?.map(\.name) == ["Eva Novak"])
        #expect(d.effects.contains(.associate(token: d.effects.compactMap { if case .associate(let t, _, _) = $0 { t } else { nil } }.first ?? 0, callID: "1004", record: ObjectRef(.contacts, "203"))))
        await d.press("u")
        #expect(await !d.service.isLinked(call: "1004", to: ObjectRef(.contacts, "203")))
    }

    @Test func removingAnAssociationIsChosenFromTheDetailAndConfirmed() async {
        var d = await started()
        await d.press("x")
        guard case .picker(let picker) = d.state.modal else { Issue.record("no picker"); return }
        #expect(picker.items.map(\.label) == ["Contact: Chloe Martin", "Company: Acme Corp"])
        await d.press("<Down>", "<Enter>")
        guard case .confirm = d.state.modal else { Issue.record("no confirm"); return }
        await d.press("y")
        #expect(await !d.service.isLinked(call: "1000", to: ObjectRef(.companies, "301")))
        #expect(d.state.detail.detail?.associations[.companies] == nil)
        await d.press("u")
        #expect(await d.service.isLinked(call: "1000", to: ObjectRef(.companies, "301")))
    }

    // MARK: - Edit

    @Test func editingSavesOnlyTheChangedPropertiesAfterValidation() async {
        var d = await started()
        await d.press("e")
        guard case .form(let form) = d.state.modal else { Issue.record("no form"); return }
        #expect(form.focusedField?.name == CallProperty.title)
        #expect(form.fields.contains { $0.name == CallProperty.bodyPreview && $0.readOnly })
        await d.press("<C-u>")
        await d.type("Renewal signed")
        await d.press("<C-s>")
        #expect(d.state.modal == nil)
        #expect(d.effects.contains { if case .saveCall(_, "1000", let props) = $0 { props == [CallProperty.title: "Renewal signed"] } else { false } })
        #expect(d.state.list.rows[0]?.call.title == "Renewal signed")
        #expect(BrowserView.render(d.state).text.contains("Renewal signed"))
        #expect(d.effects.contains(.clearDraft))
    }

    @Test func anInvalidValueIsShownInlineAndNothingIsSent() async {
        var d = await started()
        await d.press("e")
        guard case .form(var form) = d.state.modal, let index = form.fields.firstIndex(where: { $0.name == CallProperty.recordingURL }) else { Issue.record("no form"); return }
        form.focus = index
        d.state.modal = .form(form)
        await d.press("<C-u>")
        await d.type("http://insecure.example.com/a.mp3")
        guard case .form(let after) = d.state.modal else { Issue.record("form closed"); return }
        #expect(after.fields[index].error?.contains("https") == true)
        let sent = d.effects.count
        await d.press("<C-s>")
        #expect(d.effects.count == sent)
        guard case .form = d.state.modal else { Issue.record("form closed"); return }
        #expect(d.state.status.message?.kind == .error)
    }

    @Test func escapeWithUnsavedChangesAsksAndNoReturnsToTheForm() async {
        var d = await started()
        await d.press("e")
        await d.type("x")
        await d.press("<Esc>")
        guard case .confirm = d.state.modal else { Issue.record("no confirm"); return }
        await d.press("n")
        guard case .form(let form) = d.state.modal else { Issue.record("not back in the form"); return }
        #expect(form.isDirty)
        await d.press("<Esc>", "y")
        #expect(d.state.modal == nil)
        #expect(d.state.list.rows[0]?.call.title == "Call 1 Renewal check-in")
    }

    @Test func escapeWithoutChangesClosesAtOnce() async {
        var d = await started()
        await d.press("e", "<Esc>")
        #expect(d.state.modal == nil)
    }

    @Test func anEnumerationFieldOpensItsChoices() async {
        var d = await started()
        await d.press("e")
        guard case .form(var form) = d.state.modal, let index = form.fields.firstIndex(where: { $0.name == CallProperty.status }) else { Issue.record("no form"); return }
        form.focus = index
        d.state.modal = .form(form)
        await d.press("<Enter>")
        #expect(d.state.context == .picker)
        await d.type("miss")
        await d.press("<Enter>")
        guard case .form(let after) = d.state.modal else { Issue.record("form closed"); return }
        #expect(after.fields[index].value == "MISSED")
        await d.press("<C-s>")
        #expect(await d.service.property(CallProperty.status, of: .calls, id: "1000") == "MISSED")
    }

    // MARK: - Quick-log

    @Test func quickLogIsPrefilledAndSavesWithTheContactAssociation() async {
        var d = await started()
        await d.press("c")
        guard case .form(let form) = d.state.modal else { Issue.record("no form"); return }
        #expect(form.field("record")?.value == "contacts:201")
        #expect(form.field(CallProperty.direction)?.value == "OUTBOUND")
        #expect(form.field(CallProperty.status)?.value == "COMPLETED")
        #expect(form.field(CallProperty.timestamp)?.value == "2025-11-26 13:00:00")
        await d.press("<Tab>", "<Tab>")
        await d.type("Quick follow-up")
        await d.press("<C-s>")
        #expect(d.state.modal == nil)
        guard let create = d.effects.first(where: { if case .createCall = $0 { true } else { false } }), case .createCall(_, let input) = create else { Issue.record("no create"); return }
        #expect(input.properties[CallProperty.title] == "Quick follow-up")
        #expect(input.properties[CallProperty.timestamp] == String(HubSpotTimestamp.milliseconds(TestDriver.now)))
        #expect(input.associations == [AssociationInput(toID: "201", typeID: 194)])
        #expect(d.state.status.message?.text == "Logged call “Quick follow-up”")
    }

    @Test func theQuickLogTimerFillsTheDuration() async {
        var d = await started()
        await d.press("c", "<C-t>")
        await d.advance(seconds: 65)
        guard case .form(let running) = d.state.modal else { Issue.record("no form"); return }
        #expect(running.field(CallProperty.duration)?.value == "0:01:05")
        await d.press("<C-t>")
        await d.advance(seconds: 30)
        guard case .form(let stopped) = d.state.modal else { Issue.record("no form"); return }
        #expect(stopped.field(CallProperty.duration)?.value == "0:01:05")
        await d.press("<C-s>")
        guard case .createCall(_, let input) = d.effects.last(where: { if case .createCall = $0 { true } else { false } }) else { Issue.record("no create"); return }
        #expect(input.properties[CallProperty.duration] == "65000")
    }

    @Test func enterOnTheLastFieldSaves() async {
        var d = await started()
        await d.press("c", "<S-Tab>")
        await d.press("<Enter>")
        #expect(d.effects.contains { if case .createCall = $0 { true } else { false } })
    }

    @Test func theTimerIsOnlyInQuickLog() async {
        var d = await started()
        await d.press("e", "<C-t>")
        #expect(d.state.status.message?.text == "The call timer is only in the quick-log form")
    }

    // MARK: - Misc

    @Test func copyIDAsksForTheClipboardAndConfirms() async {
        var d = await started()
        await d.press("y")
        #expect(d.effects.contains(.copyToClipboard("1000")))
        #expect(d.state.status.message?.text == "Copied 1000 to the clipboard")
    }

    @Test func helpOpensAndCloses() async {
        var d = await started()
        await d.press("?")
        #expect(d.state.modal == .help(scroll: 0))
        await d.press("j")
        #expect(d.state.modal == .help(scroll: 1))
        await d.press("q")
        #expect(d.state.modal == nil)
        #expect(!d.quit)
    }

    @Test func refreshReloadsEverythingAndKeepsTheSelection() async {
        var d = await started()
        await d.press("j", "j")
        await d.press("R")
        #expect(d.state.list.selected?.id == "1002")
        #expect(d.effects.filter { if case .loadLookups = $0 { true } else { false } }.count == 2)
    }

    @Test func readOnlyModeRefusesMutationsAndSaysWhy() async {
        var d = TestDriver()
        d.state.readOnly = true
        await d.start()
        await d.press("d")
        #expect(d.state.modal == nil)
        #expect(d.state.status.message?.text == "Read-only mode: delete-call is disabled")
        #expect(!StatusLineView.hints(d.state).contains { $0.text.contains("delete") })
    }

    @Test func qQuitsFromTheListWhenNothingIsPending() async {
        var d = await started()
        await d.press("q")
        #expect(d.quit)
    }
}

@Suite struct QuickLogOnlyTests {
    @Test func theQuickLogOnlyModeOpensTheFormSearchesContactsAndQuitsAfterSaving() async {
        var d = TestDriver(columns: 80, rows: 24)
        d.state.quickLogOnly = true
        await d.start()
        guard case .form(let form) = d.state.modal else { Issue.record("no form"); return }
        #expect(form.kind == .quickLog)
        #expect(!d.effects.contains { if case .fetchPage = $0 { true } else { false } })
        await d.type("dev")
        #expect(PickerController.current(d.state)?.items.map(\.label) == ["Contact: Dev Patel"])
        await d.press("<Enter>")
        guard case .form(let chosen) = d.state.modal else { Issue.record("form closed"); return }
        #expect(chosen.field("record")?.value == "contacts:202")
        #expect(chosen.field("record")?.displayValue == "Contact: Dev Patel")
        await d.press("<C-s>")
        #expect(d.quit)
        guard case .createCall(_, let input) = d.effects.first(where: { if case .createCall = $0 { true } else { false } }) else { Issue.record("no create"); return }
        #expect(input.associations == [AssociationInput(toID: "202", typeID: 194)])
    }

    @Test func escapeWithoutChangesQuitsTheQuickLogOnlyMode() async {
        var d = TestDriver(columns: 80, rows: 24)
        d.state.quickLogOnly = true
        await d.start()
        await d.press("<Esc>")
        #expect(d.quit)
    }
}

@Suite struct DraftTests {
    @Test func anOpenFormsDraftIsWrittenOnEachChangeAndRestoredOnTheNextStart() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hubcalls-draft-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("draft.json")
        let service = FakeCRMService()
        var first = TestDriver(service: service, draftURL: url)
        await first.start()
        await first.press("e", "<C-u>")
        await first.type("Half-typed title")
        #expect(FileManager.default.fileExists(atPath: url.path))

        var second = TestDriver(service: service, draftURL: url)
        await second.start()
        guard case .form(let form) = second.state.modal else { Issue.record("draft not restored"); return }
        #expect(form.kind == .edit(callID: "1000"))
        #expect(form.field(CallProperty.title)?.value == "Half-typed title")
        #expect(form.isDirty)
        #expect(second.state.status.message?.text == "Restored an unsaved draft")
        await second.press("<C-s>")
        #expect(!FileManager.default.fileExists(atPath: url.path))
        #expect(await service.property(CallProperty.title, of: .calls, id: "1000") == "Half-typed title")
    }
}
