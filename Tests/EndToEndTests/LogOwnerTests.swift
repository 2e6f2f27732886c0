import Foundation
import Testing

/// `owner` in config.toml owns the calls `hubcalls log` creates; `--owner` wins over it.
@Suite struct LogOwnerTests {
    func config(_ cli: ScriptingCLI, _ text: String) throws -> String {
        let path = cli.directory.appendingPathComponent("config.toml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func owner(of id: String, _ cli: ScriptingCLI) throws -> String? {
        let call = try cli.json(["show", id, "--json"])
        return (call["properties"] as? [String: Any])?["hubspot_owner_id"] as? String
    }

    @Test("log gives the call the configured owner, unless --owner names another")
    func configuredOwner() throws {
        let cli = try ScriptingCLI()
        defer { cli.cleanUp() }
        _ = try cli.run(["seed", "--calls", "5", "--reset"])
        let path = try config(cli, "owner = \"ben.okafor@example.com\"\n")
        let logged = try cli.run(["log", "--title", "Mine", "--config", path])
        #expect(logged.status == 0, "\(logged.stderr)")
        #expect(!logged.stderr.contains("unknown key"), "\(logged.stderr)")
        #expect(try owner(of: logged.stdout.trimmingCharacters(in: .whitespacesAndNewlines), cli) == "11349275740")
        let other = try cli.run(["log", "--title", "Chen's", "--owner", "Chen Wei", "--config", path])
        #expect(try owner(of: other.stdout.trimmingCharacters(in: .whitespacesAndNewlines), cli) == "60213377")
    }

    @Test("a configured owner that names nobody is an error naming the owners")
    func unknownConfiguredOwner() throws {
        let cli = try ScriptingCLI()
        defer { cli.cleanUp() }
        _ = try cli.run(["seed", "--calls", "5", "--reset"])
        let path = try config(cli, "owner = \"nobody@example.com\"\n")
        let logged = try cli.run(["log", "--title", "Whose?", "--config", path])
        #expect(logged.status != 0)
        #expect(logged.stderr.contains("Unknown owner \"nobody@example.com\""), "\(logged.stderr)")
    }
}
