import Testing
@testable import HubSpotAPI

@Suite struct TOMLSubsetTests {
    @Test func keysValuesCommentsAndTablesAreRead() throws {
        let entries = try TOMLSubset.parse("""
            # hubcalls
            backend = "hubspot"   # trailing comment
            base_url = 'http://127.0.0.1:8080'
            rate_limit = 1_90
            timeout = 2.5
            verbose = true

            [ui]
            "quoted key" = "x"
            """)
        #expect(entries.map(\.key) == ["backend", "base_url", "rate_limit", "timeout", "verbose", "ui.quoted key"])
        #expect(entries.map(\.value) == [.string("hubspot"), .string("http://127.0.0.1:8080"), .integer(190), .float(2.5), .bool(true), .string("x")])
        #expect(entries.map(\.line) == [2, 3, 4, 5, 6, 9])
    }

    @Test func basicStringEscapesAreDecoded() throws {
        let entries = try TOMLSubset.parse(#"s = "a\"b\\c\n\u00e9\U0001F600 # not a comment""#)
        #expect(entries.first?.value == .string("a\"b\\c\né😀 # not a comment"))
    }

    @Test func windowsLineEndingsAreAccepted() throws {
        let entries = try TOMLSubset.parse("a = 1\r\nb = \"x\"\r\n")
        #expect(entries.map(\.value) == [.integer(1), .string("x")])
    }

    @Test func aByteOrderMarkBeforeTheFirstKeyIsIgnored() throws {
        let entries = try TOMLSubset.parse("\u{FEFF}a = 1\r\nb = \"x\"\r\n")
        #expect(entries.map(\.value) == [.integer(1), .string("x")])
    }

    @Test func errorsNameTheLine() {
        let cases: [(String, Int)] = [
            ("a = 1\nb = bare", 2),
            ("a = \"open", 1),
            ("\n\na = 1\na = 2", 4),
            ("a = [1, 2]", 1),
            ("= 3", 1),
            ("a = 1 b", 1),
            ("[[t]]", 1),
            ("a = \"\"\"x\"\"\"", 1),
            ("a = \"bad \\q\"", 1),
        ]
        for (text, line) in cases {
            #expect(throws: TOMLSubset.ParseError.self) { try TOMLSubset.parse(text) }
            do { _ = try TOMLSubset.parse(text) } catch { #expect(error.line == line, "\(text)") }
        }
    }
}
