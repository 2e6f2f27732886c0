import CallsCore

/// Account data the browser needs to show ids as names: owners, outcomes and the call
/// property definitions. Loaded once at start and on refresh.
public struct Lookups: Sendable, Equatable {
    public var owners: [Owner]
    public var outcomes: OutcomeCatalog
    public var callProperties: [PropertyDefinition]
    public var loaded: Bool

    public init(owners: [Owner] = [], outcomes: OutcomeCatalog = OutcomeCatalog(), callProperties: [PropertyDefinition] = [], loaded: Bool = false) {
        self.owners = owners
        self.outcomes = outcomes
        self.callProperties = callProperties
        self.loaded = loaded
    }

    /// The owner's name, or the id when the owner is unknown.
    public func ownerName(_ id: String?) -> String? {
        guard let id, !id.isEmpty else { return nil }
        return owners.first { $0.id == id }?.displayName ?? id
    }

    /// The label of a property, from its definition when there is one.
    public func label(ofProperty name: String) -> String {
        callProperties.first { $0.name == name }?.label ?? name
    }
}
