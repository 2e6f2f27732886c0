import CallsCore
import Foundation

/// A record's stored properties (values that are set; `""` and `null` are not stored) and the
/// values derived from them for the indexed columns and the full-text index.
struct StoredProperties: Sendable, Equatable {
    var values: [String: String]

    init(_ values: [String: String]) { self.values = values }

    // MARK: - JSON

    /// - Parameter keys: the properties to keep (`nil`: all of them).
    init(json: String, keeping keys: Set<String>? = nil) {
        values = FlatJSON.decode(json, keeping: keys)
    }

    var json: String { FlatJSON.encode(values) }

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
        columns.ts = values[CallProperty.timestamp].flatMap(Self.epochMilliseconds)
        columns.status = values[CallProperty.status]
        columns.disposition = values[CallProperty.disposition]
        columns.direction = values[CallProperty.direction]
        columns.hasVoicemail = values[CallProperty.hasVoicemail]?.lowercased()
        columns.duration = values[CallProperty.duration].flatMap { Int64($0) ?? Double($0).map { Int64($0) } }
        return columns
    }

    /// Epoch ms of a stored `hs_timestamp`. Stored values are normalised to
    /// `2025-05-02T14:00:00.000Z`, read here without the general parser's trimming and
    /// validation; anything else goes through ``HubSpotTimestamp``.
    static func epochMilliseconds(_ text: String) -> Int64? {
        var text = text
        let fast: Int64? = text.withUTF8 { b in
            guard b.count == 24, b[4] == 45, b[7] == 45, b[10] == 84, b[13] == 58, b[16] == 58, b[19] == 46, b[23] == 90 else { return nil }
            func number(_ from: Int, _ length: Int) -> Int64? {
                var value: Int64 = 0
                for i in from..<(from + length) {
                    let c = b[i]
                    guard c >= 48, c <= 57 else { return nil }
                    value = value * 10 + Int64(c - 48)
                }
                return value
            }
            guard let y = number(0, 4), let mo = number(5, 2), let d = number(8, 2), let h = number(11, 2),
                  let mi = number(14, 2), let s = number(17, 2), let ms = number(20, 3),
                  (1...12).contains(mo), (1...31).contains(d), h < 24, mi < 60, s < 61 else { return nil }
            // Days from civil (Howard Hinnant).
            let yy = mo <= 2 ? y - 1 : y
            let era = (yy >= 0 ? yy : yy - 399) / 400
            let yoe = yy - era * 400
            let doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1
            let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
            let days = era * 146_097 + doe - 719_468
            return ((days * 24 + h) * 60 + mi) * 60_000 + s * 1000 + ms
        }
        if let fast { return fast }
        return HubSpotTimestamp.parse(text).map(HubSpotTimestamp.milliseconds)
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

    /// How much of the notes the full-text index covers. HubSpot itself searches only the
    /// 200-character preview; 4 KB covers whole notes in practice while keeping the trigram
    /// index (about three index entries per character) from growing with pasted transcripts.
    static let indexedBodyLength = 4096

    /// The body column of the full-text index.
    func searchBody(for type: ObjectType) -> String {
        let text: String
        switch type {
        case .calls: text = values[CallProperty.body].map { CallNotes.plainText(String($0.prefix(Self.indexedBodyLength * 2))) } ?? ""
        case .tickets: text = values["content"] ?? ""
        default: text = ""
        }
        return text.count > Self.indexedBodyLength ? String(text.prefix(Self.indexedBodyLength)) : text
    }
}
