import Foundation

/// A typed view over a call's ``CRMObject``. Setting a field writes the wire string back;
/// every other property of the object is kept as it was.
public struct Call: Sendable, Equatable {
    public var object: CRMObject

    public init(_ object: CRMObject) { self.object = object }

    public var id: String { object.id }

    /// `hs_timestamp`, parsed from ISO-8601 or epoch milliseconds.
    public var timestamp: Date? {
        get { object[property: CallProperty.timestamp].flatMap(HubSpotTimestamp.parse) }
        set { object[property: CallProperty.timestamp] = newValue.map(HubSpotTimestamp.format) }
    }

    public var title: String? {
        get { object.nonEmpty(CallProperty.title) }
        set { object[property: CallProperty.title] = newValue }
    }

    public var body: String? {
        get { object.nonEmpty(CallProperty.body) }
        set { object[property: CallProperty.body] = newValue }
    }

    public var direction: CallDirection? {
        get { object.nonEmpty(CallProperty.direction).map(CallDirection.init) }
        set { object[property: CallProperty.direction] = newValue?.rawValue }
    }

    public var status: CallStatus? {
        get { object.nonEmpty(CallProperty.status).map(CallStatus.init) }
        set { object[property: CallProperty.status] = newValue?.rawValue }
    }

    /// The outcome GUID in `hs_call_disposition`.
    public var dispositionID: String? {
        get { object.nonEmpty(CallProperty.disposition) }
        set { object[property: CallProperty.disposition] = newValue }
    }

    /// `hs_call_duration` in milliseconds.
    public var durationMilliseconds: Int? {
        get { object.nonEmpty(CallProperty.duration).flatMap { Int($0) ?? Double($0).map { Int($0) } } }
        set { object[property: CallProperty.duration] = newValue.map(String.init) }
    }

    public var fromNumber: String? { object.nonEmpty(CallProperty.fromNumber) }
    public var toNumber: String? { object.nonEmpty(CallProperty.toNumber) }
    public var recordingURL: String? { object.nonEmpty(CallProperty.recordingURL) }
    public var source: String? { object.nonEmpty(CallProperty.source) }

    public var ownerID: String? {
        get { object.nonEmpty(CallProperty.owner) }
        set { object[property: CallProperty.owner] = newValue }
    }

    /// `hs_call_has_voicemail`: `true`, `false`, or `nil` when null/absent/not a boolean.
    public var hasVoicemail: Bool? {
        switch object.nonEmpty(CallProperty.hasVoicemail)?.lowercased() {
        case "true": true
        case "false": false
        default: nil
        }
    }

    public var badge: VoicemailBadge? {
        VoicemailBadge(status: status, hasVoicemail: hasVoicemail, recordingURL: recordingURL)
    }
}

// MARK: - Formatting helpers

extension Call {
    /// `h:mm:ss` for a duration in milliseconds (`0:03:04`); see ``CallDuration/format(milliseconds:)``.
    public static func formatDuration(milliseconds: Int) -> String {
        CallDuration.format(milliseconds: milliseconds)
    }
}
