@testable import CallBrowser
import CallsCore
import Foundation
import Testing

/// QA4 Q4-2: after an association change, its undo and a failed write's rollback, the list
/// row is named as a reload names it (first contact, else first company).
@Suite struct AssociationRowNameTests {
    func started(columns: Int = 120) async -> TestDriver {
        var driver = TestDriver(columns: columns, rows: 40)
        await driver.start()
        return driver
    }

    /// What a reload names the row: the loader's own answer for the call.
    func reloadedName(_ d: TestDriver, _ id: String) async throws -> String? {
        let object = try await d.service.get(.calls, id: id, properties: nil, associations: [])
        return try await d.runner.rowsWithRecords([object]).first?.record?.name
    }

    func remove(_ d: inout TestDriver, _ label: String) async {
        await d.press("x")
        guard case .picker(let picker) = d.state.modal, let index = picker.items.firstIndex(where: { $0.label == label }) else {
            Issue.record("no \(label) to remove"); return
        }
        for _ in 0..<index { await d.press("<Down>") }
        await d.press("<Enter>", "y")
    }

    func associate(_ d: inout TestDriver, type: Int, _ name: String) async {
        await d.press("a")
        for _ in 0..<type { await d.press("<Down>") }
        await d.press("<Enter>")
        await d.type(name)
        await d.press("<Enter>")
    }

    @Test func removingTheContactNamesTheRowAfterTheCompanyStillAssociated() async throws {
        var d = await started()
        #expect(d.state.list.rows[0]?.record?.name == "Chloe Martin")
        await remove(&d, "Contact: Chloe Martin")
        #expect(await !d.service.isLinked(call: "1000", to: ObjectRef(.contacts, "201")))
        #expect(d.state.list.rows[0]?.record?.name == "Acme Corp")
        #expect(try await reloadedName(d, "1000") == "Acme Corp")
        await d.press("u")
        #expect(d.state.list.rows[0]?.record?.name == "Chloe Martin")
        #expect(try await reloadedName(d, "1000") == "Chloe Martin")
    }

    @Test func removingTheFirstOfTwoContactsNamesTheRowAfterTheOther() async throws {
        var d = await started()
        await associate(&d, type: 0, "eva")
        #expect(d.state.list.rows[0]?.record?.name == "Chloe Martin")
        await remove(&d, "Contact: Chloe Martin")
        #expect(d.state.list.rows[0]?.record?.name == "Eva Novak")
        #expect(try await reloadedName(d, "1000") == "Eva Novak")
    }

    @Test func aContactAddedToACompanyOnlyCallNamesTheRowAndItsUndoTheCompanyAgain() async throws {
        var d = await started()
        for _ in 0..<9 { await d.press("j") } // 1009: the company only
        #expect(d.state.list.selected?.id == "1009")
        #expect(d.state.list.rows[9]?.record?.name == "Acme Corp")
        await associate(&d, type: 0, "dev")
        #expect(d.state.list.rows[9]?.record?.name == "Dev Patel")
        #expect(try await reloadedName(d, "1009") == "Dev Patel")
        await d.press("u")
        #expect(d.state.list.rows[9]?.record?.name == "Acme Corp")
    }

    @Test func aFailedRemovalPutsTheRowsNameBack() async throws {
        var d = await started()
        await d.service.fail("removeAssociation")
        await remove(&d, "Contact: Chloe Martin")
        #expect(d.state.status.message?.kind == .error)
        #expect(d.state.list.rows[0]?.record?.name == "Chloe Martin")
    }

    @Test func aFailedAssociationPutsTheRowsNameBack() async throws {
        var d = await started()
        for _ in 0..<9 { await d.press("j") }
        await d.service.fail("associate")
        await associate(&d, type: 0, "dev")
        #expect(d.state.status.message?.kind == .error)
        #expect(d.state.list.rows[9]?.record?.name == "Acme Corp")
    }
}
