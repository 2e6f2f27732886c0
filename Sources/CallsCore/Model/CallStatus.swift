import Foundation

/// `hs_call_status`: every value HubSpot sends, plus anything new it may send tomorrow.
///
/// Parsing ignores case (HubSpot's docs write `missed`, the enum value is `MISSED`); an
/// unrecognised value is kept verbatim in ``unknown(_:)`` and written back unchanged.
public enum CallStatus: Sendable, Hashable, CaseIterable {
    case busy, callingCRMUser, canceled, completed, connecting, failed
    case inProgress, missed, noAnswer, queued, ringing
    case unknown(String)

    public static let allCases: [CallStatus] = [
        .busy, .callingCRMUser, .canceled, .completed, .connecting, .failed,
        .inProgress, .missed, .noAnswer, .queued, .ringing,
    ]

    public init(_ raw: String) {
        let upper = raw.uppercased()
        self = CallStatus.allCases.first { $0.rawValue == upper } ?? .unknown(raw)
    }

    /// The wire value (`NO_ANSWER`).
    public var rawValue: String {
        switch self {
        case .busy: "BUSY"
        case .callingCRMUser: "CALLING_CRM_USER"
        case .canceled: "CANCELED"
        case .completed: "COMPLETED"
        case .connecting: "CONNECTING"
        case .failed: "FAILED"
        case .inProgress: "IN_PROGRESS"
        case .missed: "MISSED"
        case .noAnswer: "NO_ANSWER"
        case .queued: "QUEUED"
        case .ringing: "RINGING"
        case .unknown(let raw): raw
        }
    }

    /// A label for people (`No answer`).
    public var label: String {
        switch self {
        case .callingCRMUser: return "Calling CRM user"
        case .unknown(let raw): return raw
        default:
            let words = rawValue.lowercased().replacingOccurrences(of: "_", with: " ")
            return words.prefix(1).uppercased() + words.dropFirst()
        }
    }
}

/// `hs_call_direction`, from the HubSpot user's point of view.
public enum CallDirection: Sendable, Hashable, CaseIterable {
    case inbound, outbound
    case unknown(String)

    public static let allCases: [CallDirection] = [.inbound, .outbound]

    public init(_ raw: String) {
        switch raw.uppercased() {
        case "INBOUND": self = .inbound
        case "OUTBOUND": self = .outbound
        default: self = .unknown(raw)
        }
    }

    public var rawValue: String {
        switch self {
        case .inbound: "INBOUND"
        case .outbound: "OUTBOUND"
        case .unknown(let raw): raw
        }
    }

    public var label: String {
        switch self {
        case .inbound: "Inbound"
        case .outbound: "Outbound"
        case .unknown(let raw): raw
        }
    }
}
