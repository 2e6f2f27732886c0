import CallsCore
import Foundation
import Hummingbird
import HummingbirdCore

/// Query parameters the HubSpot way: arrays arrive as repeated keys (legacy SDKs,
/// `properties=a&properties=b`) or as comma lists (Stainless SDKs, `properties=a,b`); both,
/// and mixtures, are accepted (FINDINGS.md §4).
struct QueryParameters {
    private let pairs: FlatDictionary<Substring, Substring>

    init(_ request: Request) { pairs = request.uri.queryParameters }

    /// The last value of a key, `nil` when absent or empty.
    func string(_ key: String) -> String? {
        guard let value = pairs[values: key[...]].last, !value.isEmpty else { return nil }
        return String(value)
    }

    /// All values of a repeated and/or comma-separated key; `nil` when the key is absent.
    func list(_ key: String) -> [String]? {
        let raw = pairs[values: key[...]]
        guard !raw.isEmpty else { return nil }
        return raw.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// `true`/`false`; anything else is the default.
    func bool(_ key: String, default value: Bool = false) -> Bool {
        switch string(key)?.lowercased() {
        case "true", "1": return true
        case "false", "0": return false
        default: return value
        }
    }

    /// An integer parameter; a non-number is a 400.
    func int(_ key: String) throws -> Int? {
        guard let text = string(key) else { return nil }
        guard let value = Int(text) else {
            throw APIError.badRequest("Invalid value for query parameter \(key): expected an integer", context: [key: [text]])
        }
        return value
    }

    /// Object types named in `associations=`; unknown names are ignored, as HubSpot does.
    func objectTypes(_ key: String) -> [ObjectType] {
        var seen: [ObjectType] = []
        for name in list(key) ?? [] {
            if let type = ObjectType(apiName: name), !seen.contains(type) { seen.append(type) }
        }
        return seen
    }
}
