import Foundation

/// Parses a call duration typed by a person into milliseconds: `90s`, `1:30`, `1:02:03`,
/// `5m`, `1h30m`, `250ms`, or a bare number of milliseconds (HubSpot's unit).
enum DurationParser {
    static let help = "use e.g. 90s, 1:30, 1:02:03, 5m, 1h30m or milliseconds (90000)"

    static func milliseconds(_ text: String) -> Int? {
        let raw = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !raw.isEmpty else { return nil }
        if let ms = Int(raw) { return ms >= 0 ? ms : nil }
        if raw.contains(":") {
            let parts = raw.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
            guard (2...3).contains(parts.count), parts.allSatisfy({ $0 != nil && $0! >= 0 }) else { return nil }
            let numbers = parts.map { $0! }
            let seconds = numbers.reduce(0) { $0 * 60 + $1 }
            if numbers.dropFirst().contains(where: { $0 >= 60 }) { return nil }
            return seconds * 1000
        }
        // Unit groups: 1h30m, 90s, 250ms.
        var total = 0
        var number = ""
        var index = raw.startIndex
        var sawUnit = false
        while index < raw.endIndex {
            let character = raw[index]
            if character.isNumber || character == "." {
                number.append(character)
                index = raw.index(after: index)
                continue
            }
            var unit = ""
            while index < raw.endIndex, raw[index].isLetter { unit.append(raw[index]); index = raw.index(after: index) }
            guard let value = Double(number), !unit.isEmpty else { return nil }
            let scale: Double
            switch unit {
            case "ms": scale = 1
            case "s", "sec", "secs": scale = 1000
            case "m", "min", "mins": scale = 60_000
            case "h", "hr", "hrs": scale = 3_600_000
            default: return nil
            }
            total += Int((value * scale).rounded())
            number = ""
            sawUnit = true
        }
        guard sawUnit, number.isEmpty else { return nil }
        return total
    }
}

