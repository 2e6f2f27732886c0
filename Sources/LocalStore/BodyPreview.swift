/// `hs_body_preview`: the first characters of a call's notes as plain text.
///
/// HubSpot stores notes as HTML when they come from its editor and as plain text when they
/// come from the API; the preview drops tags, decodes the common entities and folds
/// whitespace so a list row can show it.
public enum BodyPreview {
    public static let length = 200

    public static func make(_ body: String) -> String {
        let text = plainText(body)
        var folded = ""
        folded.reserveCapacity(min(text.utf8.count, length * 2))
        var lastWasSpace = true
        var count = 0
        for character in text {
            if character.isWhitespace {
                if !lastWasSpace { folded.append(" "); count += 1; lastWasSpace = true }
            } else {
                folded.append(character); count += 1; lastWasSpace = false
            }
            if count >= length { break }
        }
        while folded.last == " " { folded.removeLast() }
        return folded
    }

    /// The text of an HTML (or plain) body: tags removed, block ends as newlines.
    public static func plainText(_ body: String) -> String {
        guard body.contains("<") || body.contains("&") else { return body }
        var out = ""
        out.reserveCapacity(body.utf8.count)
        var index = body.startIndex
        while index < body.endIndex {
            let character = body[index]
            if character == "<", let close = body[index...].firstIndex(of: ">") {
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

    private static let entities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "#39": "'", "nbsp": " ",
    ]
}
