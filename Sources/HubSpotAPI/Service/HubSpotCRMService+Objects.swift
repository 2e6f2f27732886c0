import CallsCore
import Foundation

// MARK: - Records: list, get, create, update, archive

extension HubSpotCRMService {
    /// `GET /crm/v3/objects/{type}`: one page (at most 100 records, HubSpot's maximum) with
    /// the requested associations embedded — one request per page.
    ///
    /// To read every page of a long list, ``pages(_:_:)`` asks for each page one step ahead.
    public func list(_ type: ObjectType, _ request: ListRequest) async throws -> Page {
        var request = request
        request.properties = try await propertyNames(type, request.properties)
        let http = listRequest(type, request)
        let page = try await fetch(CollectionResponse<SimplePublicObject>.self, http).page(type: type)
        return Page(results: page.results.map { Self.withRequestedAssociations($0, request.associations) }, nextAfter: page.nextAfter)
    }

    /// `GET /crm/v3/objects/{type}/{id}`.
    public func get(_ type: ObjectType, id: String, properties: [String]?, associations: [ObjectType]) async throws -> CRMObject {
        var query = Self.listQuery("properties", try await propertyNames(type, properties))
        query += Self.listQuery("associations", associations.map(\.rawValue))
        let http = HubSpotRequest(.get, Self.objectPath(type, id), endpoint: "/crm/v3/objects/{type}/{id}", query: query)
        let object = try await fetch(SimplePublicObject.self, http).crmObject(type: type)
        return Self.withRequestedAssociations(object, associations)
    }

    /// `POST /crm/v3/objects/{type}` with the associations in the same request.
    ///
    /// Calls are validated first (``CallValidation``), so a bad timestamp costs no request.
    /// If the outcome is unknown (timeout, dropped connection, 5xx) the service searches for
    /// the record before sending the create again: a call is never logged twice.
    public func create(_ type: ObjectType, _ input: ObjectInput) async throws -> CRMObject {
        if type == .calls, let error = CallValidation.error(for: CallValidation.validate(input.properties, creating: true), objectType: type) {
            throw error
        }
        let http = HubSpotRequest(.post, Self.objectsPath(type), endpoint: "/crm/v3/objects/{type}", body: body(SimplePublicObjectInputForCreate(input)), idempotent: false)
        let since = Date()
        var attempt = 1
        while true {
            do {
                let response = try await executor.send(http, firstAttempt: attempt)
                return try decode(SimplePublicObject.self, response, for: http).crmObject(type: type)
            } catch let unknown as OutcomeUnknown {
                if let found = try await findCreated(type, [input], since: since)[0] {
                    // What HubSpot's create answer holds: the properties set plus the defaults.
                    let names = Set(input.properties.keys).union([CallProperty.createDate, CallProperty.lastModified, CallProperty.objectId])
                    return try await get(type, id: found, properties: names.sorted(), associations: [])
                }
                attempt = unknown.attempt + 1
                try await executor.wait(unknown.delay)
            }
        }
    }

    /// `PATCH /crm/v3/objects/{type}/{id}`; `""` clears a value. Pinning a call on a record
    /// is this on the record (`hs_pinned_engagement_id`).
    public func update(_ type: ObjectType, id: String, properties: [String: String]) async throws -> CRMObject {
        if type == .calls, let error = CallValidation.error(for: CallValidation.validate(properties, creating: false), objectType: type) {
            throw error
        }
        let http = HubSpotRequest(.patch, Self.objectPath(type, id), endpoint: "/crm/v3/objects/{type}/{id}", body: body(SimplePublicObjectInput(properties: properties)))
        return try await fetch(SimplePublicObject.self, http).crmObject(type: type)
    }

    /// `DELETE /crm/v3/objects/{type}/{id}` (to the recycle bin). A retry that finds the
    /// record already gone after a lost first attempt counts as success.
    public func archive(_ type: ObjectType, id: String) async throws {
        var http = HubSpotRequest(.delete, Self.objectPath(type, id), endpoint: "/crm/v3/objects/{type}/{id}")
        http.notFoundAfterLostAttemptIsSuccess = true
        _ = try await executor.send(http)
    }
}

// MARK: - Helpers

extension HubSpotCRMService {
    /// The properties to ask for: the caller's list, or every property the account defines
    /// for the type (HubSpot would otherwise return only three), from the cached definitions.
    func propertyNames(_ type: ObjectType, _ requested: [String]?) async throws -> [String] {
        if let requested { return requested }
        return try await properties(type).map(\.name)
    }

    /// HubSpot omits `associations` for a record that has none; the domain model says
    /// "asked, none" with an empty list.
    static func withRequestedAssociations(_ object: CRMObject, _ requested: [ObjectType]) -> CRMObject {
        var object = object
        for type in requested where object.associations[type] == nil { object.associations[type] = [] }
        return object
    }
}
