/// A call's notes (`hs_call_body`) as HubSpot keeps them and as a terminal shows them.
///
/// HubSpot stores notes as HTML when they come from its editor (`<p>…</p>`, `<br>`,
/// entities) and as plain text when they come from the API. Every screen and command shows
/// them as text (``plainText(_:)``); the edit form edits that text and saves it back as one
/// paragraph per line (``html(fromText:)``), which HubSpot's editor shows line for line.
public enum CallNotes {
    /// The text of an HTML (or plain) body: tags removed, block ends as newlines, the common
    /// entities decoded.
    public static func plainText(_ body: String) -> String {
        guard body.utf8.contains(UInt8(ascii: "<")) || body.utf8.contains(UInt8(ascii: "&")) else { return body }
        var out = ""
        out.reserveCapacity(body.utf8.count)
        var index = body.startIndex
        while index < body.endIndex {
            let character = body[index]
            // A tag starts with a letter, `/` or `!`; "5 < 6" is text.
            let next = body.index(after: index) < body.endIndex ? body[body.index(after: index)] : " "
            if character == "<", next.isLetter || next == "/" || next == "!", let close = body[index...].firstIndex(of: ">") {
                let tag = body[body.index(after: index)..<close].lowercased()
                if tag.hasPrefix("br") || tag.hasPrefix("/p") || tag.hasPrefix("/div") || tag.hasPrefix("/li") {
                    out.append("\n")
                }
                index = body.index(after: close)
            } else if character == "&", let semi = body[index...].prefix(10).firstIndex(of: ";") {
                let entity = String(body[body.index(after: index)..<semi])
                if let decoded = entities[entity] {
                    out.append(decoded)
                    index = body.index(after: semi)
                } else {
                    out.append(character)
                    index = body.index(after: index)
                }
            } else {
                out.append(character)
                index = body.index(after: index)
            }
        }
        return out
    }

    /// The text the edit form shows: ``plainText(_:)`` without the line break that closes
    /// the last paragraph.
    public static func editableText(_ body: String) -> String {
        var text = plainText(body)
        if text.hasSuffix("\n"), body.utf8.contains(UInt8(ascii: "<")) { text.removeLast() }
        return text
    }

    /// Text as HTML: a paragraph per line, `&`, `<` and `>` escaped, so that HubSpot shows
    /// what was typed, line breaks included. `editableText(html(fromText: t)) == t`.
    public static func html(fromText text: String) -> String {
        guard !text.isEmpty else { return "" }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            out += "<p>"
            for character in line {
                switch character {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                default: out.append(character)
                }
            }
            out += "</p>"
        }
        return out
    }

    private static let entities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "#39": "'", "nbsp": " ",
    ]
}
