@testable import CallBrowser
import CallsCore
import Foundation
import HubSpotAPI
import LocalStore
import Testing

/// What each screen of the browser costs on `--backend hubspot`, counted at the server:
/// the reducer and effect runner drive `HubSpotCRMService` against `hubcalls serve`.
@Suite struct RequestEconomyTests {
    /// 130 calls (a page is 100): every call has a contact, every third also the company.
    static func seedCallsWithContacts(_ store: LocalCRMService) async throws -> (contacts: [ObjectRef], company: ObjectRef) {
        let contacts = [
            ObjectRef(.contacts, try await store.create(.contacts, ObjectInput(properties: ["firstname": "Grace", "lastname": "Hopper"])).id),
            ObjectRef(.contacts, try await store.create(.contacts, ObjectInput(properties: ["firstname": "Alan", "lastname": "Turing"])).id),
        ]
        let company = ObjectRef(.companies, try await store.create(.companies, ObjectInput(properties: ["name": "Analytical Engines"])).id)
        for index in 0..<130 {
            var links = [AssociationInput.call(to: contacts[index % 2])!]
            if index % 3 == 0 { links.append(AssociationInput.call(to: company)!) }
            let title = index % 10 == 0 ? "Renewal \(index)" : "Call \(index)"
            _ = try await store.create(.calls, ObjectInput(properties: Fixture.call(title, minute: index), associations: links))
        }
        return (contacts, company)
    }

    @Test func firstScreenNextPageDetailAndFilterCostWhatTheReadmeSays() async throws {
        try await withBackend(.hubspot) { backend in
            _ = try await Self.seedCallsWithContacts(backend.store)
            var driver = ScreenDriver(backend: backend)

            await driver.run(.started(Date()))
            #expect(driver.costs["lookups"] == 3)   // owners, dispositions, properties
            #expect(driver.costs["page"] == 3)      // search, contacts association batch, contact names
            let first = try #require(driver.state.list.rows.first)
            #expect(driver.costs["detail"] == 1 + (try await Self.associatedTypes(of: first.id, in: backend.store)))
            #expect(driver.state.list.rows.head.count == 100)

            driver.costs = [:]
            await driver.press("<PgDn>")            // two screens ahead of the cursor is past row 100
            #expect(driver.costs["page"] == 3)
            #expect(driver.state.list.rows.loadedCount == 130)

            driver.costs = [:]
            await driver.press("/")
            await driver.type("Renewal")
            await driver.press("<Enter>")
            #expect(driver.costs["page"] == 3)
            #expect(driver.state.list.rows.loadedCount == 13)
            #expect(driver.state.list.rows.loaded.allSatisfy { $0.record?.ref.type == .contacts })

            driver.costs = [:]
            await driver.press("j")                 // the side pane follows the cursor
            let selected = try #require(driver.state.list.selected)
            #expect(driver.costs["detail"] == 1 + (try await Self.associatedTypes(of: selected.id, in: backend.store)))

            // The server saw exactly what the client's own tally reported, effect by effect.
            #expect(driver.mismatches.isEmpty)
        }
    }

    @Test func companiesAreReadOnlyForCallsWithoutAContact() async throws {
        let recorder = Locked<CompanyReadsTransport?>(nil)
        try await withBackend(.hubspot, rateLimits: nil, wrap: { inner in
            let transport = CompanyReadsTransport(inner)
            recorder.set(transport)
            return transport
        }) { backend in
            let (contacts, company) = try await Self.seedCallsWithContacts(backend.store)
            // Newest first: these two are on the first page.
            let onlyCompany = try await backend.store.create(.calls, ObjectInput(
                properties: Fixture.call("Company only", minute: 500), associations: [AssociationInput.call(to: company)!]
            ))
            let nobody = try await backend.store.create(.calls, ObjectInput(properties: Fixture.call("Nobody", minute: 501)))
            var driver = ScreenDriver(backend: backend)
            await driver.run(.started(Date()))
            // search, contacts association batch (100 calls), companies association batch (the
            // 2 without a contact), contact names, company names.
            #expect(driver.costs["page"] == 5)
            #expect(recorder.value?.inputs.value == [2])
            let rows = Dictionary(uniqueKeysWithValues: driver.state.list.rows.loaded.map { ($0.id, $0) })
            #expect(rows[onlyCompany.id]?.record?.ref == company)
            #expect(rows[onlyCompany.id]?.record?.name == "Analytical Engines")
            #expect(rows[nobody.id]?.record == nil)
            // A call with both is named after its contact.
            #expect(driver.state.list.rows.loaded.filter { $0.id != onlyCompany.id && $0.id != nobody.id }.allSatisfy { row in
                contacts.contains(row.record?.ref ?? company)
            })
            #expect(driver.mismatches.isEmpty)
        }
    }

    static func associatedTypes(of callID: String, in store: LocalCRMService) async throws -> Int {
        var count = 0
        for type in ObjectType.recordTypes where !(try await store.associations(of: ObjectRef(.calls, callID), to: type)).isEmpty {
            count += 1
        }
        return count
    }
}

/// Runs the reducer and the effect runner like the app does, one effect at a time, and
/// counts at the server what each effect cost (the counters are reset before each).
struct ScreenDriver {
    let backend: Backend
    let runner: EffectRunner
    var state = AppState(columns: 120, rows: 40, now: Date(), timeZone: TimeZone(identifier: "UTC")!)
    /// Requests the server received for the last effect of each label (`page`, `detail`, …).
    var costs: [String: Int] = [:]
    /// Effects whose count at the server differs from what the client's tally logged.
    var mismatches: [String] = []
    private let logged = Locked<[String]>([])

    init(backend: Backend) {
        self.backend = backend
        var runner = EffectRunner(service: backend.service)
        let logged = self.logged
        runner.requestLog = { line in logged.set(logged.value + [line]) }
        self.runner = runner
    }

    mutating func run(_ msg: Msg) async {
        var queue = reduce(&state, msg)
        while !queue.isEmpty {
            let effect = queue.removeFirst()
            if effect == .quit { continue }
            logged.set([])
            do { try await backend.server!.resetStats() } catch { Issue.record(error); return }
            let result = await runner.run(effect)
            let atServer = (try? await backend.server!.stats().totalRequests) ?? -1
            costs[effect.costLabel] = atServer
            // The tally's line reads `page: 3 requests (…)`; none when nothing was sent.
            let line = logged.value.first ?? "\(effect.costLabel): 0 requests"
            if !line.hasPrefix("\(effect.costLabel): \(atServer) request") {
                mismatches.append("server counted \(atServer), client logged \(line)")
            }
            if let result { queue += reduce(&state, result) }
        }
    }

    /// Keys in the browser's notation (`G`, `<Enter>`).
    mutating func press(_ keys: String...) async {
        for key in keys { await run(.key(key)) }
    }

    mutating func type(_ text: String) async {
        for character in text { await run(.key(String(character))) }
    }
}

/// Remembers the body of every `calls → companies` association batch read.
final class CompanyReadsTransport: HTTPTransport, @unchecked Sendable {
    private let inner: any HTTPTransport
    let inputs = Locked<[Int]>([])

    init(_ inner: any HTTPTransport) { self.inner = inner }

    func send(_ request: TransportRequest) async throws -> TransportResponse {
        if request.url.path == "/crm/v4/associations/calls/companies/batch/read", let body = request.body,
           let json = try? JSONSerialization.jsonObject(with: body) as? [String: Any], let items = json["inputs"] as? [Any] {
            inputs.set(inputs.value + [items.count])
        }
        return try await inner.send(request)
    }
}
