import CallsCore
import Foundation
import LocalStore

/// Records every scenario can use, created directly in the store so both backends start
/// from identical data (and identical ids).
struct Fixture {
    var contact: ObjectRef
    var otherContact: ObjectRef
    var company: ObjectRef
    var deal: ObjectRef
    var ticket: ObjectRef
    var owner: Owner
    var customOutcome: Outcome

    static func seed(_ store: LocalCRMService) async throws -> Fixture {
        let owner = Owner(id: "71000001", email: "ada@example.com", firstName: "Ada", lastName: "Lovelace", userId: 5001)
        try await store.addOwner(owner)
        let outcome = try await store.addOutcome(label: "Call back later", id: "0d1e2f30-0000-4000-8000-000000000001")
        let contact = try await store.create(.contacts, ObjectInput(properties: ["firstname": "Grace", "lastname": "Hopper", "email": "grace@example.com"]))
        let other = try await store.create(.contacts, ObjectInput(properties: ["firstname": "Alan", "lastname": "Turing", "email": "alan@example.com"]))
        let company = try await store.create(.companies, ObjectInput(properties: ["name": "Analytical Engines", "domain": "engines.example"]))
        let deal = try await store.create(.deals, ObjectInput(properties: ["dealname": "Renewal 2026"]))
        let ticket = try await store.create(.tickets, ObjectInput(properties: ["subject": "Headset broken"]))
        return Fixture(
            contact: ObjectRef(.contacts, contact.id), otherContact: ObjectRef(.contacts, other.id),
            company: ObjectRef(.companies, company.id), deal: ObjectRef(.deals, deal.id), ticket: ObjectRef(.tickets, ticket.id),
            owner: owner, customOutcome: outcome
        )
    }

    /// Call properties at `minute` minutes past a fixed hour (distinct, ordered timestamps).
    static func call(_ title: String, minute: Int, status: String = "COMPLETED", direction: String = "OUTBOUND", extra: [String: String] = [:]) -> [String: String] {
        var properties = [
            CallProperty.timestamp: HubSpotTimestamp.format(Date(timeIntervalSince1970: 1_767_258_000 + Double(minute) * 60)),
            CallProperty.title: title,
            CallProperty.status: status,
            CallProperty.direction: direction,
        ]
        for (key, value) in extra { properties[key] = value }
        return properties
    }
}
