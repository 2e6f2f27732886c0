/// The small part of TOML that `config.toml` needs, parsed by hand (no dependency):
/// `key = value` lines, `#` comments, `[table]` headers (keys below one are read as
/// `table.key`), bare or quoted keys, basic `"…"` strings with escapes, literal `'…'`
/// strings, integers, floats and booleans. Anything else is an error naming the line.
public enum TOMLSubset {
    /// A scalar value.
    public enum Value: Sendable, Equatable {
        case string(String)
        case integer(Int)
        case float(Double)
        case bool(Bool)

        /// How the value reads in a message (strings quoted).
        public var display: String {
            switch self {
            case .string(let s): "\"\(s)\""
            case .integer(let i): String(i)
            case .float(let d): String(d)
            case .bool(let b): b ? "true" : "false"
            }
        }
    }

    /// One `key = value` line.
    public struct Entry: Sendable, Equatable {
        public var key: String
        public var value: Value
        public var line: Int
    }

    /// A syntax error with its 1-based line number.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// Parses `text` into entries in file order; duplicate keys are an error.
    public static func parse(_ text: String) throws(ParseError) -> [Entry] {
        var entries: [Entry] = []
        var seen: Set<String> = []
        var table = ""
        // `\r\n` is one Character, and a newline like `\n`. A leading byte-order mark
        // (Windows editors write one) would otherwise make the first key unreadable.
        let body = text.hasPrefix("\u{FEFF}") ? text.dropFirst() : Substring(text)
        for (index, rawLine) in body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let lineNumber = index + 1
            var scanner = Scanner(Array(String(rawLine).unicodeScalars), line: lineNumber)
            scanner.skipSpaces()
            if scanner.atEndOrComment { continue }
            if scanner.peek == "[" {
                scanner.advance()
                if scanner.peek == "[" { throw ParseError(line: lineNumber, message: "arrays of tables ([[…]]) are not supported") }
                scanner.skipSpaces()
                let name = try scanner.dottedKey()
                scanner.skipSpaces()
                guard scanner.peek == "]" else { throw ParseError(line: lineNumber, message: "expected ] after the table name") }
                scanner.advance()
                try scanner.expectLineEnd()
                table = name
                continue
            }
            let key = try scanner.dottedKey()
            scanner.skipSpaces()
            guard scanner.peek == "=" else { throw ParseError(line: lineNumber, message: "expected = after key \(key)") }
            scanner.advance()
            scanner.skipSpaces()
            let value = try scanner.value()
            try scanner.expectLineEnd()
            let fullKey = table.isEmpty ? key : "\(table).\(key)"
            guard seen.insert(fullKey).inserted else { throw ParseError(line: lineNumber, message: "duplicate key \(fullKey)") }
            entries.append(Entry(key: fullKey, value: value, line: lineNumber))
        }
        return entries
    }
}

// MARK: - Scanner

private struct Scanner {
    let scalars: [Unicode.Scalar]
    let line: Int
    var index = 0

    init(_ scalars: [Unicode.Scalar], line: Int) {
        // A trailing carriage return (CRLF files) is not part of the line.
        self.scalars = scalars.last == "\r" ? Array(scalars.dropLast()) : scalars
        self.line = line
    }

    var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }
    var atEndOrComment: Bool { peek == nil || peek == "#" }

    mutating func advance() { index += 1 }

    mutating func skipSpaces() {
        while let c = peek, c == " " || c == "\t" { advance() }
    }

    func error(_ message: String) -> TOMLSubset.ParseError { TOMLSubset.ParseError(line: line, message: message) }

    mutating func expectLineEnd() throws(TOMLSubset.ParseError) {
        skipSpaces()
        guard atEndOrComment else { throw error("unexpected text after the value") }
    }

    mutating func dottedKey() throws(TOMLSubset.ParseError) -> String {
        var parts = [try simpleKey()]
        skipSpaces()
        while peek == "." {
            advance()
            skipSpaces()
            parts.append(try simpleKey())
            skipSpaces()
        }
        return parts.joined(separator: ".")
    }

    mutating func simpleKey() throws(TOMLSubset.ParseError) -> String {
        if peek == "\"" { return try basicString() }
        if peek == "'" { return try literalString() }
        var key = ""
        while let c = peek, ("0"..."9").contains(c) || ("a"..."z").contains(c) || ("A"..."Z").contains(c) || c == "_" || c == "-" {
            key.unicodeScalars.append(c)
            advance()
        }
        guard !key.isEmpty else { throw error("expected a key") }
        return key
    }

    mutating func value() throws(TOMLSubset.ParseError) -> TOMLSubset.Value {
        guard let c = peek else { throw error("missing value") }
        if c == "\"" {
            if scalars.count > index + 2, scalars[index + 1] == "\"", scalars[index + 2] == "\"" { throw error("multi-line strings are not supported") }
            return .string(try basicString())
        }
        if c == "'" { return .string(try literalString()) }
        if c == "[" || c == "{" { throw error("arrays and inline tables are not supported") }
        var word = ""
        while let c = peek, c != " ", c != "\t", c != "#" {
            word.unicodeScalars.append(c)
            advance()
        }
        if word == "true" { return .bool(true) }
        if word == "false" { return .bool(false) }
        let digits = word.replacingOccurrences(of: "_", with: "")
        if let int = Int(digits) { return .integer(int) }
        if let double = Double(digits), double.isFinite, digits.contains(where: { $0.isNumber }) { return .float(double) }
        throw error("cannot read value \(word.prefix(40)) (strings need quotes)")
    }

    mutating func literalString() throws(TOMLSubset.ParseError) -> String {
        advance()
        var out = ""
        while let c = peek, c != "'" {
            out.unicodeScalars.append(c)
            advance()
        }
        guard peek == "'" else { throw error("unterminated string") }
        advance()
        return out
    }

    mutating func basicString() throws(TOMLSubset.ParseError) -> String {
        advance()
        var out = ""
        while let c = peek, c != "\"" {
            advance()
            guard c == "\\" else {
                out.unicodeScalars.append(c)
                continue
            }
            guard let escape = peek else { throw error("unterminated string") }
            advance()
            switch escape {
            case "n": out += "\n"
            case "t": out += "\t"
            case "r": out += "\r"
            case "b": out += "\u{08}"
            case "f": out += "\u{0C}"
            case "\"": out += "\""
            case "\\": out += "\\"
            case "u", "U":
                let length = escape == "u" ? 4 : 8
                var hex = ""
                for _ in 0..<length {
                    guard let h = peek, h.properties.isASCIIHexDigit else { throw error("bad \\\(escape) escape") }
                    hex.unicodeScalars.append(h)
                    advance()
                }
                guard let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) else { throw error("bad \\\(escape) escape") }
                out.unicodeScalars.append(scalar)
            default:
                throw error("unknown escape \\\(escape)")
            }
        }
        guard peek == "\"" else { throw error("unterminated string") }
        advance()
        return out
    }
}
