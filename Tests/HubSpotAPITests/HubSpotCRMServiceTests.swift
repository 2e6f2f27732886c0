import CallsCore
import Foundation
import Testing
@testable import HubSpotAPI

/// The service against a scripted transport: retries, errors, decoding, create recovery.
/// (The same service against the real server over loopback is in ConformanceTests.)
@Suite struct HubSpotCRMServiceTests {
    static let secret = "pat-na1-test-secret-0000"
    static let callJSON = #"{"id":"501","properties":{"hs_timestamp":"2025-05-02T14:00:00.000Z","hs_call_title":"Renewal"},"createdAt":"2025-05-02T14:03:11.418Z","updatedAt":"2025-05-02T14:03:11.418Z","archived":false}"#

    private func service(_ transport: ScriptedTransport, clock: VirtualPacingClock = VirtualPacingClock()) -> HubSpotCRMService {
        let configuration = HubSpotConfiguration(
            baseURL: URL(string: "https://api.test")!, token: AccessToken(Self.secret, source: "from test"),
            retry: fixedRetryPolicy(), configPath: "/cfg/config.toml"
        )
        return HubSpotCRMService(configuration: configuration, transport: transport, clock: clock, createLookupDelays: [0])
    }

    @Test func theTokenTravelsOnlyInTheAuthorizationHeader() async throws {
        let transport = ScriptedTransport([ScriptedTransport.json(200, Self.callJSON)])
        _ = try await service(transport).get(.calls, id: "501", properties: ["hs_call_title"], associations: [])
        let request = try #require(transport.requests.first)
        #expect(request.headers["Authorization"] == "Bearer \(Self.secret)")
        #expect(!request.url.absoluteString.contains(Self.secret))
        #expect(!request.description.contains(Self.secret))
        #expect(request.url.absoluteString == "https://api.test/crm/v3/objects/calls/501?properties=hs_call_title")
    }

    @Test func aRateLimitedRequestIsRetriedAfterRetryAfter() async throws {
        let clock = VirtualPacingClock()
        let transport = ScriptedTransport([ScriptedTransport.rateLimited("TEN_SECONDLY_ROLLING", retryAfter: "2"), ScriptedTransport.json(200, Self.callJSON)])
        let crm = service(transport, clock: clock)
        let call = try await crm.get(.calls, id: "501", properties: ["hs_call_title"], associations: [])
        #expect(call.id == "501")
        #expect(transport.requests.count == 2)
        #expect(clock.sleeps.contains(2))
        #expect(crm.requestStats.retries == 1 && crm.requestStats.rateLimited == 1)
    }

    @Test func theDailyLimitIsReportedWithoutRetrying() async throws {
        let transport = ScriptedTransport([ScriptedTransport.rateLimited("DAILY")])
        let error = await #expect(throws: CRMError.self) { try await service(transport).get(.calls, id: "1", properties: ["a"], associations: []) }
        #expect(error?.kind == .rateLimited)
        #expect(error?.policyName == "DAILY")
        #expect(error?.message.contains("midnight") == true)
        #expect(transport.requests.count == 1)
    }

    @Test func validationErrorsKeepHubSpotsMessageCategoryAndCorrelationId() async throws {
        let body = #"{"status":"error","message":"Property values were not valid","correlationId":"c-123","category":"VALIDATION_ERROR","context":{"properties":["hs_call_status"]}}"#
        let transport = ScriptedTransport([ScriptedTransport.json(400, body)])
        let error = await #expect(throws: CRMError.self) { try await service(transport).update(.contacts, id: "1", properties: ["x": "y"]) }
        #expect(error?.kind == .validation)
        #expect(error?.category == "VALIDATION_ERROR")
        #expect(error?.correlationId == "c-123")
        #expect(error?.description.contains("c-123") == true)
        #expect(transport.requests.count == 1)
    }

    @Test func unauthorizedExplainsHowToSetTheTokenWithoutShowingIt() async throws {
        let body = #"{"status":"error","message":"Authentication credentials not found. Token \#(Self.secret) is invalid","correlationId":"c-401","category":"INVALID_AUTHENTICATION"}"#
        let transport = ScriptedTransport([ScriptedTransport.json(401, body)])
        let error = await #expect(throws: CRMError.self) { try await service(transport).owners() }
        #expect(error?.kind == .unauthorized)
        #expect(error?.message.contains("HUBSPOT_ACCESS_TOKEN") == true)
        #expect(error?.message.contains("/cfg/config.toml") == true)
        #expect(error?.description.contains(Self.secret) == false)
    }

    @Test func anUndecodableResponseIsADecodingErrorQuotingTheCorrelationId() async throws {
        let transport = ScriptedTransport([ScriptedTransport.json(200, "<html>proxy error</html>", headers: ["X-HubSpot-Correlation-Id": "c-bad"])])
        let error = await #expect(throws: CRMError.self) { try await service(transport).get(.calls, id: "1", properties: ["a"], associations: []) }
        #expect(error?.kind == .decoding)
        #expect(error?.description.contains("c-bad") == true)
    }

    @Test func anUnreachableServerIsReportedAsOffline() async throws {
        let transport = ScriptedTransport([], fallback: .fail(.cannotConnectToHost))
        let error = await #expect(throws: CRMError.self) { try await service(transport).outcomes() }
        #expect(error?.kind == .offline)
        #expect(error?.message.contains("offline") == true)
        #expect(transport.requests.count == 2)
    }

    @Test func serverErrorsOnReadsAreRetriedToSuccess() async throws {
        let transport = ScriptedTransport([
            ScriptedTransport.json(503, "{}"), ScriptedTransport.json(502, ""), .fail(.timedOut), ScriptedTransport.json(200, Self.callJSON),
        ])
        let call = try await service(transport).get(.calls, id: "501", properties: ["a"], associations: [])
        #expect(call.id == "501")
        #expect(transport.requests.count == 4)
    }

    @Test func aCreateWhoseResponseWasLostIsFoundInsteadOfSentAgain() async throws {
        let search = #"{"total":1,"results":[\#(Self.callJSON)]}"#
        let transport = ScriptedTransport([.fail(.networkConnectionLost), ScriptedTransport.json(200, search), ScriptedTransport.json(200, Self.callJSON)])
        let crm = service(transport)
        let input = ObjectInput(properties: ["hs_timestamp": "2025-05-02T14:00:00Z", "hs_call_title": "Renewal"])
        let call = try await crm.create(.calls, input)
        #expect(call.id == "501")
        let creates = transport.requests.filter { $0.method == "POST" && $0.url.path == "/crm/v3/objects/calls" }
        #expect(creates.count == 1)
        #expect(transport.requests.map(\.description).contains("POST https://api.test/crm/v3/objects/calls/search"))
        #expect(crm.requestStats.createLookups == 1)
    }

    @Test func aCreateThatDidNotHappenIsSentAgainAfterTheLookUp() async throws {
        let transport = ScriptedTransport([
            ScriptedTransport.json(503, "{}"), ScriptedTransport.json(200, #"{"total":0,"results":[]}"#), ScriptedTransport.json(201, Self.callJSON),
        ])
        let call = try await service(transport).create(.calls, ObjectInput(properties: ["hs_timestamp": "2025-05-02T14:00:00Z"]))
        #expect(call.id == "501")
        #expect(transport.requests.filter { $0.url.path == "/crm/v3/objects/calls" }.count == 2)
    }

    @Test func anInvalidCallIsRefusedBeforeAnyRequest() async throws {
        let transport = ScriptedTransport([])
        let error = await #expect(throws: CRMError.self) { try await service(transport).create(.calls, ObjectInput(properties: ["hs_timestamp": "1714658400"])) }
        #expect(error?.kind == .validation)
        #expect(transport.requests.isEmpty)
    }

    @Test func perItemBatchErrorsReachTheCaller() async throws {
        let body = #"{"status":"COMPLETE","results":[\#(Self.callJSON)],"numErrors":1,"errors":[{"status":"error","category":"OBJECT_NOT_FOUND","message":"Could not get some CALL objects, they may be deleted or not exist.","context":{"ids":["404"]},"errors":[],"links":{}}],"startedAt":"x","completedAt":"y"}"#
        let transport = ScriptedTransport([ScriptedTransport.json(207, body)])
        let result = try await service(transport).batchRead(.calls, ids: ["501", "404"], properties: ["hs_call_title"])
        #expect(result.results.map(\.id) == ["501"])
        #expect(result.errors.count == 1)
        #expect(result.errors.first?.kind == .notFound)
        #expect(result.errors.first?.id == "404")
    }

    @Test func listsAskForAssociationsAndMarkRecordsWithoutAny() async throws {
        let body = #"{"results":[\#(Self.callJSON)],"paging":{"next":{"after":"MjA=","link":"?after=MjA="}}}"#
        let transport = ScriptedTransport([ScriptedTransport.json(200, body)])
        let page = try await service(transport).list(.calls, ListRequest(limit: 500, properties: ["hs_call_title"], associations: [.contacts, .companies]))
        #expect(page.nextAfter == "MjA=")
        #expect(page.results.first?.associations == [.contacts: [], .companies: []])
        let query = transport.requests.first?.url.query ?? ""
        #expect(query == "limit=100&properties=hs_call_title&associations=contacts,companies")
    }

    @Test func ownersAreFetchedOncePerSessionAcrossPages() async throws {
        let page1 = #"{"results":[{"id":"1","email":"a@x","type":"PERSON","archived":false}],"paging":{"next":{"after":"1"}}}"#
        let page2 = #"{"results":[{"id":"2","firstName":"B","type":"PERSON","archived":false}]}"#
        let transport = ScriptedTransport([ScriptedTransport.json(200, page1), ScriptedTransport.json(200, page2)])
        let crm = service(transport)
        async let first = crm.owners()
        async let second = crm.owners()
        let (a, b) = try await (first, second)
        #expect(a.map(\.id) == ["1", "2"] && a == b)
        #expect(try await crm.owners().count == 2)
        #expect(transport.requests.count == 2)
        let counting: any RequestCounting = crm
        #expect(counting.requestCount == 2)
        #expect(counting.requestSummary == "2 req (0 retries, 0×429)")
    }

    @Test func dispositionsAreReadFromTheBareArrayDroppingDeletedOnes() async throws {
        let body = #"[{"id":"f240bbac-87c9-4f6e-bf70-924b57d47db7","label":"Connected"},{"id":"c1","label":"Gone","deleted":true},{"id":"c2","label":"Callback"}]"#
        let transport = ScriptedTransport([ScriptedTransport.json(200, body)])
        let outcomes = try await service(transport).outcomes()
        #expect(outcomes.map(\.label) == ["Connected", "Callback"])
    }

    @Test func archivingTwiceAfterALostAttemptCountsAsDone() async throws {
        let transport = ScriptedTransport([.fail(.networkConnectionLost), ScriptedTransport.json(404, #"{"message":"not found","category":"OBJECT_NOT_FOUND"}"#)])
        try await service(transport).archive(.calls, id: "501")
        #expect(transport.requests.count == 2)
    }

    @Test func searchesUseTheirOwnBudgetAndClipAtTheCap() async throws {
        let body = #"{"total":20000,"results":[\#(Self.callJSON)],"paging":{"next":{"after":"10000"}}}"#
        let transport = ScriptedTransport([ScriptedTransport.json(200, body)])
        let page = try await service(transport).search(.calls, SearchRequest(sorts: [SortRule("hs_call_title", ascending: true)], properties: ["a"], limit: 200, after: "9900"))
        #expect(page.nextAfter == nil)
        let sent = String(decoding: transport.requests.first?.body ?? Data(), as: UTF8.self)
        #expect(sent.contains(#""limit":100"#))
    }
}
