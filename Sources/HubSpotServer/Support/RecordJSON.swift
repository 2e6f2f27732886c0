import Foundation
import HubSpotAPI

/// Writes pages of records as JSON without `JSONEncoder`, byte for byte what ``WireJSON``
/// writes (sorted keys, slashes unescaped).
///
/// A list or search page of 100 calls is most of what the server does per request, and
/// `JSONEncoder` spent over 40 % of the server's time on it (boxing every value, sorting
/// every object's keys). Records here have string (or `null`) properties and sorted keys
/// known in advance, so a direct writer is simple. Anything unusual — history, association
/// paging — goes through `JSONEncoder` as before.
enum RecordJSON {
    /// `{"paging":…,"results":[…]}` (`CollectionResponse<SimplePublicObject>`).
    static func data(_ page: CollectionResponse<SimplePublicObject>) -> Data {
        guard page.results.allSatisfy(isPlain) else { return WireJSON.data(page) }
        var out = Writer()
        out.raw("{")
        if let paging = page.paging { out.raw("\"paging\":"); out.paging(paging); out.raw(",") }
        out.raw("\"results\":"); out.records(page.results); out.raw("}")
        return out.data
    }

    /// `{"paging":…,"results":[…],"total":N}` (`CollectionResponseWithTotal<SimplePublicObject>`).
    static func data(_ page: CollectionResponseWithTotal<SimplePublicObject>) -> Data {
        guard page.results.allSatisfy(isPlain) else { return WireJSON.data(page) }
        var out = Writer()
        out.raw("{")
        if let paging = page.paging { out.raw("\"paging\":"); out.paging(paging); out.raw(",") }
        out.raw("\"results\":"); out.records(page.results)
        out.interpolated(",\"total\":\(page.total)}")
        return out.data
    }

    /// Whether the fast writer covers the record (no history, no association paging).
    static func isPlain(_ object: SimplePublicObject) -> Bool {
        object.propertiesWithHistory == nil && (object.associations?.values.allSatisfy { $0.paging == nil } ?? true)
    }

    struct Writer {
        var bytes: [UInt8] = []

        init() { bytes.reserveCapacity(64 * 1024) }

        var data: Data { Data(bytes) }

        mutating func raw(_ text: StaticString) {
            text.withUTF8Buffer { bytes.append(contentsOf: $0) }
        }

        mutating func interpolated(_ text: String) { bytes.append(contentsOf: text.utf8) }

        /// A JSON string as `JSONEncoder` escapes it: `"` and `\`, the short escapes for
        /// backspace, form feed, newline, return and tab, `\u00XX` for other controls.
        mutating func string(_ text: String) {
            bytes.append(UInt8(ascii: "\""))
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "\""): raw("\\\"")
                case UInt8(ascii: "\\"): raw("\\\\")
                case 0x08: raw("\\b")
                case 0x0C: raw("\\f")
                case 0x0A: raw("\\n")
                case 0x0D: raw("\\r")
                case 0x09: raw("\\t")
                case 0..<0x20:
                    raw("\\u00")
                    bytes.append(Self.hex[Int(byte >> 4)])
                    bytes.append(Self.hex[Int(byte & 0xF)])
                default: bytes.append(byte)
                }
            }
            bytes.append(UInt8(ascii: "\""))
        }

        private static let hex = Array("0123456789abcdef".utf8)

        mutating func records(_ records: [SimplePublicObject]) {
            raw("[")
            for (index, record) in records.enumerated() {
                if index > 0 { raw(",") }
                self.record(record)
            }
            raw("]")
        }

        /// Keys in `JSONEncoder`'s sorted order: archived, archivedAt, associations, createdAt,
        /// id, new, objectWriteTraceId, properties, updatedAt, url.
        mutating func record(_ r: SimplePublicObject) {
            raw(r.archived ? "{\"archived\":true" : "{\"archived\":false")
            if let archivedAt = r.archivedAt { raw(",\"archivedAt\":"); string(archivedAt) }
            if let associations = r.associations {
                raw(",\"associations\":{")
                for (index, key) in Self.sorted(associations.keys).enumerated() {
                    if index > 0 { raw(",") }
                    string(key)
                    raw(":{\"results\":[")
                    for (n, item) in associations[key]!.results.enumerated() {
                        if n > 0 { raw(",") }
                        raw("{\"id\":"); string(item.id); raw(",\"type\":"); string(item.type); raw("}")
                    }
                    raw("]}")
                }
                raw("}")
            }
            raw(",\"createdAt\":"); string(r.createdAt)
            raw(",\"id\":"); string(r.id)
            if let new = r.new { raw(new ? ",\"new\":true" : ",\"new\":false") }
            if let trace = r.objectWriteTraceId { raw(",\"objectWriteTraceId\":"); string(trace) }
            raw(",\"properties\":{")
            for (index, key) in Self.sorted(r.properties.keys).enumerated() {
                if index > 0 { raw(",") }
                string(key)
                raw(":")
                if let value = r.properties[key], let text = value { string(text) } else { raw("null") }
            }
            raw("}")
            raw(",\"updatedAt\":"); string(r.updatedAt)
            if let url = r.url { raw(",\"url\":"); string(url) }
            raw("}")
        }

        mutating func paging(_ paging: Paging) {
            raw("{")
            if let next = paging.next {
                raw("\"next\":{\"after\":"); string(next.after)
                if let link = next.link { raw(",\"link\":"); string(link) }
                raw("}")
            }
            if let prev = paging.prev {
                if paging.next != nil { raw(",") }
                raw("\"prev\":{\"before\":"); string(prev.before)
                if let link = prev.link { raw(",\"link\":"); string(link) }
                raw("}")
            }
            raw("}")
        }

        /// `JSONEncoder`'s `.sortedKeys` order: by UTF-8 bytes.
        static func sorted(_ keys: Dictionary<String, some Any>.Keys) -> [String] {
            keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        }
    }
}
