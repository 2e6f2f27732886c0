// MARK: - ActionName

/// The one place action names are turned into `keymap.conf` names and compared.
public enum ActionName {
    /// The kebab-case config name of an action name: `moveDown` → `move-down`,
    /// `copyID` → `copy-id`, `openURLInBrowser` → `open-url-in-browser`. Names that are already
    /// kebab-case are returned unchanged; `_` becomes `-`.
    public static func configName(_ name: String) -> String {
        let characters = Array(name)
        var result = ""
        for (index, character) in characters.enumerated() {
            if character == "_" || character == "-" {
                if !result.hasSuffix("-") { result.append("-") }
                continue
            }
            if character.isUppercase, index > 0 {
                let previous = characters[index - 1]
                let next = index + 1 < characters.count ? characters[index + 1] : nil
                let startsWord = previous.isLowercase || previous.isNumber
                    || (previous.isUppercase && (next?.isLowercase ?? false))
                if startsWord, !result.hasSuffix("-") { result.append("-") }
            }
            result += character.lowercased()
        }
        return result
    }

    /// The form names are compared in: case-insensitive, `_` and `-` alike.
    public static func normalized(_ name: String) -> String {
        String(name.lowercased().map { $0 == "_" ? "-" : $0 })
    }
}
