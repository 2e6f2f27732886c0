import CallsCore
import Foundation
public import Hummingbird
import Logging

/// Builds `hubcalls serve`: a HubSpot-compatible API over any ``CallsCore/CRMService``.
public enum HubSpotServer {
    /// The application, ready to `runService()`; it listens on the configured host and port
    /// and reports the bound port through ``HubSpotServerConfiguration/onListening``.
    public static func buildApplication(service: any CRMService, configuration: HubSpotServerConfiguration) -> some ApplicationProtocol {
        var logger = Logger(label: "hubcalls.serve")
        // Bind failures are thrown; what Hummingbird logs below critical (e.g. a cancelled
        // child channel on shutdown) is noise next to the request log.
        logger.logLevel = .critical
        let onListening = configuration.onListening
        return Application(
            router: buildRouter(service: service, configuration: configuration),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "hubcalls"),
            onServerRunning: { channel in onListening?(channel.localAddress?.port ?? configuration.port) },
            logger: logger
        )
    }

    /// The router with every route and the middleware chain. `clock` (seconds, monotonic)
    /// drives rate-limit windows and stats; tests inject their own.
    public static func buildRouter(
        service: any CRMService, configuration: HubSpotServerConfiguration,
        clock: @escaping @Sendable () -> Double = { ProcessInfo.processInfo.systemUptime }
    ) -> Router<HubSpotRequestContext> {
        let router = Router(context: HubSpotRequestContext.self)
        let routes = RouteTable(router: router)
        let stats = ServerStats(clock: clock)

        // Test aids first: routes added before the middleware skip auth, limits and faults.
        StatsController(stats: stats).register(on: routes)

        // Outermost first. Errors become HubSpot bodies inside the log and the correlation
        // header, so both see the final status.
        router.add(middleware: CorrelationIdMiddleware())
        if let write = configuration.requestLog { router.add(middleware: RequestLogMiddleware(write: write)) }
        router.add(middleware: StatsMiddleware(stats: stats))
        router.add(middleware: ErrorMiddleware())
        if let token = configuration.token { router.add(middleware: AuthMiddleware(token: token)) }
        if let limits = configuration.rateLimits {
            router.add(middleware: RateLimitMiddleware(limiter: RateLimiter(configuration: limits, clock: clock), stats: stats))
            // Errors from here on become responses before they pass the rate limiter, so
            // error answers carry the rate-limit headers too (as HubSpot's do).
            router.add(middleware: ErrorMiddleware())
        }
        if configuration.faults.isActive {
            router.add(middleware: FaultInjectionMiddleware(injector: FaultInjector(configuration: configuration.faults), stats: stats))
        }

        let projection = PropertyProjection(service: service)
        CallsController(service: service, projection: projection, searchLimits: configuration.searchLimits).register(on: routes)
        AssociationsV3Controller(service: service).register(on: routes)
        AssociationsV4Controller(service: service).register(on: routes)
        PropertiesController(service: service).register(on: routes)
        OwnersController(service: service).register(on: routes)
        DispositionsController(service: service).register(on: routes)
        routes.addMethodNotAllowed()
        return router
    }
}
