import CallsCore
import GRDB

// MARK: - Associations

extension LocalCRMService {
    /// Associates two live records; `typeID` `nil` picks the default type between them
    /// (``CallsCore/AssociationTypes``). The reverse direction is stored too.
    public func associate(_ from: ObjectRef, with to: ObjectRef, typeID: Int?) async throws {
        try await write { db in
            let kind: AssociationType
            if let typeID {
                guard let found = AssociationTypes.byID(typeID), found.from == from.type, found.to == to.type else {
                    throw CRMError.invalid("Association type \(typeID) does not link a \(from.type.singular) to a \(to.type.singular)", context: ["associationTypeId": [String(typeID)]])
                }
                kind = found
            } else {
                guard let found = AssociationTypes.default(from: from.type, to: to.type) else {
                    throw CRMError.invalid("A \(from.type.singular) cannot be associated with a \(to.type.singular)")
                }
                kind = found
            }
            for ref in [from, to] where try !ObjectTable.exists(db, ref) {
                throw CRMError.notFound(ref.type, id: ref.id)
            }
            try ObjectTable.associate(db, from: from, to: to, typeID: kind.id)
        }
    }

    /// Removes every association between the pair, in both directions. Unpins the call from
    /// the record when it was pinned there (HubSpot keeps no pin without an association).
    public func removeAssociation(_ from: ObjectRef, with to: ObjectRef) async throws {
        try await write { db in
            try ObjectTable.removeAssociations(db, from, to)
            let pair: (call: ObjectRef, record: ObjectRef)? = from.type == .calls ? (from, to) : to.type == .calls ? (to, from) : nil
            if let pair, pair.record.type != .calls, let row = try ObjectTable.fetch(db, pair.record.type, id: pair.record.id),
               row.properties.values[CallProperty.pinnedEngagement] == pair.call.id {
                var values = row.properties.values
                values[CallProperty.pinnedEngagement] = nil
                try ObjectTable.update(db, row, properties: StoredProperties(values), updatedAt: max(Self.nowMilliseconds(), row.updatedAt + 1))
            }
        }
    }

    public func associations(of record: ObjectRef, to type: ObjectType) async throws -> [AssociatedRecord] {
        try await read { db in
            try ObjectTable.associations(db, from: record.type, ids: [record.id], to: type)[record.id] ?? []
        }
    }

    public func batchAssociations(from type: ObjectType, ids: [String], to target: ObjectType) async throws -> [String: [AssociatedRecord]] {
        try await read { db in
            try ObjectTable.associations(db, from: type, ids: ids, to: target)
        }
    }
}
