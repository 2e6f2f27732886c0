import Foundation

/// A call outcome ("disposition"): a label people read and the GUID HubSpot stores in
/// `hs_call_disposition`.
public struct Outcome: Sendable, Hashable, Codable {
    public var id: String
    public var label: String
    /// One of HubSpot's six built-in outcomes (same GUID in every portal).
    public var isDefault: Bool { OutcomeCatalog.defaults.contains { $0.id == id } }

    public init(id: String, label: String) {
        self.id = id
        self.label = label
    }
}

/// The outcomes of one account: HubSpot's six defaults plus the account's custom ones.
///
/// Lookups never fail: an unknown GUID reads as its first eight characters, so a call with
/// an outcome deleted from the account still renders.
public struct OutcomeCatalog: Sendable, Equatable {
    /// HubSpot's default dispositions (FINDINGS.md §8, the official docs list).
    public static let defaults: [Outcome] = [
        Outcome(id: "9d9162e7-6cf3-4944-bf63-4dff82258764", label: "Busy"),
        Outcome(id: "f240bbac-87c9-4f6e-bf70-924b57d47db7", label: "Connected"),
        Outcome(id: "a4c4c377-d246-4b32-a13b-75a56a4cd0ff", label: "Left live message"),
        Outcome(id: "b2cf5968-551e-4856-9783-52b3da59a7d0", label: "Left voicemail"),
        Outcome(id: "73a0d17f-1163-4015-bdd5-ec830791da20", label: "No answer"),
        Outcome(id: "17b47fee-58de-441e-a44c-c6300d46f273", label: "Wrong number"),
    ]

    public private(set) var outcomes: [Outcome]

    /// The defaults, then `custom` outcomes in their order; a custom entry with a default's
    /// GUID renames it rather than duplicating it.
    public init(custom: [Outcome] = []) {
        var merged = OutcomeCatalog.defaults
        for outcome in custom {
            if let index = merged.firstIndex(where: { $0.id.lowercased() == outcome.id.lowercased() }) {
                merged[index].label = outcome.label
            } else {
                merged.append(outcome)
            }
        }
        outcomes = merged
    }

    /// The outcome with this GUID (case-insensitive).
    public func outcome(id: String) -> Outcome? {
        let key = id.lowercased()
        return outcomes.first { $0.id.lowercased() == key }
    }

    /// The label for a GUID; an unknown GUID shows as its first eight characters and `…`.
    public func label(for id: String) -> String {
        if let outcome = outcome(id: id) { return outcome.label }
        return OutcomeCatalog.shortGUID(id)
    }

    /// Finds an outcome by label (case-insensitive) or by GUID.
    public func resolve(_ labelOrID: String) -> Outcome? {
        let key = labelOrID.trimmingCharacters(in: .whitespaces).lowercased()
        return outcomes.first { $0.label.lowercased() == key } ?? outcome(id: key)
    }

    public static func shortGUID(_ id: String) -> String {
        id.count > 8 ? String(id.prefix(8)) + "…" : id
    }
}
