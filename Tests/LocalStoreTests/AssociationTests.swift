import CallsCore
import Foundation
import Testing
@testable import LocalStore

@Suite struct AssociationTests {
    @Test("Associating uses the default type and is readable from both sides", arguments: StoreKind.allCases)
    func bothDirections(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            let contact = try await store.makeContact()
            let call = try await store.create(.calls, callInput()).id
            try await store.associate(ObjectRef(.calls, call), with: ObjectRef(.contacts, contact), typeID: nil)
            #expect(try await store.associations(of: ObjectRef(.calls, call), to: .contacts) == [AssociatedRecord(id: contact, typeId: 194)])
            #expect(try await store.associations(of: ObjectRef(.contacts, contact), to: .calls) == [AssociatedRecord(id: call, typeId: 193)])
            let withAssociations = try await store.get(.calls, id: call, properties: nil, associations: [.contacts, .deals])
            #expect(withAssociations.associations[.contacts]?.map(\.id) == [contact])
            #expect(withAssociations.associations[.deals] == [])
        }
    }

    @Test("Removing an association removes every type between the pair, both ways")
    func removeIsV4() async throws {
        try await withStore(.memory) { store in
            let company = try await store.create(.companies, ObjectInput(properties: ["name": "Initech"])).id
            let call = try await store.create(.calls, callInput(associations: [AssociationInput(toID: company, typeID: 182)])).id
            // The reverse type, stored from the company's side.
            try await store.associate(ObjectRef(.companies, company), with: ObjectRef(.calls, call), typeID: 181)
            try await store.removeAssociation(ObjectRef(.companies, company), with: ObjectRef(.calls, call))
            #expect(try await store.associations(of: ObjectRef(.calls, call), to: .companies) == [])
            #expect(try await store.associations(of: ObjectRef(.companies, company), to: .calls) == [])
        }
    }

    @Test("Batch association reads answer for many records at once")
    func batchRead() async throws {
        try await withStore(.memory) { store in
            let ada = try await store.makeContact("Ada", "Lovelace")
            let alan = try await store.makeContact("Alan", "Turing")
            let one = try await store.create(.calls, callInput(associations: [AssociationInput(toID: ada, typeID: 194), AssociationInput(toID: alan, typeID: 194)])).id
            let two = try await store.create(.calls, callInput(associations: [AssociationInput(toID: alan, typeID: 194)])).id
            let three = try await store.create(.calls, callInput()).id
            let found = try await store.batchAssociations(from: .calls, ids: [one, two, three], to: .contacts)
            #expect(found[one]?.map(\.id) == [ada, alan])
            #expect(found[two]?.map(\.id) == [alan])
            #expect(found[three] == nil)
        }
    }

    @Test("Associations to records in the recycle bin are hidden until they are restored")
    func archivedTargetsHidden() async throws {
        try await withStore(.memory) { store in
            let contact = try await store.makeContact()
            let call = try await store.create(.calls, callInput(associations: [AssociationInput(toID: contact, typeID: 194)])).id
            try await store.archive(.contacts, id: contact)
            #expect(try await store.associations(of: ObjectRef(.calls, call), to: .contacts) == [])
            try await store.restore(.contacts, id: contact)
            #expect(try await store.associations(of: ObjectRef(.calls, call), to: .contacts).map(\.id) == [contact])
        }
    }

    @Test("Bad association requests are refused")
    func badRequests() async throws {
        try await withStore(.memory) { store in
            let contact = try await store.makeContact()
            let call = try await store.create(.calls, callInput()).id
            // 220 links calls to tickets, not contacts.
            await #expect(throws: CRMError.self) { try await store.associate(ObjectRef(.calls, call), with: ObjectRef(.contacts, contact), typeID: 220) }
            do {
                try await store.associate(ObjectRef(.calls, call), with: ObjectRef(.contacts, "999"), typeID: nil)
                Issue.record("expected not found")
            } catch let error as CRMError {
                #expect(error.kind == .notFound)
            }
            do {
                _ = try await store.create(.calls, callInput(associations: [AssociationInput(toID: "999", typeID: 194)]))
                Issue.record("expected a validation error")
            } catch let error as CRMError {
                #expect(error.kind == .validation)
                #expect(error.message.contains("999"))
            }
            #expect(try await store.count(.calls) == 1, "the failed create left nothing behind")
        }
    }
}

@Suite struct PinTests {
    @Test("Pinning a call that is not associated with the record is rejected with a clear error", arguments: StoreKind.allCases)
    func pinRequiresAssociation(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            let contact = try await store.makeContact()
            let call = try await store.create(.calls, callInput()).id
            do {
                try await store.pin(callID: call, on: ObjectRef(.contacts, contact))
                Issue.record("expected the pin to be refused")
            } catch let error as CRMError {
                #expect(error.kind == .validation)
                #expect(error.httpStatus == 400)
                #expect(error.message.contains(call))
                #expect(error.message.contains("contact \(contact)"))
                #expect(error.message.contains("not associated"))
            }
            let record = try await store.get(.contacts, id: contact)
            #expect(record[property: CallProperty.pinnedEngagement] == nil)
        }
    }

    @Test("Pinning an associated call works and an empty value unpins")
    func pinAndUnpin() async throws {
        try await withStore(.memory) { store in
            let contact = try await store.makeContact()
            let call = try await store.create(.calls, callInput(associations: [AssociationInput(toID: contact, typeID: 194)])).id
            let pinned = try await store.pin(callID: call, on: ObjectRef(.contacts, contact))
            #expect(pinned[property: CallProperty.pinnedEngagement] == call)
            let unpinned = try await store.pin(callID: nil, on: ObjectRef(.contacts, contact))
            #expect(unpinned[property: CallProperty.pinnedEngagement] == nil)
        }
    }

    @Test("Pinning a call that does not exist is rejected")
    func pinMissingCall() async throws {
        try await withStore(.memory) { store in
            let deal = try await store.create(.deals, ObjectInput(properties: ["dealname": "Big one"])).id
            do {
                try await store.pin(callID: "10000000999", on: ObjectRef(.deals, deal))
                Issue.record("expected the pin to be refused")
            } catch let error as CRMError {
                #expect(error.message.contains("no call with id 10000000999"))
            }
        }
    }

    @Test("Removing the association of a pinned call unpins it")
    func unassociateUnpins() async throws {
        try await withStore(.memory) { store in
            let contact = try await store.makeContact()
            let call = try await store.create(.calls, callInput(associations: [AssociationInput(toID: contact, typeID: 194)])).id
            try await store.pin(callID: call, on: ObjectRef(.contacts, contact))
            try await store.removeAssociation(ObjectRef(.calls, call), with: ObjectRef(.contacts, contact))
            #expect(try await store.get(.contacts, id: contact)[property: CallProperty.pinnedEngagement] == nil)
        }
    }
}
