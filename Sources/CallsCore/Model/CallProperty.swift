/// Names of the call properties hubcalls reads and writes (FINDINGS.md §8).
public enum CallProperty {
    public static let timestamp = "hs_timestamp"
    public static let title = "hs_call_title"
    public static let body = "hs_call_body"
    public static let bodyPreview = "hs_body_preview"
    public static let direction = "hs_call_direction"
    public static let status = "hs_call_status"
    public static let disposition = "hs_call_disposition"
    public static let duration = "hs_call_duration"
    public static let fromNumber = "hs_call_from_number"
    public static let toNumber = "hs_call_to_number"
    public static let recordingURL = "hs_call_recording_url"
    public static let hasVoicemail = "hs_call_has_voicemail"
    public static let source = "hs_call_source"
    public static let owner = "hubspot_owner_id"
    public static let activityType = "hs_activity_type"
    public static let calleeObjectId = "hs_call_callee_object_id"
    public static let calleeObjectType = "hs_call_callee_object_type"
    public static let createDate = "hs_createdate"
    public static let lastModified = "hs_lastmodifieddate"
    public static let objectId = "hs_object_id"
    /// Lives on contacts, companies, deals and tickets, never on the call.
    public static let pinnedEngagement = "hs_pinned_engagement_id"

    /// The set the list screen needs for one row.
    public static let listSet: [String] = [
        timestamp, title, direction, status, disposition, duration, owner,
        hasVoicemail, recordingURL, bodyPreview,
    ]
}
