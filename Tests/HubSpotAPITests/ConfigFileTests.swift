import Foundation
import Testing
@testable import HubSpotAPI

@Suite struct ConfigFileTests {
    @Test func aPrivateFileWithATokenIsRead() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("config.toml", "backend = \"hubspot\"\ntoken = \"pat-na1-secret\"\nrate_limit = 190\n", mode: 0o600)
        let file = try #require(try ConfigFile.load(path: path, required: true))
        #expect(file.backend == "hubspot")
        #expect(file.rateLimit == 190)
        #expect(file.token?.value == "pat-na1-secret")
        #expect(!"\(file)".contains("pat-na1-secret"))
    }

    @Test func aGroupOrWorldReadableFileWithATokenIsRefused() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        for mode in [0o644, 0o640, 0o604, 0o660] {
            let path = try dir.write("config.toml", "token = \"pat-na1-secret\"\n", mode: mode)
            do {
                _ = try ConfigFile.load(path: path, required: true)
                Issue.record("mode \(String(mode, radix: 8)) was accepted")
            } catch {
                #expect(error.message.contains("chmod 600 \(path)"))
                #expect(!error.message.contains("pat-na1-secret"))
            }
        }
    }

    @Test func aReadableFileWithoutATokenIsFine() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("config.toml", "backend = \"local\"\ntoken_command = \"echo x\"\n", mode: 0o644)
        let file = try ConfigFile.load(path: path, required: true)
        #expect(file?.tokenCommand == "echo x")
    }

    @Test func aSymlinkIsJudgedByTheFileItPointsTo() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let target = try dir.write("real.toml", "token = \"t\"\n", mode: 0o600)
        let link = dir.path + "/config.toml"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        #expect(try ConfigFile.load(path: link, required: true)?.token != nil)
    }

    @Test func aMissingDefaultFileIsNoConfigButAMissingNamedFileIsAnError() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        #expect(try ConfigFile.load(path: dir.path + "/none.toml", required: false) == nil)
        #expect(throws: ConfigurationError.self) { try ConfigFile.load(path: dir.path + "/none.toml", required: true) }
    }

    @Test func badValuesAreErrorsAndUnknownKeysWarnings() throws {
        #expect(throws: ConfigurationError.self) { try ConfigFile.parse("backend = \"cloud\"", path: "c.toml") }
        #expect(throws: ConfigurationError.self) { try ConfigFile.parse("rate_limit = -1", path: "c.toml") }
        #expect(throws: ConfigurationError.self) { try ConfigFile.parse("token = \"a\"\ntoken_command = \"b\"", path: "c.toml") }
        let file = try ConfigFile.parse("colour = \"red\"", path: "c.toml")
        #expect(file.warnings.count == 1)
        #expect(file.warnings[0].hasPrefix("c.toml:1: unknown key colour"))
    }

    @Test func theCursorIsBarOrArrowAndATypoNamesItsLine() throws {
        #expect(try ConfigFile.parse("cursor = \"arrow\"", path: "c.toml").string("cursor") == "arrow")
        #expect(try ConfigFile.parse("cursor = \"Bar\"", path: "c.toml").warnings.isEmpty)
        do {
            _ = try ConfigFile.parse("timeout = 5\ncursor = \"arow\"", path: "c.toml")
            Issue.record("a misspelt cursor was accepted")
        } catch {
            #expect(error.message == "c.toml:2: cursor must be \"bar\" or \"arrow\", not \"arow\"")
        }
    }

    @Test func theDefaultPathFollowsXDG() {
        #expect(ConfigFile.defaultPath(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"]) == "/x/hubcalls/config.toml")
        #expect(ConfigFile.defaultPath(environment: ["HOME": "/h"]) == "/h/.config/hubcalls/config.toml")
        #expect(ConfigFile.defaultPath(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/h"]) == "/h/.config/hubcalls/config.toml")
    }
}
