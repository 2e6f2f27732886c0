/// What a glance at a call's row should tell: a voicemail waits, a call was missed, or a
/// recording exists. Derived from `hs_call_status`, `hs_call_has_voicemail` and
/// `hs_call_recording_url` (FINDINGS.md §8).
///
/// | status        | has voicemail | recording | badge                 |
/// |---------------|---------------|-----------|-----------------------|
/// | MISSED        | true          | any       | ``voicemail``         |
/// | MISSED        | false / null  | any       | ``missed``            |
/// | anything else | any           | https URL | ``recorded``          |
/// | anything else | any           | none      | no badge              |
public enum VoicemailBadge: String, Sendable, Hashable, CaseIterable {
    case voicemail
    case missed
    case recorded

    public init?(status: CallStatus?, hasVoicemail: Bool?, recordingURL: String?) {
        if status == .missed {
            self = hasVoicemail == true ? .voicemail : .missed
        } else if let url = recordingURL, !url.isEmpty {
            self = .recorded
        } else {
            return nil
        }
    }

    /// What the badge means, for help and the detail pane.
    public var meaning: String {
        switch self {
        case .voicemail: "Missed call; the caller left a voicemail"
        case .missed: "Missed call; no voicemail left"
        case .recorded: "Call recording available"
        }
    }
}
