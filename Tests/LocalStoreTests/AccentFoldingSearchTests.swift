import CallsCore
import Foundation
import Testing
@testable import LocalStore

/// Free-text search ignores accents on both sides (QA4 Q4-7): `zoe` finds "Zoë", and "Zoë"
/// still does. Calls (the `/` filter, `hubcalls list --query`) and records (the pickers) use
/// the same index.
@Suite struct AccentFoldingSearchTests {
    /// Calls and contacts with accented names; their names in search results.
    struct Fixture {
        let store: LocalCRMService
        var calls: [String: String] = [:]
        var contacts: [String: String] = [:]

        static func make(_ store: LocalCRMService) async throws -> Fixture {
            var fixture = Fixture(store: store)
            let calls: [(String, String, String)] = [
                ("zoe", "Call with Zoë Smith", "She asked for a quote."),
                ("bjorn", "Callback requested by Björn Patel", ""),
                ("odegaard", "Renewal", "Spoke with Ingrid Ødegaard about the contract."),
                ("muller", "Müller GmbH onboarding", ""),
                ("strasse", "Delivery address", "Ships to Hauptstraße 5."),
                ("tokyo", "東京オフィスとの打ち合わせ", "見積書を再送します。"),
                ("fyodor", "Звонок Фёдору", "Перезвонить завтра."),
                ("plain", "Zoe Plain", "Odegaard Muller Strasse"),
            ]
            for (name, title, body) in calls {
                let input = callInput(title, body.isEmpty ? [:] : [CallProperty.body: body])
                fixture.calls[name] = try await store.create(.calls, input).id
            }
            for (name, first, last) in [("zoe", "Zoë", "Smith"), ("bjorn", "Björn", "Patel"), ("odegaard", "Ingrid", "Ødegaard"), ("muller", "Hans", "Müller")] {
                fixture.contacts[name] = try await store.makeContact(first, last)
            }
            return fixture
        }

        func calls(_ query: String) async throws -> Set<String> {
            let byID = Dictionary(uniqueKeysWithValues: calls.map { ($0.value, $0.key) })
            let page = try await store.search(.calls, SearchRequest(query: query, limit: 100))
            return Set(page.results.map { byID[$0.id] ?? $0.id })
        }

        func contacts(_ query: String) async throws -> Set<String> {
            let byID = Dictionary(uniqueKeysWithValues: contacts.map { ($0.value, $0.key) })
            let page = try await store.search(.contacts, SearchRequest(query: query, limit: 100))
            return Set(page.results.map { byID[$0.id] ?? $0.id })
        }
    }

    private func fixture(_ kind: StoreKind, _ body: (Fixture) async throws -> Void) async throws {
        try await withStore(kind) { store in try await body(try await Fixture.make(store)) }
    }

    @Test("Plain ASCII finds the accented spelling in calls' titles and notes", arguments: StoreKind.allCases)
    func asciiFindsAccented(kind: StoreKind) async throws {
        try await fixture(kind) { (f: Fixture) async throws in
            #expect(try await f.calls("zoe") == ["zoe", "plain"])
            #expect(try await f.calls("bjorn") == ["bjorn"])
            #expect(try await f.calls("odegaard") == ["odegaard", "plain"])
            #expect(try await f.calls("muller") == ["muller", "plain"])
            #expect(try await f.calls("MULLER gmbh") == ["muller"])
            #expect(try await f.calls("strasse") == ["strasse", "plain"])
        }
    }

    @Test("The accented spelling still finds itself, and the plain one", arguments: StoreKind.allCases)
    func accentedFindsBoth(kind: StoreKind) async throws {
        try await fixture(kind) { (f: Fixture) async throws in
            #expect(try await f.calls("Zoë") == ["zoe", "plain"])
            #expect(try await f.calls("ZOË SMITH") == ["zoe"])
            #expect(try await f.calls("Ødegaard") == ["odegaard", "plain"])
            #expect(try await f.calls("Straße") == ["strasse", "plain"])
            #expect(try await f.calls("Zoe\u{0308}") == ["zoe", "plain"])
        }
    }

    @Test("Words of one or two characters fold too (they are matched with LIKE)")
    func shortWords() async throws {
        try await fixture(.memory) { (f: Fixture) async throws in
            #expect(try await f.calls("ß") == ["strasse", "plain"])
            #expect(try await f.calls("ød") == ["odegaard", "plain"])
            #expect(try await f.calls("東京") == ["tokyo"])
        }
    }

    @Test("CJK and Cyrillic queries still work; ё and е find each other", arguments: StoreKind.allCases)
    func otherScripts(kind: StoreKind) async throws {
        try await fixture(kind) { (f: Fixture) async throws in
            #expect(try await f.calls("東京オフィス") == ["tokyo"])
            #expect(try await f.calls("見積書") == ["tokyo"])
            #expect(try await f.calls("Фёдору") == ["fyodor"])
            #expect(try await f.calls("федору") == ["fyodor"])
            #expect(try await f.calls("ПЕРЕЗВОНИТЬ") == ["fyodor"])
        }
    }

    @Test("Record search (the pickers) finds contacts by their plain spelling")
    func recordSearch() async throws {
        try await fixture(.memory) { (f: Fixture) async throws in
            #expect(try await f.contacts("zoe") == ["zoe"])
            #expect(try await f.contacts("bjorn") == ["bjorn"])
            #expect(try await f.contacts("odegaard") == ["odegaard"])
            #expect(try await f.contacts("muller") == ["muller"])
            #expect(try await f.contacts("Björn") == ["bjorn"])
        }
    }

    @Test("An edited call is indexed folded too")
    func editedCall() async throws {
        try await fixture(.memory) { (f: Fixture) async throws in
            let id = try #require(f.calls["plain"])
            _ = try await f.store.update(.calls, id: id, properties: [CallProperty.title: "Zoë Plain, now with Søren"])
            #expect(try await f.calls("soren") == ["plain"])
        }
    }
}
