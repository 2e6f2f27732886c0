import CallsCore
import HubSpotAPI
import Hummingbird

/// `GET /calling/v1/dispositions`: HubSpot's six default outcomes plus the account's custom
/// ones, as a bare JSON array of `{id, label}` (FINDINGS.md §3.9). Also answers the
/// `/twilio/v1/dispositions` spelling HubSpot's logs show.
struct DispositionsController {
    let service: any CRMService

    func register(on routes: RouteTable) {
        routes.on(.get, ["/calling/v1/dispositions", "/twilio/v1/dispositions"]) { _, _ in
            let catalog = try await service.outcomeCatalog()
            return .json(catalog.outcomes.map(Disposition.init))
        }
    }
}
