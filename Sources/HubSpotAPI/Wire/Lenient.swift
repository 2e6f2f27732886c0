import Foundation
import CallsCore

// MARK: - Lenient decoding helpers
//
// HubSpot's own documentation tells clients to treat every field as optional and shows ids and
// property values sometimes as numbers; generated SDKs and hand-written integrations send
// both. Every wire type decodes through these helpers so that one odd field never fails a
// whole page.

extension KeyedDecodingContainer {
    /// A string, number or boolean as a string; `nil` when absent, `null` or another shape.
    func lenientString(_ key: Key) -> String? {
        if let s = try? decodeIfPresent(String.self, forKey: key) { return s }
        if let i = try? decodeIfPresent(Int64.self, forKey: key) { return String(i) }
        if let d = try? decodeIfPresent(Double.self, forKey: key) { return WireNumber.string(d) }
        if let b = try? decodeIfPresent(Bool.self, forKey: key) { return b ? "true" : "false" }
        return nil
    }

    /// An integer given as a number or a numeric string.
    func lenientInt(_ key: Key) -> Int? {
        if let i = try? decodeIfPresent(Int.self, forKey: key) { return i }
        if let d = try? decodeIfPresent(Double.self, forKey: key), d.rounded() == d, abs(d) < 9e15 { return Int(d) }
        if let s = try? decodeIfPresent(String.self, forKey: key) { return Int(s.trimmingCharacters(in: .whitespaces)) }
        return nil
    }

    /// A boolean given as `true`/`false`, `"true"`/`"false"` or `1`/`0`.
    func lenientBool(_ key: Key) -> Bool? {
        if let b = try? decodeIfPresent(Bool.self, forKey: key) { return b }
        if let s = try? decodeIfPresent(String.self, forKey: key) {
            switch s.lowercased() {
            case "true", "1": return true
            case "false", "0": return false
            default: return nil
            }
        }
        if let i = try? decodeIfPresent(Int.self, forKey: key) { return i != 0 }
        return nil
    }

    /// A list of strings whose items may be numbers; a single value becomes a one-item list.
    func lenientStrings(_ key: Key) -> [String]? {
        if let list = try? decodeIfPresent([LenientString].self, forKey: key) { return list.compactMap(\.value) }
        if let one = lenientString(key) { return [one] }
        return nil
    }

    /// A value of any decodable type, `nil` when absent or malformed.
    func lenient<T: Decodable>(_ type: T.Type, _ key: Key) -> T? {
        (try? decodeIfPresent(type, forKey: key)) ?? nil
    }

    /// A HubSpot timestamp (ISO-8601 or epoch milliseconds, string or number).
    func lenientDate(_ key: Key) -> Date? {
        guard let text = lenientString(key) else { return nil }
        if let date = HubSpotTimestamp.parse(text) { return date }
        if let ms = Double(text) { return Date(timeIntervalSince1970: ms / 1000) }
        return nil
    }

    /// `{"key": ["a", "b"]}` maps whose values may be single strings or numbers.
    func lenientStringLists(_ key: Key) -> [String: [String]]? {
        guard let raw = try? decodeIfPresent([String: LenientStringList].self, forKey: key) else { return nil }
        return raw.mapValues(\.values)
    }
}

/// A JSON scalar read as a string (numbers and booleans included); `nil` for `null` or
/// objects/arrays.
public struct LenientString: Decodable, Sendable, Hashable {
    public var value: String?

    public init(_ value: String?) { self.value = value }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { value = nil }
        else if let s = try? container.decode(String.self) { value = s }
        else if let i = try? container.decode(Int64.self) { value = String(i) }
        else if let d = try? container.decode(Double.self) { value = WireNumber.string(d) }
        else if let b = try? container.decode(Bool.self) { value = b ? "true" : "false" }
        else { value = nil }
    }
}

/// A string list, or a single scalar treated as a one-item list.
struct LenientStringList: Decodable {
    var values: [String]

    init(from decoder: any Decoder) throws {
        if let list = try? [LenientString](from: decoder) {
            values = list.compactMap(\.value)
        } else {
            values = (try? LenientString(from: decoder)).flatMap(\.value).map { [$0] } ?? []
        }
    }
}

/// A category that may be a string or a 2022-era object `{name, httpStatus}` (FINDINGS §5.4).
struct LenientCategory: Decodable {
    var name: String?

    private enum CodingKeys: String, CodingKey { case name }

    init(from decoder: any Decoder) throws {
        if let s = try? LenientString(from: decoder), let v = s.value {
            name = v
        } else if let keyed = try? decoder.container(keyedBy: CodingKeys.self) {
            name = keyed.lenientString(.name)
        }
    }
}

enum WireNumber {
    /// `3800` for integral doubles, otherwise Swift's shortest form.
    static func string(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 9e15 { return String(Int64(value)) }
        return String(value)
    }
}

/// Coders for HubSpot JSON. Dates travel as strings inside the wire types, so no date strategy
/// is needed; keys are sorted so output is stable (tests, logs, caching).
public enum WireJSON {
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    public static func decoder() -> JSONDecoder { JSONDecoder() }

    /// Encodes a value; wire types cannot fail to encode, so a failure is a programmer error
    /// reported as an empty object rather than a crash in a server.
    public static func data<T: Encodable>(_ value: T) -> Data {
        (try? encoder().encode(value)) ?? Data("{}".utf8)
    }
}
