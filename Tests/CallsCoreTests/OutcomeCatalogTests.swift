import CallsCore
import Testing

@Suite struct OutcomeCatalogTests {
    @Test(arguments: [
        ("Busy", "9d9162e7-6cf3-4944-bf63-4dff82258764"),
        ("Connected", "f240bbac-87c9-4f6e-bf70-924b57d47db7"),
        ("Left live message", "a4c4c377-d246-4b32-a13b-75a56a4cd0ff"),
        ("Left voicemail", "b2cf5968-551e-4856-9783-52b3da59a7d0"),
        ("No answer", "73a0d17f-1163-4015-bdd5-ec830791da20"),
        ("Wrong number", "17b47fee-58de-441e-a44c-c6300d46f273"),
    ])
    func defaultOutcomeHasHubSpotsGUID(label: String, guid: String) {
        let catalog = OutcomeCatalog()
        #expect(catalog.label(for: guid) == label)
        #expect(catalog.resolve(label)?.id == guid)
        #expect(catalog.resolve(label.uppercased())?.id == guid)
        #expect(catalog.outcome(id: guid)?.isDefault == true)
    }

    @Test func thereAreExactlySixDefaults() {
        #expect(OutcomeCatalog.defaults.count == 6)
        #expect(Set(OutcomeCatalog.defaults.map(\.id)).count == 6)
    }

    @Test func customOutcomesAreMergedAfterTheDefaults() {
        let custom = Outcome(id: "11111111-2222-3333-4444-555555555555", label: "Meeting booked")
        let catalog = OutcomeCatalog(custom: [custom])
        #expect(catalog.outcomes.count == 7)
        #expect(catalog.outcomes.last == custom)
        #expect(catalog.resolve("meeting booked")?.id == custom.id)
        #expect(catalog.outcome(id: custom.id)?.isDefault == false)
    }

    @Test func aCustomEntryWithADefaultGUIDRenamesInsteadOfDuplicating() {
        let catalog = OutcomeCatalog(custom: [Outcome(id: "F240BBAC-87C9-4F6E-BF70-924B57D47DB7", label: "Talked")])
        #expect(catalog.outcomes.count == 6)
        #expect(catalog.label(for: "f240bbac-87c9-4f6e-bf70-924b57d47db7") == "Talked")
    }

    @Test func unknownGUIDShowsShortAndNeverCrashes() {
        let catalog = OutcomeCatalog()
        #expect(catalog.label(for: "deadbeef-0000-0000-0000-000000000000") == "deadbeef…")
        #expect(catalog.label(for: "x") == "x")
        #expect(catalog.resolve("Nope") == nil)
    }
}
