import CallsCore
import Foundation

/// An in-memory ``CRMService`` with deterministic data, for effect-runner and view tests.
/// Operations named in ``failing`` throw a validation error instead.
actor FakeCRMService: CRMService {
    var objects: [ObjectType: [String: CRMObject]] = [:]
    /// (call id, record) pairs.
    var links: [(call: String, record: ObjectRef, typeID: Int)] = []
    var ownerList: [Owner] = []
    var customOutcomes: [Outcome] = []
    var failing: Set<String> = []
    var calls: [String] = []
    private var nextID = 9000

    static let epoch = Date(timeIntervalSince1970: 1_764_158_400) // 2025-11-26T12:00:00Z

    init(callCount: Int = 12) {
        ownerList = [
            Owner(id: "101", email: "ana@example.com", firstName: "Ana", lastName: "Ruiz"),
            Owner(id: "102", email: "ben@example.com", firstName: "Ben", lastName: "Okafor"),
        ]
        customOutcomes = [Outcome(id: "custom-1111-2222", label: "Callback requested")]
        let contacts = [("201", "Chloe", "Martin", "chloe@acme.test"), ("202", "Dev", "Patel", "dev@globex.test"), ("203", "Eva", "Novak", "eva@initech.test")]
        for (id, first, last, email) in contacts {
            objects[.contacts, default: [:]][id] = CRMObject(id: id, properties: ["firstname": first, "lastname": last, "email": email], createdAt: Self.epoch, updatedAt: Self.epoch)
        }
        objects[.companies, default: [:]]["301"] = CRMObject(id: "301", properties: ["name": "Acme Corp", "domain": "acme.test"], createdAt: Self.epoch, updatedAt: Self.epoch)
        objects[.deals, default: [:]]["401"] = CRMObject(id: "401", properties: ["dealname": "Acme renewal", "dealstage": "contractsent"], createdAt: Self.epoch, updatedAt: Self.epoch)
        let statuses: [CallStatus] = [.completed, .missed, .missed, .noAnswer, .busy, .completed]
        let outcomes = OutcomeCatalog.defaults
        for i in 0..<callCount {
            let id = String(1000 + i)
            let status = statuses[i % statuses.count]
            var props: [String: String?] = [
                CallProperty.title: "Call \(i + 1) " + ["Renewal check-in", "Intro", "Follow-up", "Pricing question"][i % 4],
                CallProperty.timestamp: HubSpotTimestamp.format(Self.epoch.addingTimeInterval(Double(-i) * 7 * 3600)),
                CallProperty.direction: i % 3 == 0 ? "INBOUND" : "OUTBOUND",
                CallProperty.status: status.rawValue,
                CallProperty.disposition: outcomes[i % outcomes.count].id,
                CallProperty.duration: String((i * 37 + 5) * 1000),
                CallProperty.owner: i % 2 == 0 ? "101" : "102",
                CallProperty.body: "Notes for call \(i + 1). Talked about the contract and next steps.",
                CallProperty.fromNumber: "+1 555 010\(i % 10)",
                CallProperty.toNumber: "+1 555 020\(i % 10)",
            ]
            if status == .missed { props[CallProperty.hasVoicemail] = i % 2 == 1 ? "true" : "false" }
            if i % 4 == 0, status != .missed { props[CallProperty.recordingURL] = "https://recordings.example.com/\(id).mp3" }
            objects[.calls, default: [:]][id] = CRMObject(id: id, properties: props, createdAt: Self.epoch, updatedAt: Self.epoch)
            if i % 5 != 4 { links.append((id, ObjectRef(.contacts, contacts[i % 3].0), 194)) }
            if i % 3 == 0 { links.append((id, ObjectRef(.companies, "301"), 182)) }
        }
    }

    /// Errors thrown instead of the default one, by operation.
    var failures: [String: CRMError] = [:]

    func fail(_ operation: String) { failing.insert(operation) }
    func fail(_ operation: String, with error: CRMError) {
        failing.insert(operation)
        failures[operation] = error
    }
    /// The operation works again.
    func heal(_ operation: String) {
        failing.remove(operation)
        failures[operation] = nil
    }

    private func check(_ operation: String) throws {
        calls.append(operation)
        if failing.contains(operation) { throw failures[operation] ?? CRMError.invalid("\(operation) refused by the fake") }
    }

    // MARK: - Objects

    func list(_ type: ObjectType, _ request: ListRequest) async throws -> Page {
        try check("list")
        let all = (objects[type] ?? [:]).values.sorted { $0.id < $1.id }
        let start = Int(request.after ?? "0") ?? 0
        let slice = Array(all.dropFirst(start).prefix(request.limit))
        return Page(results: slice, nextAfter: start + slice.count < all.count ? String(start + slice.count) : nil)
    }

    /// New calls are left out of this many searches after their creation, as HubSpot's search
    /// lists new records only after a moment.
    var searchLag = 0
    private var lagging: [String: Int] = [:]

    func lagSearches(by count: Int) { searchLag = count }

    func search(_ type: ObjectType, _ request: SearchRequest) async throws -> SearchPage {
        try check("search")
        let hidden = Set(lagging.filter { $0.value > 0 }.keys)
        lagging = lagging.mapValues { $0 - 1 }
        var matches = (objects[type] ?? [:]).values.filter { object in
            if hidden.contains(object.id) { return false }
            if let query = request.query?.lowercased(), !query.isEmpty {
                let haystack = object.properties.values.compactMap { $0 }.joined(separator: " ").lowercased()
                if !haystack.contains(query) { return false }
            }
            if request.filterGroups.isEmpty { return true }
            return request.filterGroups.contains { group in group.filters.allSatisfy { Self.matches(object, $0) } }
        }
        if let sort = request.sorts.first {
            matches.sort { a, b in
                let x = a[property: sort.propertyName] ?? "", y = b[property: sort.propertyName] ?? ""
                // Numbers (durations, epoch milliseconds) and ISO dates compare as numbers.
                func number(_ text: String) -> Double? { Double(text) ?? HubSpotTimestamp.parse(text).map { Double(HubSpotTimestamp.milliseconds($0)) } }
                let lhs = number(x).map { String(format: "%020.0f", $0) } ?? x
                let rhs = number(y).map { String(format: "%020.0f", $0) } ?? y
                return lhs == rhs ? a.id < b.id : (sort.ascending ? lhs < rhs : lhs > rhs)
            }
        } else {
            matches.sort { $0.id < $1.id }
        }
        let start = Int(request.after ?? "0") ?? 0
        let slice = Array(matches.dropFirst(start).prefix(request.limit))
        return SearchPage(total: matches.count, results: slice, nextAfter: start + slice.count < matches.count ? String(start + slice.count) : nil)
    }

    static func matches(_ object: CRMObject, _ filter: Filter) -> Bool {
        let value = filter.propertyName == CallProperty.objectId ? object.id : object[property: filter.propertyName]
        // Numbers (durations, epoch milliseconds) and dates compare as numbers; no value never matches.
        func number(_ text: String?) -> Double? { text.flatMap { Double($0) ?? HubSpotTimestamp.parse($0).map { Double(HubSpotTimestamp.milliseconds($0)) } } }
        switch filter.op {
        case .lt, .lte, .gt, .gte:
            guard let x = number(value), let y = number(filter.value) else { return false }
            switch filter.op {
            case .lt: return x < y
            case .lte: return x <= y
            case .gt: return x > y
            default: return x >= y
            }
        default: break
        }
        switch filter.op {
        case .eq: return value?.lowercased() == filter.value?.lowercased()
        case .neq: return value?.lowercased() != filter.value?.lowercased()
        case .in: return (filter.values ?? []).contains { $0.lowercased() == value?.lowercased() }
        case .hasProperty: return !(value ?? "").isEmpty
        case .notHasProperty: return (value ?? "").isEmpty
        default: return true
        }
    }

    func get(_ type: ObjectType, id: String, properties: [String]?, associations: [ObjectType]) async throws -> CRMObject {
        try check("get")
        guard var object = objects[type]?[id] else { throw CRMError.notFound(type, id: id) }
        if type == .calls {
            for target in associations {
                let records = links.filter { $0.call == id && $0.record.type == target }.map { AssociatedRecord(id: $0.record.id, typeId: $0.typeID) }
                if !records.isEmpty { object.associations[target] = records }
            }
        }
        return object
    }

    func create(_ type: ObjectType, _ input: ObjectInput) async throws -> CRMObject {
        try check("create")
        if let error = CallValidation.error(for: CallValidation.validate(input.properties, creating: true)), type == .calls { throw error }
        nextID += 1
        let id = String(nextID)
        let object = CRMObject(id: id, properties: input.properties.mapValues { Optional($0) }, createdAt: Self.epoch, updatedAt: Self.epoch)
        objects[type, default: [:]][id] = object
        if searchLag > 0 { lagging[id] = searchLag }
        for association in input.associations {
            guard let assoc = AssociationTypes.byID(association.typeID) else { continue }
            links.append((id, ObjectRef(assoc.to, association.toID), association.typeID))
        }
        return object
    }

    func update(_ type: ObjectType, id: String, properties: [String: String]) async throws -> CRMObject {
        try check("update")
        guard var object = objects[type]?[id] else { throw CRMError.notFound(type, id: id) }
        for (name, value) in properties { object[property: name] = value.isEmpty ? nil : value }
        if let stamp = lastModifiedOnUpdate { object[property: CallProperty.lastModified] = stamp }
        objects[type]?[id] = object
        return object
    }

    /// When set, an update stamps the object's last-modified date with it, as HubSpot does.
    var lastModifiedOnUpdate: String?
    func stampUpdates(with value: String) { lastModifiedOnUpdate = value }

    func archive(_ type: ObjectType, id: String) async throws {
        try check("archive")
        guard objects[type]?[id] != nil else { throw CRMError.notFound(type, id: id) }
        objects[type]?[id] = nil
    }

    // MARK: - Batches

    func batchCreate(_ type: ObjectType, _ inputs: [ObjectInput]) async throws -> BatchResult {
        var results: [CRMObject] = []
        for input in inputs { results.append(try await create(type, input)) }
        return BatchResult(results: results)
    }

    func batchRead(_ type: ObjectType, ids: [String], properties: [String]?) async throws -> BatchResult {
        try check("batchRead")
        return BatchResult(results: ids.compactMap { objects[type]?[$0] })
    }

    func batchUpdate(_ type: ObjectType, _ inputs: [ObjectUpdate]) async throws -> BatchResult {
        try check("batchUpdate")
        var result = BatchResult(results: [])
        for input in inputs {
            do { result.results.append(try await update(type, id: input.id, properties: input.properties)) }
            catch let error as CRMError { result.errors.append(error) }
        }
        return result
    }

    func batchArchive(_ type: ObjectType, ids: [String]) async throws -> BatchResult {
        try check("batchArchive")
        var result = BatchResult(results: [])
        for id in ids {
            if objects[type]?[id] == nil { result.errors.append(CRMError.notFound(type, id: id)) }
            objects[type]?[id] = nil
        }
        return result
    }

    // MARK: - Associations

    func associate(_ from: ObjectRef, with to: ObjectRef, typeID: Int?) async throws {
        try check("associate")
        guard objects[to.type]?[to.id] != nil else { throw CRMError.notFound(to.type, id: to.id) }
        links.append((from.id, to, typeID ?? 0))
    }

    func removeAssociation(_ from: ObjectRef, with to: ObjectRef) async throws {
        try check("removeAssociation")
        links.removeAll { $0.call == from.id && $0.record == to }
        // As both backends do: the pin goes with the association.
        if objects[to.type]?[to.id]?[property: CallProperty.pinnedEngagement] == from.id {
            objects[to.type]?[to.id]?[property: CallProperty.pinnedEngagement] = nil
        }
    }

    func associations(of record: ObjectRef, to type: ObjectType) async throws -> [AssociatedRecord] {
        links.filter { $0.call == record.id && $0.record.type == type }.map { AssociatedRecord(id: $0.record.id, typeId: $0.typeID) }
    }

    func batchAssociations(from type: ObjectType, ids: [String], to target: ObjectType) async throws -> [String: [AssociatedRecord]] {
        try check("batchAssociations")
        var out: [String: [AssociatedRecord]] = [:]
        for id in ids {
            let records = links.filter { $0.call == id && $0.record.type == target }.map { AssociatedRecord(id: $0.record.id, typeId: $0.typeID) }
            if !records.isEmpty { out[id] = records }
        }
        return out
    }

    // MARK: - Metadata

    func properties(_ type: ObjectType) async throws -> [PropertyDefinition] {
        try check("properties")
        return StandardProperties.definitions(for: type, outcomes: OutcomeCatalog(custom: customOutcomes))
    }

    func owners() async throws -> [Owner] {
        try check("owners")
        return ownerList
    }

    func outcomes() async throws -> [Outcome] {
        try check("outcomes")
        return customOutcomes
    }

    // MARK: - Inspection

    func property(_ name: String, of type: ObjectType, id: String) -> String? { objects[type]?[id]?[property: name] }
    func exists(_ type: ObjectType, _ id: String) -> Bool { objects[type]?[id] != nil }
    func isLinked(call: String, to record: ObjectRef) -> Bool { links.contains { $0.call == call && $0.record == record } }
}
