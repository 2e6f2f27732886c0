import CallsCore
import Hummingbird

/// Turns whatever a handler throws into HubSpot's error body (FINDINGS.md §5.5): API errors
/// and ``CRMError``s keep their status and category, Hummingbird's 404/413 become HubSpot
/// bodies, anything else is a 500 that reveals nothing internal.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = HubSpotRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return .error(error.error, status: error.status, correlationId: context.correlationId, headers: error.headers)
        } catch let error as CRMError {
            return .error(error, status: error.httpStatus, correlationId: context.correlationId)
        } catch let error as ConnectionDropped {
            throw error
        } catch let error as HTTPError {
            let crm: CRMError
            switch error.status {
            case .notFound:
                crm = APIError.noRoute(request.method, RequestLogMiddleware.sanitize(request.uri.path)).error
            case .contentTooLarge:
                crm = CRMError(kind: .invalidRequest, status: 413, message: "Request body too large", category: "VALIDATION_ERROR")
            default:
                crm = CRMError(kind: .invalidRequest, status: error.status.code, message: error.body ?? error.status.reasonPhrase, category: "VALIDATION_ERROR")
            }
            return .error(crm, status: error.status.code, correlationId: context.correlationId, headers: error.headers)
        } catch {
            let crm = CRMError(kind: .server, status: 500, message: "internal error", category: "INTERNAL_ERROR")
            return .error(crm, status: 500, correlationId: context.correlationId)
        }
    }
}
