import CallsCore

/// `hs_body_preview`: the first characters of a call's notes as plain text.
///
/// HubSpot stores notes as HTML when they come from its editor and as plain text when they
/// come from the API; the preview drops tags, decodes the common entities and folds
/// whitespace so a list row can show it.
public enum BodyPreview {
    public static let length = 200

    public static func make(_ body: String) -> String {
        // Long notes: the preview needs only their start (tags included, generously).
        let text = CallNotes.plainText(body.utf8.count > length * 80 ? String(body.prefix(length * 20)) : body)
        var folded = String.UnicodeScalarView()
        var lastWasSpace = true
        var count = 0
        for scalar in text.unicodeScalars {
            if isSpace(scalar) {
                if !lastWasSpace { folded.append(" "); count += 1; lastWasSpace = true }
            } else {
                folded.append(scalar); count += 1; lastWasSpace = false
            }
            // Scalars, not characters: some slack so a preview of combined emoji still
            // reaches `length` characters.
            if count >= length * 2 { break }
        }
        var preview = String(folded)
        if preview.count > length { preview = String(preview.prefix(length)) }
        while preview.last == " " { preview.removeLast() }
        return preview
    }

    /// Whitespace test with an ASCII fast path (Unicode properties are slow to look up).
    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return v == 0x20 || (0x09...0x0D).contains(v) }
        return scalar.properties.isWhitespace
    }
}
