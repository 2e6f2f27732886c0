import CallsCore
import Foundation
import Testing
@testable import LocalStore

@Suite struct ValidationTests {
    private func error(_ body: () async throws -> Void) async -> CRMError? {
        do {
            try await body()
            return nil
        } catch {
            return error as? CRMError
        }
    }

    @Test("Creating a call without hs_timestamp is HubSpot's required-properties error")
    func timestampRequired() async throws {
        try await withStore(.memory) { store in
            let failure = await error { _ = try await store.create(.calls, ObjectInput(properties: [CallProperty.title: "x"])) }
            #expect(failure?.kind == .validation)
            #expect(failure?.message == "Error creating CALL. Some required properties were not set.")
            #expect(failure?.context["properties"] == [CallProperty.timestamp])
        }
    }

    @Test("Epoch seconds are refused with a message that says so")
    func secondsRefused() async throws {
        try await withStore(.memory) { store in
            let failure = await error { _ = try await store.create(.calls, callInput(at: "1746194400")) }
            #expect(failure?.errors.first?.code == "INVALID_DATE")
            #expect(failure?.errors.first?.message.contains("epoch seconds") == true)
        }
    }

    @Test("Unknown properties on create are PROPERTY_DOESNT_EXIST; on update they are ignored")
    func unknownProperties() async throws {
        try await withStore(.memory) { store in
            let failure = await error { _ = try await store.create(.calls, callInput("x", ["nope": "1"])) }
            #expect(failure?.errors.map(\.code) == ["PROPERTY_DOESNT_EXIST"])
            #expect(failure?.message.contains("nope") == true)
            let call = try await store.create(.calls, callInput()).id
            let updated = try await store.update(.calls, id: call, properties: ["nope": "1", CallProperty.title: "kept"])
            #expect(updated.properties["nope"] == nil)
            #expect(updated[property: CallProperty.title] == "kept")
        }
    }

    @Test("Enumeration values must be options; case is normalised to the option's spelling")
    func enumerationOptions() async throws {
        try await withStore(.memory) { store in
            let failure = await error { _ = try await store.create(.calls, callInput("x", [CallProperty.status: "LOST"])) }
            #expect(failure?.errors.map(\.code) == ["INVALID_OPTION"])
            let call = try await store.create(.calls, callInput("x", [CallProperty.status: "no_answer", CallProperty.direction: "inbound"]))
            #expect(call[property: CallProperty.status] == "NO_ANSWER")
            #expect(call[property: CallProperty.direction] == "INBOUND")
        }
    }

    @Test("Outcomes are checked against the catalogue, custom outcomes included")
    func outcomes() async throws {
        try await withStore(.memory) { store in
            let custom = "0f5e3c1a-2b4d-4e6f-8a9b-1c2d3e4f5a6b"
            let failure = await error { _ = try await store.create(.calls, callInput("x", [CallProperty.disposition: custom])) }
            #expect(failure?.errors.first?.code == "INVALID_OPTION")
            #expect(failure?.errors.first?.message.contains("Connected (f240bbac-87c9-4f6e-bf70-924b57d47db7)") == true)
            try await store.addOutcome(label: "Meeting booked", id: custom)
            let call = try await store.create(.calls, callInput("x", [CallProperty.disposition: custom.uppercased()]))
            #expect(call[property: CallProperty.disposition] == custom)
            let outcomes = try await store.outcomes()
            #expect(outcomes.count == 7)
            #expect(outcomes.prefix(6).map(\.id) == OutcomeCatalog.defaults.map(\.id))
            #expect(outcomes.last == Outcome(id: custom, label: "Meeting booked"))
            let options = try await store.properties(.calls).first { $0.name == CallProperty.disposition }?.options
            #expect(options?.map(\.value).contains(custom) == true)
            await #expect(throws: CRMError.self) { try await store.addOutcome(label: "connected") }
        }
    }

    @Test("Several bad values are reported together in HubSpot's message shape")
    func severalIssues() async throws {
        try await withStore(.memory) { store in
            let failure = await error {
                _ = try await store.create(.calls, callInput("x", [CallProperty.recordingURL: "http://insecure.example/a.mp3", CallProperty.duration: "-5", CallProperty.source: "PHONE"]))
            }
            #expect(Set(failure?.errors.map(\.code) ?? []) == ["INVALID_URL", "INVALID_NUMBER", "INVALID_OPTION"])
            #expect(failure?.message.hasPrefix("Property values were not valid: [") == true)
        }
    }

    @Test("Updates change only the given properties; an empty value clears one")
    func updateSemantics() async throws {
        try await withStore(.memory) { store in
            let created = try await store.create(.calls, callInput("Title", [CallProperty.body: "Notes here", CallProperty.duration: "1000"]))
            let updated = try await store.update(.calls, id: created.id, properties: [CallProperty.body: "", CallProperty.timestamp: "2025-06-01T10:00:00+02:00"])
            #expect(updated[property: CallProperty.body] == nil)
            #expect(updated[property: CallProperty.bodyPreview] == nil)
            #expect(updated[property: CallProperty.duration] == "1000")
            #expect(updated[property: CallProperty.timestamp] == "2025-06-01T08:00:00.000Z")
            #expect(updated.updatedAt > created.updatedAt)
            let cleared = await error { _ = try await store.update(.calls, id: created.id, properties: [CallProperty.timestamp: ""]) }
            #expect(cleared?.kind == .validation)
        }
    }

    @Test("Read-only properties are ignored on create")
    func readOnlyIgnored() async throws {
        try await withStore(.memory) { store in
            let call = try await store.create(.calls, callInput("x", [CallProperty.objectId: "1", CallProperty.bodyPreview: "fake"]))
            #expect(call[property: CallProperty.objectId] == call.id)
            #expect(call[property: CallProperty.bodyPreview] == nil)
        }
    }
}
