import Foundation
import Testing
@testable import HubSpotAPI

@Suite struct HubSpotConfigurationTests {
    private func file(_ text: String) throws -> ConfigFile { try ConfigFile.parse(text, path: "/cfg/config.toml") }

    @Test func theFlagBeatsTheEnvironmentWhichBeatsTheFile() throws {
        let config = try file("base_url = \"https://file.example\"\ntoken = \"file-token\"")
        let env = ["HUBSPOT_BASE_URL": "https://env.example", "HUBSPOT_ACCESS_TOKEN": "env-token"]
        #expect(try HubSpotConfiguration.resolve(baseURLFlag: "http://127.0.0.1:9", file: config, environment: env).baseURL.absoluteString == "http://127.0.0.1:9")
        #expect(try HubSpotConfiguration.resolve(baseURLFlag: nil, file: config, environment: env).baseURL.absoluteString == "https://env.example")
        #expect(try HubSpotConfiguration.resolve(baseURLFlag: nil, file: config, environment: ["HUBSPOT_ACCESS_TOKEN": "e"]).baseURL.absoluteString == "https://file.example")
        #expect(try HubSpotConfiguration.resolve(baseURLFlag: nil, file: nil, environment: ["HUBSPOT_ACCESS_TOKEN": "e"]).baseURL == HubSpotConfiguration.defaultBaseURL)
    }

    @Test func theEnvironmentTokenBeatsTheFileToken() throws {
        let config = try file("token = \"file-token\"")
        let fromEnv = try HubSpotConfiguration.resolve(baseURLFlag: nil, file: config, environment: ["HUBSPOT_ACCESS_TOKEN": "env-token"])
        #expect(fromEnv.token?.value == "env-token")
        let fromFile = try HubSpotConfiguration.resolve(baseURLFlag: nil, file: config, environment: [:])
        #expect(fromFile.token?.value == "file-token")
        #expect(fromFile.token?.source == "from /cfg/config.toml")
    }

    @Test func theTokenCommandRunsWhenNothingElseGivesAToken() throws {
        let config = try file("token_command = \"printf 'cmd-token\\\\n'\"")
        let resolved = try HubSpotConfiguration.resolve(baseURLFlag: nil, file: config, environment: [:])
        #expect(resolved.token?.value == "cmd-token")
    }

    @Test func noTokenExplainsHowToSetOne() throws {
        do {
            _ = try HubSpotConfiguration.resolve(baseURLFlag: nil, file: nil, environment: ["XDG_CONFIG_HOME": "/xdg"])
            Issue.record("resolved without a token")
        } catch {
            #expect(error.message.contains("HUBSPOT_ACCESS_TOKEN"))
            #expect(error.message.contains("/xdg/hubcalls/config.toml"))
        }
    }

    @Test func plainHTTPIsAllowedOnlyToThisMachine() throws {
        #expect(try HubSpotConfiguration.validateBaseURL("http://127.0.0.1:8080").port == 8080)
        #expect(try HubSpotConfiguration.validateBaseURL("http://localhost:1").host == "localhost")
        #expect(throws: ConfigurationError.self) { try HubSpotConfiguration.validateBaseURL("http://api.hubapi.com") }
        #expect(throws: ConfigurationError.self) { try HubSpotConfiguration.validateBaseURL("ftp://x") }
        #expect(throws: ConfigurationError.self) { try HubSpotConfiguration.validateBaseURL("not a url") }
        #expect(throws: ConfigurationError.self) { try HubSpotConfiguration.validateBaseURL("https://user:pw@x.example") }
    }

    @Test func fileBudgetsApply() throws {
        let config = try file("rate_limit = 190\nsearch_rate_limit = 4\ntimeout = 5")
        let resolved = try HubSpotConfiguration.resolve(baseURLFlag: nil, file: config, environment: ["HUBSPOT_ACCESS_TOKEN": "t"])
        #expect(resolved.budget.requests == 190)
        #expect(resolved.budget.searches == 4)
        #expect(resolved.timeout == 5)
    }

    @Test func theBackendFollowsFlagThenEnvironmentThenFile() throws {
        let config = try file("backend = \"hubspot\"")
        #expect(try BackendChoice.resolve(flag: "local", file: config, environment: ["HUBCALLS_BACKEND": "hubspot"]) == .local)
        #expect(try BackendChoice.resolve(flag: nil, file: nil, environment: ["HUBCALLS_BACKEND": "HubSpot"]) == .hubspot)
        #expect(try BackendChoice.resolve(flag: nil, file: config, environment: [:]) == .hubspot)
        #expect(try BackendChoice.resolve(flag: nil, file: nil, environment: [:]) == .local)
        #expect(throws: ConfigurationError.self) { try BackendChoice.resolve(flag: "cloud", file: nil, environment: [:]) }
    }
}

@Suite struct TokenCommandTests {
    @Test func theFirstLineOfOutputIsTheToken() throws {
        let token = try TokenCommand.run("echo '  pat-eu1-abc  '; echo second")
        #expect(token.value == "pat-eu1-abc")
        #expect(token.description == "<redacted token from token_command>")
    }

    @Test func aFailingCommandSaysSoWithoutItsOutput() {
        do {
            _ = try TokenCommand.run("echo leaked-secret; exit 3")
            Issue.record("a failing command produced a token")
        } catch {
            #expect(error.message.contains("exit status 3"))
            #expect(!error.message.contains("leaked-secret"))
        }
    }

    @Test func emptyOutputIsAnError() {
        #expect(throws: ConfigurationError.self) { try TokenCommand.run("true") }
    }

    @Test func aHangingCommandIsStopped() {
        #expect(throws: ConfigurationError.self) { try TokenCommand.run("exec sleep 30", timeout: 0.2) }
    }
}

@Suite struct AccessTokenTests {
    @Test func descriptionsNeverShowTheToken() {
        let token = AccessToken("pat-na1-supersecret\n", source: "from test")!
        #expect(!String(describing: token).contains("supersecret"))
        #expect(!String(reflecting: token).contains("supersecret"))
        var dumped = ""
        dump(token, to: &dumped)
        #expect(!dumped.contains("supersecret"))
        #expect(token.authorizationHeader == "Bearer pat-na1-supersecret")
        #expect(AccessToken("  \n", source: "x") == nil)
    }
}
