import CallsCore
import Foundation

/// A record's stored properties (values that are set; `""` and `null` are not stored) and the
/// values derived from them for the indexed columns and the full-text index.
struct StoredProperties: Sendable, Equatable {
    var values: [String: String]

    init(_ values: [String: String]) { self.values = values }

    // MARK: - JSON

    init(json: String) {
        let data = Data(json.utf8)
        let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        var values: [String: String] = [:]
        values.reserveCapacity(object.count)
        for (key, value) in object {
            if let string = value as? String { values[key] = string }
        }
        self.values = values
    }

    var json: String {
        let data = (try? JSONSerialization.data(withJSONObject: values, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    // MARK: - Indexed columns

    /// Values for the indexed columns of `object` (all `nil` for non-call types).
    struct Columns: Sendable {
        var ts: Int64?
        var status: String?
        var disposition: String?
        var owner: String?
        var direction: String?
        var hasVoicemail: String?
        var duration: Int64?
    }

    func columns(for type: ObjectType) -> Columns {
        var columns = Columns()
        columns.owner = values[CallProperty.owner]
        guard type == .calls else { return columns }
        columns.ts = values[CallProperty.timestamp].flatMap(HubSpotTimestamp.parse).map(HubSpotTimestamp.milliseconds)
        columns.status = values[CallProperty.status]
        columns.disposition = values[CallProperty.disposition]
        columns.direction = values[CallProperty.direction]
        columns.hasVoicemail = values[CallProperty.hasVoicemail]?.lowercased()
        columns.duration = values[CallProperty.duration].flatMap { Int64($0) ?? Double($0).map { Int64($0) } }
        return columns
    }

    // MARK: - Full text

    /// The title column of the full-text index: what people search a record by.
    func searchTitle(for type: ObjectType) -> String {
        let names: [String]
        switch type {
        case .calls: names = [CallProperty.title]
        case .contacts: names = ["firstname", "lastname", "email", "phone", "company"]
        case .companies: names = ["name", "domain", "city"]
        case .deals: names = ["dealname"]
        case .tickets: names = ["subject"]
        }
        return names.compactMap { values[$0] }.joined(separator: " ")
    }

    /// The body column of the full-text index.
    func searchBody(for type: ObjectType) -> String {
        switch type {
        case .calls: values[CallProperty.body].map(BodyPreview.plainText) ?? ""
        case .tickets: values["content"] ?? ""
        default: ""
        }
    }
}
