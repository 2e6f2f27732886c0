import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// The browser with `--backend hubspot` against `hubcalls serve`, driven through tmux like a
/// person would: change an outcome, quick-log a call, and check both through the server's API.
@Suite struct HubSpotBackendTmuxTests {
    static let wrongNumber = "17b47fee-58de-441e-a44c-c6300d46f273"

    @Test func anOutcomeChangeAndAQuickLogReachTheServer() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hubcalls-hubspot-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let token = "e2e-" + UUID().uuidString
        let (server, port) = try await ServeCommandTests.launch(["--no-rate-limit"], environment: ["HUBCALLS_SERVE_TOKEN": token], in: directory)
        defer { server.stop() }
        let api = ServerAPI(port: port, token: token)

        // The row the browser opens on: the newest call.
        let newest = try await api.search(["sorts": [["propertyName": "hs_timestamp", "direction": "DESCENDING"]], "limit": 1, "properties": ["hs_call_disposition", "hs_call_title"]])
        let first = try #require(newest.first)
        let firstID = try #require(first["id"] as? String)
        #expect(api.disposition(first) != Self.wrongNumber)

        let launcher = try writeLauncher(in: directory, token: token, arguments: ["--backend", "hubspot", "--base-url", "http://127.0.0.1:\(port)"])
        let tmux = try TmuxSession(width: 120, height: 40)
        defer { tmux.kill() }
        try tmux.run(launcher)
        try tmux.waitForFile(directory.appendingPathComponent("ready").path)
        // Ready, the first page and the open call's detail are on screen.
        try tmux.waitUntil("the list and the detail pane") { $0.contains("newest first") && $0.contains("1/300") && $0.contains("Associations") }

        // Outcome: `o`, filter the picker to "Wrong number", choose it.
        try tmux.send("o")
        try tmux.waitFor(text: "Wrong number")
        try tmux.send("w", "r", "o", "n", "g")
        try tmux.send("Enter")
        try tmux.waitFor(text: "Outcome set to Wrong number")
        let changed = try await api.get(firstID, properties: ["hs_call_disposition"])
        #expect(api.disposition(changed) == Self.wrongNumber)

        // Quick-log: `c`, the title field, save.
        let title = "E2E quick log \(UUID().uuidString.prefix(8))"
        try tmux.send("c")
        try tmux.waitFor(text: "Log a call")
        try tmux.send("Tab", "Tab")
        try tmux.send("-l", title)
        try tmux.send("C-s")
        try tmux.waitFor(text: "Logged call")
        let logged = try await api.search(["query": title, "properties": ["hs_call_title", "hs_timestamp"], "limit": 5])
        #expect(logged.count == 1)
        #expect((logged.first?["properties"] as? [String: Any])?["hs_call_title"] as? String == title)

        try tmux.send("Q")
        try tmux.waitFor(text: TmuxSession.prompt)
        let requests = try String(contentsOf: directory.appendingPathComponent("http.log"), encoding: .utf8)
        #expect(requests.contains("PATCH /crm/v3/objects/calls/\(firstID) → 200"))
        #expect(requests.contains("POST /crm/v3/objects/calls → 201"))
        #expect(!requests.contains(token))
        // Each screen's cost follows its requests in the same log (the demo data gives some
        // calls no contact, so a page costs 3 to 5 requests).
        let pages = requests.split(separator: "\n").filter { $0.contains(" screen page: ") }
        #expect(!pages.isEmpty)
        #expect(pages.allSatisfy { line in ["3", "4", "5"].contains { line.contains(" screen page: \($0) requests (POST /crm/v3/objects/{type}/search") } }, "\(pages)")
        #expect(requests.contains(" screen lookups: 3 requests"))
    }


    /// The server goes away, the user deletes a call and quits: the delete cannot be sent,
    /// so the exit status is non-zero and stderr names the call and the reason.
    @Test func aDeleteThatCannotBeSentIsReportedOnExit() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hubcalls-hubspot-offline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let token = "e2e-" + UUID().uuidString
        let (server, port) = try await ServeCommandTests.launch(["--no-rate-limit"], environment: ["HUBCALLS_SERVE_TOKEN": token], in: directory)
        defer { server.stop() }
        let api = ServerAPI(port: port, token: token)
        let newest = try await api.search(["sorts": [["propertyName": "hs_timestamp", "direction": "DESCENDING"]], "limit": 1, "properties": ["hs_call_title"]])
        let firstID = try #require(newest.first?["id"] as? String)

        let launcher = try writeLauncher(in: directory, token: token, arguments: ["--backend", "hubspot", "--base-url", "http://127.0.0.1:\(port)"])
        let stderr = directory.appendingPathComponent("stderr.txt").path
        let tmux = try TmuxSession(width: 120, height: 40)
        defer { tmux.kill() }
        try tmux.run("\(launcher) 2>\(stderr); echo EXIT-$?")
        try tmux.waitForFile(directory.appendingPathComponent("ready").path)
        try tmux.waitUntil("the list and the detail pane") { $0.contains("1/300") && $0.contains("Associations") }

        server.stop()
        try tmux.send("d")
        try tmux.waitFor(text: "[ Delete ]")
        try tmux.send("y")
        try tmux.waitFor(text: "299 calls")
        try tmux.send("Q")
        try tmux.waitFor(text: "EXIT-1")
        let report = try String(contentsOfFile: stderr, encoding: .utf8)
        #expect(report.contains("1 call was NOT deleted (\(firstID)"), "\(report)")
        #expect(report.contains("Cannot reach"), "\(report)")
    }
}

/// A 0700 script that starts `hubcalls arguments…` with the token in its environment, so
/// the token never appears on a command line (not even tmux's). Returns the command that runs
/// it: `sh` reads the script instead of exec'ing it, because a test running in parallel may
/// fork while the file is still open for writing, and a child holding that descriptor makes
/// exec'ing the script fail with "Text file busy" (ETXTBSY).
private func writeLauncher(in directory: URL, token: String, arguments: [String]) throws -> String {
    let binary = try hubcallsBinary()
    let launcher = directory.appendingPathComponent("launch.sh")
    let quoted = arguments.map { "'\($0)'" }.joined(separator: " ")
    let script = """
        #!/bin/sh
        export HUBSPOT_ACCESS_TOKEN='\(token)'
        export XDG_CONFIG_HOME='\(directory.path)/config' XDG_DATA_HOME='\(directory.path)/data' XDG_STATE_HOME='\(directory.path)/state'
        export HUBCALLS_HTTP_LOG='\(directory.path)/http.log' HUBCALLS_READY_FILE='\(directory.path)/ready' TZ=UTC
        exec '\(binary)' \(quoted)
        """
    try Data(script.utf8).write(to: launcher)
    try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: launcher.path)
    return "sh '\(launcher.path)'"
}

/// The server's HubSpot API, for checking what the browser did.
private struct ServerAPI {
    let port: Int
    let token: String

    func search(_ body: [String: Any]) async throws -> [[String: Any]] {
        let json = try await call("POST", "/crm/v3/objects/calls/search", body: body)
        return json["results"] as? [[String: Any]] ?? []
    }

    func get(_ id: String, properties: [String]) async throws -> [String: Any] {
        try await call("GET", "/crm/v3/objects/calls/\(id)?properties=\(properties.joined(separator: ","))", body: nil)
    }

    func disposition(_ object: [String: Any]) -> String? {
        (object["properties"] as? [String: Any])?["hs_call_disposition"] as? String
    }

    private func call(_ method: String, _ path: String, body: [String: Any]?) async throws -> [String: Any] {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        if let body {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = try JSONSerialization.data(withJSONObject: body)
        }
        let (data, _) = try await URLSession.shared.data(for: request)
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }
}
