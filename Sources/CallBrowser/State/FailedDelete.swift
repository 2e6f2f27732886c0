import Foundation

/// A call the user deleted whose delete the service refused or never got (offline): it is
/// back in the list, and quitting reports it.
public struct FailedDelete: Sendable, Equatable {
    public var id: String
    public var title: String?
    /// Why, in the service's words.
    public var reason: String

    public init(id: String, title: String?, reason: String) {
        self.id = id
        self.title = title
        self.reason = reason
    }

    // MARK: - Exit report

    /// The lines printed on stderr after the terminal is restored, one per reason:
    /// `2 calls were NOT deleted (10000000008 “Title”, 10000000009): <reason>`. Titles are
    /// cleaned of control characters (they come from the CRM) and shortened.
    public static func exitReport(_ failed: [FailedDelete]) -> [String] {
        var reasons: [String] = []
        var byReason: [String: [FailedDelete]] = [:]
        for item in failed {
            if byReason[item.reason] == nil { reasons.append(item.reason) }
            byReason[item.reason, default: []].append(item)
        }
        return reasons.map { reason in
            let calls = byReason[reason]!
            let names = calls.map { call in
                call.title.map { "\(call.id) “\(Clean.line($0, width: 40))”" } ?? call.id
            }.joined(separator: ", ")
            let what = calls.count == 1 ? "1 call was NOT deleted" : "\(calls.count) calls were NOT deleted"
            return "\(what) (\(names)): \(Clean.line(reason, width: 400))"
        }
    }
}
