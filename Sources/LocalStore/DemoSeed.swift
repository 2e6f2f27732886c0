import CallsCore
import Foundation
import GRDB

/// Realistic, deterministic demo data: owners, two custom outcomes, contacts, companies,
/// deals, tickets and calls that cover every call status and outcome, voicemails with and
/// without recordings, long and multilingual notes, and hostile text.
///
/// The same `calls` count and `referenceDate` always give the same database (a fixed-seed
/// generator; no clock is read). Calls spread over the two years before `referenceDate`, a
/// few in the four hours just before it, and none after it: pass "now" and the newest calls
/// are from the last few hours, never in the future.
/// Everything is written in one transaction: 100 000 calls take seconds.
///
/// For example:
///
/// ```swift
/// let store = try LocalCRMService.inMemory()
/// try await DemoSeed.seed(into: store, calls: 1_000, referenceDate: Date())
/// ```
public enum DemoSeed {
    /// Calls seeded when no count is given.
    public static let defaultCallCount = 300
    /// The reference date used when none is given: 2026-01-01T00:00:00Z.
    public static let defaultReferenceDate = Date(timeIntervalSince1970: 1_767_225_600)

    /// What a seed wrote.
    public struct Summary: Sendable, Equatable {
        public var calls: Int
        public var contacts: Int
        public var companies: Int
        public var deals: Int
        public var tickets: Int
        public var owners: Int
        public var customOutcomes: Int
    }

    /// Midnight UTC of the day containing `date` (the CLI's reference date).
    public static func startOfToday(_ date: Date = Date()) -> Date {
        let seconds = floor(date.timeIntervalSince1970 / 86_400) * 86_400
        return Date(timeIntervalSince1970: seconds)
    }

    /// Fills `store` with demo data.
    /// - Parameters:
    ///   - calls: how many calls to create.
    ///   - reset: delete everything first; without it, seeding a database that already holds
    ///     records fails with a ``CallsCore/CRMError/Kind/conflict`` error.
    ///   - referenceDate: the end of the seeded period: no call is later than this.
    @discardableResult
    public static func seed(into store: LocalCRMService, calls: Int = defaultCallCount, reset: Bool = false, referenceDate: Date = defaultReferenceDate) async throws -> Summary {
        try await store.write { db in
            try LocalStoreMigrations.withoutCounterTriggers(db) {
                try seed(db, calls: calls, reset: reset, referenceDate: referenceDate)
            }
        }
    }

    private static func seed(_ db: Database, calls: Int, reset: Bool, referenceDate: Date) throws -> Summary {
        if reset {
            for table in ["object", "association", "object_fts", "outcome", "owner", "idSequence"] {
                try db.execute(sql: "DELETE FROM \(table)")
            }
        } else if let existing = try Int.fetchOne(db, sql: "SELECT count(*) FROM object"), existing > 0 {
            throw CRMError(kind: .conflict, status: 409, message: "The database already holds \(existing) records; seed with reset to replace them", category: "CONFLICT")
        }
        // A bigger page cache for the bulk insert (this connection only, in KiB).
        try db.execute(sql: "PRAGMA cache_size = -131072")
        defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
        // FTS5 writes a new index segment each time its pending terms pass `hashsize`
        // (1 MB by default) and merges segments as they pile up. A bulk load with a large
        // buffer makes far fewer segments; the setting is persistent, so put it back.
        try db.execute(sql: "INSERT INTO object_fts(object_fts, rank) VALUES ('hashsize', 268435456)")
        defer { try? db.execute(sql: "INSERT INTO object_fts(object_fts, rank) VALUES ('hashsize', 1048576)") }
        var writer = SeedWriter(db: db, callCount: max(0, calls), reference: HubSpotTimestamp.milliseconds(referenceDate))
        return try writer.run()
    }
}

// MARK: - Writer

/// Builds the demo rows in memory order and writes them with cached statements.
private struct SeedWriter {
    let db: Database
    let callCount: Int
    let reference: Int64
    var rng = SeededRandom(seed: 0x4855_4243_414C_4C53) // "HUBCALLS"

    struct Record {
        var ref: ObjectRef
        var properties: [String: String]
        var createdAt: Int64
        var company: Int?
        /// The newest associated call, a pin candidate: (timestamp, id).
        var latestCall: (Int64, String)?
    }

    var contacts: [Record] = []
    var companies: [Record] = []
    var deals: [Record] = []
    var tickets: [Record] = []

    init(db: Database, callCount: Int, reference: Int64) {
        self.db = db
        self.callCount = callCount
        self.reference = reference
    }

    static let day: Int64 = 86_400_000

    mutating func run() throws -> DemoSeed.Summary {
        for owner in DemoSeed.owners { try LocalCRMService.insertOwner(db, owner) }
        for outcome in DemoSeed.customOutcomes { try LocalCRMService.insertOutcome(db, outcome) }
        makeRecords()
        try writeCalls()
        for group in [companies, contacts, deals, tickets] {
            for (index, record) in group.enumerated() {
                var properties = record.properties
                // Pin the newest associated call on every third record that has one.
                if index % 3 == 0, let latest = record.latestCall {
                    properties[CallProperty.pinnedEngagement] = latest.1
                }
                try ObjectTable.insert(db, record.ref.type, id: record.ref.id, properties: StoredProperties(properties), createdAt: record.createdAt, updatedAt: record.createdAt + 60_000)
            }
        }
        for type in ObjectType.allCases {
            let next = try Int64.fetchOne(db, sql: "SELECT max(num) + 1 FROM object WHERE type = ?", arguments: [type.rawValue]) ?? ObjectTable.firstID(for: type)
            try db.execute(sql: "INSERT OR REPLACE INTO idSequence (type, next) VALUES (?, ?)", arguments: [type.rawValue, next])
        }
        return DemoSeed.Summary(
            calls: callCount, contacts: contacts.count, companies: companies.count, deals: deals.count,
            tickets: tickets.count, owners: DemoSeed.owners.count, customOutcomes: DemoSeed.customOutcomes.count
        )
    }

    // MARK: - Records

    mutating func makeRecords() {
        let start = reference - 800 * Self.day
        for (index, company) in DemoSeed.companies.enumerated() {
            let id = String(ObjectTable.firstID(for: .companies) + Int64(index))
            companies.append(Record(ref: ObjectRef(.companies, id), properties: [
                "name": company.name, "domain": company.domain, "city": company.city,
                CallProperty.owner: rng.pick(DemoSeed.owners).id,
            ], createdAt: start + Int64(index) * 3_600_000))
        }
        let contactCount = max(60, callCount / 100)
        for index in 0..<contactCount {
            let id = String(ObjectTable.firstID(for: .contacts) + Int64(index))
            let first = DemoSeed.firstNames[index % DemoSeed.firstNames.count]
            let last = DemoSeed.lastNames[(index * 11 + 3) % DemoSeed.lastNames.count]
            let company = index % 5 == 4 ? nil : rng.int(0..<companies.count)
            var properties = [
                "firstname": first, "lastname": last,
                "email": "contact\(index + 1)@\(company.map { DemoSeed.companies[$0].domain } ?? "mail.example")",
                "phone": "+1 415 555 \(Self.digits(1000 + index % 9000))",
                "jobtitle": rng.pick(["CEO", "Head of Sales", "IT Manager", "Procurement Lead", "Operations Director", "CFO"]),
                CallProperty.owner: rng.pick(DemoSeed.owners).id,
            ]
            if let company { properties["company"] = DemoSeed.companies[company].name }
            contacts.append(Record(ref: ObjectRef(.contacts, id), properties: properties, createdAt: start + Int64(index) * 600_000 + Self.day, company: company))
        }
        for index in 0..<(10 + callCount / 200) {
            let id = String(ObjectTable.firstID(for: .deals) + Int64(index))
            let company = rng.int(0..<companies.count)
            deals.append(Record(ref: ObjectRef(.deals, id), properties: [
                "dealname": "\(DemoSeed.companies[company].name) – \(DemoSeed.dealNames[index % DemoSeed.dealNames.count])",
                "amount": String(rng.int(5..<500) * 100),
                "dealstage": rng.pick(["appointmentscheduled", "qualifiedtobuy", "presentationscheduled", "contractsent", "closedwon"]),
                CallProperty.owner: rng.pick(DemoSeed.owners).id,
            ], createdAt: start + Int64(index) * 7_200_000 + 2 * Self.day, company: company))
        }
        for index in 0..<(8 + callCount / 300) {
            let id = String(ObjectTable.firstID(for: .tickets) + Int64(index))
            tickets.append(Record(ref: ObjectRef(.tickets, id), properties: [
                "subject": DemoSeed.ticketSubjects[index % DemoSeed.ticketSubjects.count],
                "content": "Customer reported: \(DemoSeed.ticketSubjects[index % DemoSeed.ticketSubjects.count].lowercased()).",
                "hs_pipeline_stage": rng.pick(["1", "2", "3", "4"]),
            ], createdAt: start + Int64(index) * 7_200_000 + 3 * Self.day))
        }
    }

    // MARK: - Calls

    mutating func writeCalls() throws {
        let catalog = OutcomeCatalog(custom: DemoSeed.customOutcomes)
        let outcomeIDs = Dictionary(catalog.outcomes.map { ($0.label, $0.id) }, uniquingKeysWith: { first, _ in first })
        let persons = DemoSeed.owners.filter { $0.type == "PERSON" }
        for index in 0..<callCount {
            let id = String(ObjectTable.firstID(for: .calls) + Int64(index))
            var p: [String: String] = [:]

            // When: mostly the last two years; a few in the hours just before the reference
            // date (never after it: a demo call must not lie in the future).
            let ts: Int64
            if index % 50 == 7 {
                ts = reference - Int64(rng.int(0..<(4 * 3_600))) * 1000
            } else {
                ts = reference - Int64(rng.int(1..<(730 * 86_400))) * 1000
            }
            p[CallProperty.timestamp] = HubSpotTimestamp.format(ReferenceDate.date(ts))

            // Status: every value appears among the first calls, then a realistic mix.
            let status: CallStatus
            if index < CallStatus.allCases.count {
                status = CallStatus.allCases[index]
            } else {
                let roll = rng.int(0..<100)
                status = roll < 58 ? .completed : roll < 70 ? .noAnswer : roll < 82 ? .missed : roll < 88 ? .busy
                    : roll < 92 ? .failed : roll < 95 ? .canceled : rng.pick([.connecting, .inProgress, .queued, .ringing, .callingCRMUser])
            }
            p[CallProperty.status] = status.rawValue
            p[CallProperty.direction] = status == .missed ? "INBOUND" : (rng.chance(0.6) ? "OUTBOUND" : "INBOUND")

            // Voicemail: fixed examples of each case first, then MISSED calls at random.
            var voicemail: Bool?
            var recording = false
            switch index {
            case 11: voicemail = true; recording = true; p[CallProperty.status] = "MISSED"
            case 12: voicemail = true; recording = false; p[CallProperty.status] = "MISSED"
            case 13: voicemail = false; p[CallProperty.status] = "MISSED"
            default:
                if status == .missed { voicemail = rng.chance(0.6); recording = voicemail == true && rng.chance(0.7) }
                else if status == .completed { recording = rng.chance(0.4) }
            }
            if index >= 11 && index <= 13 { p[CallProperty.direction] = "INBOUND" }
            if let voicemail { p[CallProperty.hasVoicemail] = voicemail ? "true" : "false" }
            if recording {
                let folder = voicemail == true ? "voicemail" : "calls"
                p[CallProperty.recordingURL] = "https://recordings.example.com/\(folder)/\(id).mp3"
            }

            // Outcome: every one of the catalogue among the first calls, then by status.
            let outcomeIndex = index - 14
            if outcomeIndex >= 0, outcomeIndex < catalog.outcomes.count {
                p[CallProperty.disposition] = catalog.outcomes[outcomeIndex].id
            } else if let label = outcomeLabel(for: p[CallProperty.status] ?? "", voicemail: voicemail) {
                p[CallProperty.disposition] = outcomeIDs[label]
            }

            // Duration in ms.
            switch CallStatus(p[CallProperty.status] ?? "") {
            case .completed, .inProgress: p[CallProperty.duration] = String(rng.int(20..<2_700) * 1000 + rng.int(0..<1000))
            case .missed where voicemail == true: p[CallProperty.duration] = String(rng.int(5..<90) * 1000)
            case .busy, .noAnswer, .failed, .canceled, .missed: p[CallProperty.duration] = "0"
            default: if rng.chance(0.5) { p[CallProperty.duration] = String(rng.int(1..<30) * 1000) }
            }

            if rng.chance(0.95) { p[CallProperty.owner] = rng.pick(persons).id }
            else { p[CallProperty.owner] = DemoSeed.owners.last!.id }
            p[CallProperty.fromNumber] = "+1 617 555 \(Self.digits(rng.int(0..<10_000)))"
            p[CallProperty.toNumber] = "+1 415 555 \(Self.digits(rng.int(0..<10_000)))"
            if rng.chance(0.3) { p[CallProperty.source] = "INTEGRATIONS_PLATFORM" }

            // Who: most calls to a contact and its company, some to deals and tickets.
            var links: [ObjectRef] = []
            var contactIndex: Int?
            if index % 10 != 9, !contacts.isEmpty {
                contactIndex = rng.int(0..<contacts.count)
                links.append(contacts[contactIndex!].ref)
                if let company = contacts[contactIndex!].company, rng.chance(0.7) { links.append(companies[company].ref) }
            }
            if rng.chance(0.12), !deals.isEmpty { links.append(deals[rng.int(0..<deals.count)].ref) }
            if rng.chance(0.06), !tickets.isEmpty { links.append(tickets[rng.int(0..<tickets.count)].ref) }

            let who = contactIndex.map { contacts[$0].properties["firstname"]! + " " + contacts[$0].properties["lastname"]! }
                ?? rng.pick(DemoSeed.companies).name
            p[CallProperty.title] = title(index: index, who: who)
            if let body = body(index: index, who: who) {
                p[CallProperty.body] = body
                p[CallProperty.bodyPreview] = BodyPreview.make(body)
            }

            // Logged a little after the call and edited later, but never after the reference.
            let createdAt = min(reference, ts + Int64(rng.int(1..<900)) * 1000)
            let updatedAt = min(reference, createdAt + Int64(rng.int(0..<3_600)) * 1000)
            try ObjectTable.insert(db, .calls, id: id, properties: StoredProperties(p), createdAt: createdAt, updatedAt: updatedAt)
            for link in links {
                try ObjectTable.associate(db, from: ObjectRef(.calls, id), to: link, typeID: AssociationTypes.default(from: .calls, to: link.type)!.id)
                remember(call: id, at: ts, on: link)
            }
        }
    }

    /// A template with `%` replaced by a name.
    static func fill(_ template: String, _ who: String) -> String {
        template.split(separator: "%", omittingEmptySubsequences: false).joined(separator: who)
    }

    /// Four digits with leading zeros (`String(format:)` is slow on Linux).
    static func digits(_ value: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, 4 - text.count)) + text
    }

    mutating func remember(call id: String, at ts: Int64, on ref: ObjectRef) {
        func update(_ records: inout [Record]) {
            guard let first = records.first, let index = Int64(ref.id).map({ Int($0 - Int64(first.ref.id)!) }), records.indices.contains(index) else { return }
            if (records[index].latestCall?.0 ?? .min) < ts { records[index].latestCall = (ts, id) }
        }
        switch ref.type {
        case .contacts: update(&contacts)
        case .companies: update(&companies)
        case .deals: update(&deals)
        case .tickets: update(&tickets)
        case .calls: break
        }
    }

    mutating func outcomeLabel(for status: String, voicemail: Bool?) -> String? {
        switch CallStatus(status) {
        case .completed: return rng.pick(["Connected", "Connected", "Connected", "Meeting booked", "Left live message", "Gatekeeper"])
        case .noAnswer: return "No answer"
        case .busy: return "Busy"
        case .missed: return voicemail == true ? "Left voicemail" : (rng.chance(0.5) ? "No answer" : nil)
        case .failed: return rng.chance(0.5) ? "Wrong number" : nil
        default: return rng.chance(0.3) ? "Connected" : nil
        }
    }

    mutating func title(index: Int, who: String) -> String {
        if index >= 30, index - 30 < DemoSeed.hostileTitles.count { return DemoSeed.hostileTitles[index - 30] }
        return Self.fill(rng.pick(DemoSeed.titleTemplates), who)
    }

    mutating func body(index: Int, who: String) -> String? {
        switch index {
        case 20: return longBody(targetBytes: 64 * 1024, who: who)
        case 40..<(40 + DemoSeed.hostileBodies.count): return DemoSeed.hostileBodies[index - 40]
        case 50..<(50 + DemoSeed.internationalBodies.count): return DemoSeed.internationalBodies[index - 50]
        default: break
        }
        let roll = rng.int(0..<100)
        if roll < 15 { return nil }
        if roll < 20 { return longBody(targetBytes: rng.int(2_000..<6_000), who: who) }
        if roll < 25 { return rng.pick(DemoSeed.internationalBodies) }
        if roll < 37 {
            // Notes typed in HubSpot's editor arrive as HTML.
            return "<p>\(Self.fill(rng.pick(DemoSeed.openers), who))</p><p>\(rng.pick(DemoSeed.details)) &amp; more.</p>"
        }
        var paragraphs = [Self.fill(rng.pick(DemoSeed.openers), who), rng.pick(DemoSeed.details)]
        if rng.chance(0.5) { paragraphs.append(rng.pick(DemoSeed.nextSteps)) }
        return paragraphs.joined(separator: "\n\n")
    }

    mutating func longBody(targetBytes: Int, who: String) -> String {
        var paragraphs = ["Detailed notes from the call with \(who)."]
        var size = paragraphs[0].utf8.count
        var section = 1
        while size < targetBytes {
            let paragraph = "\(section). " + (0..<4).map { _ in rng.pick(DemoSeed.details) }.joined(separator: " ")
            paragraphs.append(paragraph)
            size += paragraph.utf8.count + 2
            section += 1
        }
        paragraphs.append(rng.pick(DemoSeed.nextSteps))
        return paragraphs.joined(separator: "\n\n")
    }
}

/// Epoch milliseconds to `Date`.
enum ReferenceDate {
    static func date(_ milliseconds: Int64) -> Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }
}
