import Foundation

/// HubSpot-shaped JSON written for these tests from the shapes in FINDINGS.md §5 (not copied
/// from HubSpot).
enum WireFixtures {
    static let callWithAssociations = """
    {
      "id": "59102341877",
      "properties": {
        "hs_createdate": "2025-05-02T14:03:11.418Z",
        "hs_lastmodifieddate": "2025-05-02T14:05:40.020Z",
        "hs_object_id": "59102341877",
        "hs_timestamp": "2025-05-02T14:00:00.000Z",
        "hs_call_title": "Renewal check-in",
        "hs_call_duration": 184000,
        "hs_call_has_voicemail": false,
        "hs_call_body": null
      },
      "propertiesWithHistory": {
        "hs_call_status": [
          {"value": "COMPLETED", "timestamp": "2025-05-02T14:05:40.020Z", "sourceType": "INTEGRATION", "sourceId": "1234567", "updatedByUserId": 28604240}
        ]
      },
      "associations": {
        "contacts": { "results": [ {"id": "104901", "type": "call_to_contact"} ] },
        "tickets":  { "results": [ {"id": 880012, "type": "call_to_ticket"} ] },
        "meetings": { "results": [ {"id": "5", "type": "call_to_meeting"} ] }
      },
      "createdAt": "2025-05-02T14:03:11.418Z",
      "updatedAt": "2025-05-02T14:05:40.020Z",
      "archived": false,
      "someFutureField": {"nested": [1, 2, 3]}
    }
    """

    static let listPage = """
    {
      "results": [ { "id": "1", "properties": {"hs_object_id": "1"}, "createdAt": "2025-05-02T14:03:11.418Z", "updatedAt": "2025-05-02T14:03:11.418Z", "archived": false } ],
      "paging": { "next": { "after": "59102341878", "link": "https://api.hubapi.com/crm/v3/objects/calls?after=59102341878&limit=1" } }
    }
    """

    static let lastPage = """
    { "results": [] }
    """

    static let batch207 = """
    {
      "status": "COMPLETE",
      "results": [ { "id": "59102341877", "properties": {"hs_object_id": "59102341877", "hs_timestamp": "2025-05-02T14:00:00Z"}, "createdAt": "2025-05-02T14:10:00.001Z", "updatedAt": "2025-05-02T14:10:00.001Z", "archived": false } ],
      "numErrors": 2,
      "errors": [
        { "status": "error", "category": "VALIDATION_ERROR",
          "message": "Property values were not valid",
          "context": { "objectWriteTraceId": ["trace-2"] }, "errors": [], "links": {} },
        { "status": "error", "category": {"name": "OBJECT_NOT_FOUND", "httpStatus": "NOT_FOUND"},
          "message": "Could not get some CALL objects, they may be deleted or not exist.",
          "context": { "ids": ["404", 405] } }
      ],
      "startedAt": "2025-05-02T14:10:00.001Z",
      "completedAt": "2025-05-02T14:10:00.210Z"
    }
    """

    static let createInput = """
    {
      "properties": {
        "hs_timestamp": 1714658400000,
        "hs_call_title": "Support call",
        "hubspot_owner_id": 11349275740,
        "hs_call_direction": "INBOUND"
      },
      "associations": [
        { "to": { "id": 500 },  "types": [ { "associationCategory": "HUBSPOT_DEFINED", "associationTypeId": 194 } ] },
        { "to": { "id": "1234" }, "types": [ { "associationCategory": "HUBSPOT_DEFINED", "associationTypeId": "220" } ] }
      ]
    }
    """

    static let search = """
    {
      "filterGroups": [
        { "filters": [
          { "propertyName": "associations.contact", "operator": "EQ", "value": 104901 },
          { "propertyName": "hs_timestamp", "operator": "BETWEEN", "value": "1714521600000", "highValue": "1717199999999" }
        ] },
        { "filters": [ { "propertyName": "hs_call_status", "operator": "IN", "values": ["MISSED", "NO_ANSWER"] } ] }
      ],
      "sorts": [ "-hs_timestamp" ],
      "query": "renewal",
      "properties": ["hs_call_title"],
      "limit": "100",
      "after": 0
    }
    """

    static let validationError = """
    { "status": "error", "message": "Error creating CALL. Some required properties were not set.",
      "correlationId": "aeb5f871-7f07-4993-9211-075dc63e7cbf", "category": "VALIDATION_ERROR",
      "context": { "properties": ["hs_timestamp"] } }
    """

    static let rateLimited = """
    { "status": "error", "message": "You have reached your ten_secondly_rolling limit.",
      "errorType": "RATE_LIMIT", "correlationId": "c93e06a4-7d61-4c3e-b63f-edf486fc6e90",
      "policyName": "TEN_SECONDLY_ROLLING", "groupName": "publicapi:private-app:test" }
    """

    static let v4List = """
    { "results": [ { "toObjectId": 104901,
                     "associationTypes": [ {"category": "HUBSPOT_DEFINED", "typeId": 194, "label": null},
                                           {"category": "USER_DEFINED", "typeId": "7", "label": "Decision maker"} ] } ],
      "paging": { "next": { "after": "MTA0OTAx" } } }
    """

    static let owner = """
    { "id": 11349275740, "email": "rep@example.test", "firstName": "Ana", "lastName": "Rep", "userId": "9001",
      "type": "PERSON", "teams": [{"id": 1, "name": "Sales", "primary": true}], "archived": false,
      "createdAt": "2024-01-01T00:00:00.000Z", "updatedAt": "2024-01-01T00:00:00.000Z" }
    """

    static let property = """
    { "name": "hs_call_status", "label": "Call status", "type": "enumeration", "fieldType": "select",
      "groupName": "callinformation", "description": "",
      "options": [ {"label": "Completed", "value": "COMPLETED", "hidden": false, "displayOrder": 0},
                   {"label": "Missed", "value": "MISSED", "hidden": "false"} ],
      "hubspotDefined": true, "calculated": false,
      "modificationMetadata": {"archivable": false, "readOnlyDefinition": true, "readOnlyValue": false} }
    """

    static let dispositions = """
    [ {"id": "f240bbac-87c9-4f6e-bf70-924b57d47db7", "label": "Connected"},
      {"id": "b2cf5968-551e-4856-9783-52b3da59a7d0", "label": "Left voicemail", "deleted": false} ]
    """

    static func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(json.utf8))
    }
}
