import Foundation
import Testing

/// `hubcalls list/show/log/delete/seed`, run as a user would.
@Suite struct ScriptingCommandsTests {
    @Test("list --json prints HubSpot's search shape, newest first")
    func listJSON() throws {
        let cli = try ScriptingCLI()
        defer { cli.cleanUp() }
        let seeded = try cli.run(["seed", "--calls", "40", "--reset"])
        #expect(seeded.status == 0)
        #expect(seeded.stdout.contains("Seeded 40 calls"))
        let page = try cli.json(["list", "--json", "--limit", "40"])
        #expect(page["total"] as? Int == 40)
        let results = page["results"] as? [[String: Any]] ?? []
        #expect(results.count == 40)
        let times = results.compactMap { ($0["properties"] as? [String: Any])?["hs_timestamp"] as? String }
        #expect(times.count == 40)
        #expect(times == times.sorted(by: >))
    }

    @Test("Global options may come before the subcommand, as in hubcalls --db X list")
    func globalOptionsBeforeTheSubcommand() throws {
        let cli = try ScriptingCLI()
        defer { cli.cleanUp() }
        _ = try cli.run(["seed", "--calls", "12", "--reset"])
        let before = try cli.run(["--db", cli.database, "list", "--limit", "3", "--json"], useDefaultDatabase: true)
        #expect(before.status == 0, "stderr: \(before.stderr)")
        let after = try cli.run(["list", "--limit", "3", "--json"])
        #expect(before.stdout == after.stdout)
        let show = try cli.run(["--db=\(cli.database)", "show", "no-such-id"], useDefaultDatabase: true)
        #expect(show.stderr.contains("no call with id no-such-id"), "stderr: \(show.stderr)")
    }

    @Test("The list table never passes escape sequences or bidi controls to the terminal")
    func listIsSanitized() throws {
        let cli = try ScriptingCLI()
        defer { cli.cleanUp() }
        _ = try cli.run(["seed", "--calls", "60", "--reset"])
        let raw = try cli.json(["list", "--json", "--limit", "60"])
        let titles = (raw["results"] as? [[String: Any]] ?? []).compactMap { ($0["properties"] as? [String: Any])?["hs_call_title"] as? String }
        #expect(titles.contains { $0.contains("\u{1B}") }, "the seed has hostile titles to test with")
        let table = try cli.run(["list", "--limit", "60"])
        #expect(table.status == 0)
        #expect(table.stdout.contains("RED ALERT"))
        #expect(!table.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || (0x80...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value) })
    }

    @Test("log creates a call with its associations, and show --json returns it")
    func logAndShow() throws {
        let cli = try ScriptingCLI()
        defer { cli.cleanUp() }
        _ = try cli.run(["seed", "--calls", "10", "--reset"])
        let logged = try cli.run(["log", "--title", "Renewal check-in", "--notes", "Wants a quote", "--direction", "outbound", "--status", "no-answer",
                                  "--outcome", "no answer", "--duration", "1:30", "--timestamp", "2025-05-02T14:00:00Z", "--contact", "100001"])
        #expect(logged.status == 0, "\(logged.stderr)")
        let id = logged.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(Int64(id) != nil)
        let call = try cli.json(["show", id, "--json"])
        let properties = call["properties"] as? [String: Any] ?? [:]
        #expect(properties["hs_call_title"] as? String == "Renewal check-in")
        #expect(properties["hs_call_status"] as? String == "NO_ANSWER")
        #expect(properties["hs_call_disposition"] as? String == "73a0d17f-1163-4015-bdd5-ec830791da20")
        #expect(properties["hs_call_duration"] as? String == "90000")
        #expect(properties["hs_timestamp"] as? String == "2025-05-02T14:00:00.000Z")
        let contacts = ((call["associations"] as? [String: Any])?["contacts"] as? [String: Any])?["results"] as? [[String: Any]]
        #expect(contacts?.first?["id"] as? String == "100001")
        #expect(contacts?.first?["type"] as? String == "call_to_contact")
        let text = try cli.run(["show", id])
        #expect(text.stdout.contains("Renewal check-in"))
        #expect(text.stdout.contains("Contact  100001"))
        #expect(text.stdout.contains("0:01:30"))
    }

    @Test("Mistakes in log arguments fail with messages a user can act on")
    func logErrors() throws {
        let cli = try ScriptingCLI()
        defer { cli.cleanUp() }
        _ = try cli.run(["seed", "--calls", "5", "--reset"])
        let seconds = try cli.run(["log", "--title", "x", "--timestamp", "1746194400"])
        #expect(seconds.status != 0)
        #expect(seconds.stderr.contains("milliseconds"))
        // QA4 Q4-17: an impossible day was logged on the next month's first.
        let impossible = try cli.run(["log", "--title", "x", "--timestamp", "2026-11-31T10:00:00Z"])
        #expect(impossible.status != 0)
        #expect(impossible.stderr.contains("November has 30 days"))
        #expect(impossible.stdout.isEmpty)
        let outcome = try cli.run(["log", "--title", "x", "--outcome", "Sold"])
        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains("Connected") && outcome.stderr.contains("Meeting booked"))
        let guid = try cli.run(["log", "--title", "x", "--outcome", "f240bbac-87c9"])
        #expect(guid.stderr.contains("not a valid outcome GUID"))
        let record = try cli.run(["log", "--title", "x", "--contact", "424242"])
        #expect(record.status != 0)
        #expect(record.stderr.contains("424242"))
        #expect(record.stdout.isEmpty)
        let missing = try cli.run(["show", "1"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("no call with id 1"))
    }

    @Test("delete moves a call to the recycle bin and --undo restores it")
    func deleteAndUndo() throws {
        let cli = try ScriptingCLI()
        defer { cli.cleanUp() }
        _ = try cli.run(["seed", "--calls", "5", "--reset"])
        let deleted = try cli.run(["delete", "10000000001"])
        #expect(deleted.status == 0)
        #expect(deleted.stdout.contains("restore"))
        #expect(try cli.run(["show", "10000000001"]).status != 0)
        #expect(try cli.run(["delete", "--undo", "10000000001"]).status == 0)
        #expect(try cli.run(["show", "10000000001"]).status == 0)
    }

    @Test("The first run creates and seeds the default database without touching JSON output")
    func firstRun() throws {
        let cli = try ScriptingCLI()
        defer { cli.cleanUp() }
        let result = try cli.run(["list", "--json", "--limit", "3"], useDefaultDatabase: true)
        #expect(result.status == 0)
        #expect(result.stderr.contains("created a demo database"))
        let page = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(page?["total"] as? Int == 300)
        #expect(FileManager.default.fileExists(atPath: cli.directory.appendingPathComponent("xdg/hubcalls/hubcalls.sqlite").path))
        let again = try cli.run(["list", "--limit", "1"], useDefaultDatabase: true)
        #expect(!again.stderr.contains("created"))
    }
}

/// `--db` in a directory that does not exist is a typo until proven otherwise.
@Suite struct DatabasePathTests {
    @Test("--db in a missing directory is refused and creates nothing")
    func missingDirectoryIsRefused() throws {
        let cli = try ScriptingCLI()
        defer { cli.cleanUp() }
        let missing = cli.directory.appendingPathComponent("no-such-dir")
        let result = try cli.run(["list", "--limit", "1", "--db", missing.appendingPathComponent("x.sqlite").path], useDefaultDatabase: true)
        #expect(result.status != 0)
        #expect(result.stderr.contains("does not exist"), "stderr: \(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: missing.path))
    }

    @Test("--db naming a new file in an existing directory still creates the demo database")
    func newFileInExistingDirectoryIsCreated() throws {
        let cli = try ScriptingCLI()
        defer { cli.cleanUp() }
        let result = try cli.run(["list", "--limit", "1"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("created a demo database"))
    }

    @Test("The default database location is created on first run")
    func defaultLocationIsCreated() throws {
        let cli = try ScriptingCLI()
        defer { cli.cleanUp() }
        let result = try cli.run(["list", "--limit", "1"], useDefaultDatabase: true)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: cli.directory.appendingPathComponent("xdg").path))
    }
}

/// `hubcalls --help` shows how to start the browser, the default command.
@Suite struct TopLevelHelpTests {
    @Test("hubcalls --help lists browse, and help browse names its options")
    func helpListsBrowse() throws {
        let cli = try ScriptingCLI()
        defer { cli.cleanUp() }
        let top = try cli.run(["--help"], useDefaultDatabase: true)
        #expect(top.stdout.contains("browse"), "\(top.stdout)")
        let browse = try cli.run(["help", "browse"], useDefaultDatabase: true)
        for option in ["--db", "--keymap", "--read-only", "--backend"] {
            #expect(browse.stdout.contains(option), "\(option) missing from: \(browse.stdout)")
        }
    }
}
