import CallsCore
import Hummingbird

/// What the v3 and v4 association routes read from their paths and queries: the source
/// record, the target type, and for list routes the `after` offset and a `limit` clamped to
/// HubSpot's 500 per page (default 500).
struct AssociationRoute {
    static let maxPage = 500

    var from: ObjectRef
    var to: ObjectType

    /// `…/{objectType}/{objectId}/associations/{toObjectType}`.
    init(_ context: HubSpotRequestContext) throws {
        from = ObjectRef(try CallsController.objectType(context), try CallsController.objectID(context))
        to = try CallsController.objectType(context, "toObjectType")
    }

    /// One page of `items` as the list routes answer it: `after` is an offset, `limit` a
    /// number from 1 to 500 (a non-number is a 400).
    func page<T>(_ items: [T], _ request: Request) throws -> (items: [T], next: String?) {
        let query = QueryParameters(request)
        let limit = min(max(try query.int("limit") ?? Self.maxPage, 1), Self.maxPage)
        return try AssociationSupport.page(items, after: query.string("after"), limit: limit)
    }

    /// Both records of a per-pair route: `…/{objectType}/{objectId}/associations/…/{toObjectType}/{toObjectId}`.
    static func pair(_ context: HubSpotRequestContext) throws -> (ObjectRef, ObjectRef) {
        let from = ObjectRef(try CallsController.objectType(context), try CallsController.objectID(context))
        let to = ObjectRef(try CallsController.objectType(context, "toObjectType"), try CallsController.objectID(context, "toObjectId"))
        return (from, to)
    }

    /// The two types of a batch route: `/crm/v{3,4}/associations/{fromObjectType}/{toObjectType}/batch/…`.
    static func types(_ context: HubSpotRequestContext) throws -> (ObjectType, ObjectType) {
        (try CallsController.objectType(context, "fromObjectType"), try CallsController.objectType(context, "toObjectType"))
    }
}
