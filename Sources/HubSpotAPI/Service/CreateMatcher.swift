import CallsCore
import Foundation

/// Recognises records a create produced when its response was lost.
///
/// HubSpot has no idempotency key for creates, and calls have no writable property that
/// could carry one without showing up in the user's data. So after a create whose outcome is
/// unknown, the service searches for records of that type created since just before the
/// first attempt (`hs_createdate ≥ start − 60 s`, allowing for clock skew) and matches them on
/// the identifying properties the input set: for calls `hs_timestamp` (compared as an
/// instant, since HubSpot normalises its format), title, owner, direction and numbers. A
/// match is taken as the create having worked; no match means it did not, and it is sent
/// again. Each candidate is claimed at most once, so two identical inputs in one batch need
/// two records.
///
/// The residual risk is a legitimately identical record created by someone else within the
/// same minute — with `hs_timestamp` equal to the millisecond, unlikely for calls.
struct CreateMatcher {
    /// Properties compared when the input sets them.
    static func identifyingProperties(_ type: ObjectType) -> [String] {
        switch type {
        case .calls:
            [CallProperty.timestamp, CallProperty.title, CallProperty.owner, CallProperty.direction, CallProperty.status,
             CallProperty.fromNumber, CallProperty.toNumber, CallProperty.disposition]
        case .contacts: ["email", "firstname", "lastname", "phone"]
        case .companies: ["name", "domain"]
        case .deals: ["dealname", "pipeline", "dealstage", "amount"]
        case .tickets: ["subject", "hs_pipeline", "hs_pipeline_stage"]
        }
    }

    /// The properties of `input` used to match, or all of them when it sets none of those.
    static func keys(for input: ObjectInput, type: ObjectType) -> [String] {
        let identifying = identifyingProperties(type).filter { input.properties[$0].map { !$0.isEmpty } ?? false }
        return identifying.isEmpty ? input.properties.keys.sorted() : identifying
    }

    /// For each input index, the id of the candidate it matches (each candidate used once).
    static func match(_ inputs: [ObjectInput], type: ObjectType, candidates: [CRMObject]) -> [Int: String] {
        var claimed: Set<String> = []
        var found: [Int: String] = [:]
        for (index, input) in inputs.enumerated() {
            let keys = keys(for: input, type: type)
            guard let candidate = candidates.first(where: { !claimed.contains($0.id) && matches(input, $0, keys: keys) }) else { continue }
            claimed.insert(candidate.id)
            found[index] = candidate.id
        }
        return found
    }

    static func matches(_ input: ObjectInput, _ candidate: CRMObject, keys: [String]) -> Bool {
        keys.allSatisfy { key in
            let wanted = input.properties[key] ?? ""
            let actual = candidate[property: key] ?? ""
            if key == CallProperty.timestamp, let a = HubSpotTimestamp.parse(wanted), let b = HubSpotTimestamp.parse(actual) {
                return HubSpotTimestamp.milliseconds(a) == HubSpotTimestamp.milliseconds(b)
            }
            // Enumeration values may come back in another case; nothing else is rewritten.
            return wanted.caseInsensitiveCompare(actual) == .orderedSame
        }
    }
}

// MARK: - Looking up

extension HubSpotCRMService {
    /// Searches for records created since `since` that match `inputs`, retrying after the
    /// configured delays while some are still missing (search indexes lag behind writes).
    /// Returns input index → record id for those found.
    func findCreated(_ type: ObjectType, _ inputs: [ObjectInput], since: Date) async throws -> [Int: String] {
        executor.count { $0.createLookups += 1 }
        let properties = Array(Set(inputs.flatMap { CreateMatcher.keys(for: $0, type: type) })).sorted()
        let floor = HubSpotTimestamp.milliseconds(since) - 60_000
        var found: [Int: String] = [:]
        for delay in createLookupDelays {
            try await executor.wait(delay)
            var candidates: [CRMObject] = []
            var after: String?
            // A handful of pages: only this minute's creates can match.
            for _ in 0..<5 {
                let request = SearchRequest(
                    filterGroups: [FilterGroup([Filter(CallProperty.createDate, .gte, String(floor))])],
                    sorts: [SortRule(CallProperty.createDate, ascending: true)],
                    properties: properties, limit: SearchLimits.maxLimit, after: after
                )
                let page = try await rawSearch(type, request)
                candidates += page.results
                guard let next = page.nextAfter else { break }
                after = next
            }
            found = CreateMatcher.match(inputs, type: type, candidates: candidates)
            if found.count == inputs.count { break }
        }
        return found
    }
}
