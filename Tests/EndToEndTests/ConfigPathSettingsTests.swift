import Foundation
import Testing

/// `db` and `keymap` in config.toml name files as `--db` and `--keymap` do (QA4 Q4-11: both
/// were accepted as known keys and ignored). The flags win; relative paths are taken from
/// the config file's folder.
@Suite struct ConfigPathSettingsTests {
    static func config(_ cli: ScriptingCLI, _ text: String) throws -> String {
        let path = cli.directory.appendingPathComponent("config.toml").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func theConfigFilesDatabaseIsTheOneListedAndTheFlagWins() throws {
        let cli = try ScriptingCLI()
        defer { cli.cleanUp() }
        let seeded = try cli.run(["seed", "--calls", "7", "--reset", "--db", cli.directory.appendingPathComponent("seven.sqlite").path], useDefaultDatabase: true)
        #expect(seeded.status == 0, "stderr: \(seeded.stderr)")
        // Relative to the config file's folder, not to the working directory.
        let config = try Self.config(cli, "db = \"seven.sqlite\"\n")
        let listed = try cli.run(["list", "--json", "--limit", "100", "--config", config], useDefaultDatabase: true)
        #expect(listed.status == 0, "stderr: \(listed.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [String: Any])
        #expect(json["total"] as? Int == 7)

        let flagged = try cli.run(["list", "--json", "--limit", "1", "--config", config])
        let other = try #require(try JSONSerialization.jsonObject(with: Data(flagged.stdout.utf8)) as? [String: Any])
        #expect(other["total"] as? Int == 300)
    }

    @Test func aConfiguredDatabaseInAMissingFolderIsRefused() throws {
        let cli = try ScriptingCLI()
        defer { cli.cleanUp() }
        let config = try Self.config(cli, "db = \"nowhere/x.sqlite\"\n")
        let result = try cli.run(["list", "--config", config], useDefaultDatabase: true)
        #expect(result.status != 0)
        #expect(result.stderr.contains("does not exist"), "stderr: \(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cli.directory.appendingPathComponent("nowhere").path))
    }

    @Test func theConfigFilesKeymapIsReadAndAMissingOneIsAnError() throws {
        let cli = try ScriptingCLI()
        defer { cli.cleanUp() }
        let keymap = cli.directory.appendingPathComponent("mine.conf")
        try Data("bind list X delete-call\nbind list nonsense\n".utf8).write(to: keymap)
        let config = try Self.config(cli, "keymap = \"\(keymap.path)\"\n")
        let keys = try cli.run(["keys", "--config", config])
        #expect(keys.status == 0, "stderr: \(keys.stderr)")
        #expect(keys.stdout.contains("X (list)"), "stdout: \(keys.stdout)")
        #expect(keys.stdout.contains("mine.conf:2"), "stdout: \(keys.stdout)")

        let missing = try Self.config(cli, "keymap = \"~/no-such-keymap-\(UUID().uuidString).conf\"\n")
        let refused = try cli.run(["keys", "--config", missing])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("does not exist (keymap in the config file)"), "stderr: \(refused.stderr)")
    }
}
