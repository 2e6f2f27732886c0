import CallsCore
import Foundation
import GRDB

/// One row of the `object` table as read back, before properties are picked.
struct ObjectRow: Sendable {
    var rowid: Int64
    var type: ObjectType
    var id: String
    var num: Int64
    var properties: StoredProperties
    var createdAt: Int64
    var updatedAt: Int64
    var archived: Bool
    var archivedAt: Int64?

    /// The columns every `SELECT` of whole records lists, in this order.
    static let selection = "rowid, id, num, properties, createdAt, updatedAt, archived, archivedAt"

    /// - Parameter keys: the properties to read from the JSON column; `nil` reads them all.
    ///   A row read with fewer keys is for ``object(properties:)`` with those names only.
    init(row: Row, type: ObjectType, keeping keys: Set<String>? = nil) {
        rowid = row[0]
        self.type = type
        id = row[1]
        num = row[2]
        properties = StoredProperties(json: row[3], keeping: keys)
        createdAt = row[4]
        updatedAt = row[5]
        archived = row[6]
        archivedAt = row[7]
    }

    /// The record as the API returns it.
    ///
    /// - Parameter names: properties to return; `nil` returns every stored property. Known
    ///   properties without a value come back as `null`, unknown names are ignored (HubSpot).
    ///   `hs_object_id`, `hs_createdate` and `hs_lastmodifieddate` are always present.
    func object(properties names: [String]?) -> CRMObject {
        var out: [String: String?] = [:]
        if let names {
            let known = PropertyCatalog.names(for: type)
            for name in names {
                if let value = properties.values[name] {
                    out[name] = value
                } else if known.contains(name) {
                    out[name] = .some(nil)
                }
            }
        } else {
            for (key, value) in properties.values { out[key] = value }
        }
        out[CallProperty.objectId] = id
        out[CallProperty.createDate] = HubSpotTimestamp.format(Self.date(createdAt))
        out[CallProperty.lastModified] = HubSpotTimestamp.format(Self.date(updatedAt))
        return CRMObject(
            id: id, properties: out, createdAt: Self.date(createdAt), updatedAt: Self.date(updatedAt),
            archived: archived, archivedAt: archivedAt.map(Self.date)
        )
    }

    static func date(_ milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}

/// The property names each object type knows (cached: the definitions do not change).
enum PropertyCatalog {
    private static let namesByType: [ObjectType: Set<String>] = Dictionary(
        uniqueKeysWithValues: ObjectType.allCases.map { type in
            (type, Set(StandardProperties.definitions(for: type).map(\.name)))
        }
    )

    private static let definitionsByType: [ObjectType: [String: PropertyDefinition]] = Dictionary(
        uniqueKeysWithValues: ObjectType.allCases.map { type in
            (type, Dictionary(StandardProperties.definitions(for: type).map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first }))
        }
    )

    static func names(for type: ObjectType) -> Set<String> { namesByType[type] ?? [] }

    /// The definition of a property (outcome options are the defaults only; see
    /// ``PropertyValidator`` for the account's catalogue).
    static func definition(_ name: String, for type: ObjectType) -> PropertyDefinition? {
        definitionsByType[type]?[name]
    }
}
