import CallsCore
import Foundation
import HubSpotAPI

/// HubSpot-shaped JSON on stdout for `--json`.
enum JSONOutput {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static func print<T: Encodable>(_ value: T) throws {
        let data = try encoder().encode(value)
        Swift.print(String(decoding: data, as: UTF8.self))
    }

    /// A record as `SimplePublicObjectWithAssociations`.
    static func print(_ object: CRMObject) throws {
        try print(SimplePublicObject(object))
    }

    /// A search page as `CollectionResponseWithTotalSimplePublicObject`.
    static func print(_ page: SearchPage) throws {
        try print(CollectionResponseWithTotal<SimplePublicObject>(page))
    }
}
