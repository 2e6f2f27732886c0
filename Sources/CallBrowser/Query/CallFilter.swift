import CallsCore

/// A parsed list filter: free text plus `field:value` terms.
///
/// For example, `renewal status:missed outcome:"No answer"` searches for "renewal" among
/// missed calls whose outcome is No answer. Values with spaces are quoted.
public struct CallFilter: Sendable, Equatable {
    /// One `field:value` term.
    public enum Term: Sendable, Equatable {
        case outcome(String)
        case status(String)
        case owner(String)
        case direction(String)
        case hasVoicemail
        case hasRecording
    }

    /// Words that are not terms, joined: the search's free-text `query`.
    public var text: String = ""
    public var terms: [Term] = []

    public init(text: String = "", terms: [Term] = []) {
        self.text = text
        self.terms = terms
    }

    public var isEmpty: Bool { text.isEmpty && terms.isEmpty }

    /// Fields a term may name, for error messages and help.
    public static let fields = ["outcome", "status", "owner", "direction", "has"]

    /// Parses filter text; an unknown field or value is an error naming it and the allowed ones.
    public static func parse(_ input: String) -> Result<CallFilter, FilterError> {
        var filter = CallFilter()
        var words: [String] = []
        for token in tokenize(input) {
            guard let colon = token.firstIndex(of: ":"), colon != token.startIndex else {
                words.append(unquote(token))
                continue
            }
            let field = token[..<colon].lowercased()
            let value = unquote(String(token[token.index(after: colon)...]))
            guard !value.isEmpty else { return .failure(FilterError("\(field): needs a value")) }
            switch field {
            case "outcome": filter.terms.append(.outcome(value))
            case "status":
                guard case .unknown = CallStatus(value.replacingOccurrences(of: " ", with: "_")) else {
                    filter.terms.append(.status(CallStatus(value.replacingOccurrences(of: " ", with: "_")).rawValue))
                    continue
                }
                return .failure(FilterError("status:\(value) is not a call status; use one of \(CallStatus.allCases.map { $0.rawValue.lowercased() }.joined(separator: ", "))"))
            case "owner": filter.terms.append(.owner(value))
            case "direction":
                // `in`/`out` as `hubcalls log --direction` takes them.
                let spelled = ["in": "inbound", "out": "outbound"][value.lowercased()] ?? value
                guard case .unknown = CallDirection(spelled) else {
                    filter.terms.append(.direction(CallDirection(spelled).rawValue))
                    continue
                }
                return .failure(FilterError("direction:\(value) is not a direction; use inbound (in) or outbound (out)"))
            case "has":
                switch value.lowercased() {
                case "voicemail": filter.terms.append(.hasVoicemail)
                case "recording": filter.terms.append(.hasRecording)
                default: return .failure(FilterError("has:\(value) is not known; use has:voicemail or has:recording"))
                }
            default:
                return .failure(FilterError("unknown filter field \"\(field)\"; use \(fields.map { $0 + ":" }.joined(separator: ", "))"))
            }
        }
        filter.text = words.joined(separator: " ")
        return .success(filter)
    }

    /// Splits on spaces outside double quotes.
    static func tokenize(_ input: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        var quoted = false
        for c in input {
            if c == "\"" { quoted.toggle(); current.append(c); continue }
            if c == " " && !quoted {
                if !current.isEmpty { tokens.append(current); current = "" }
            } else {
                current.append(c)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    static func unquote(_ s: String) -> String {
        s.replacingOccurrences(of: "\"", with: "")
    }
}

/// Why a filter could not be used.
public struct FilterError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

// MARK: - Search request

extension CallFilter {
    /// The search for this filter: terms become one AND filter group; names (outcome labels,
    /// owner names) are resolved through `lookups`.
    public func searchRequest(sort: CallSort, lookups: Lookups, limit: Int, after: String?) -> Result<SearchRequest, FilterError> {
        var filters: [Filter] = []
        for term in terms {
            switch term {
            case .outcome(let label):
                guard let outcome = lookups.outcomes.resolve(label) else {
                    return .failure(FilterError("no outcome called \"\(label)\"; outcomes: \(lookups.outcomes.outcomes.map(\.label).joined(separator: ", "))"))
                }
                filters.append(Filter(CallProperty.disposition, .eq, outcome.id))
            case .status(let status):
                filters.append(Filter(CallProperty.status, .eq, status))
            case .owner(let name):
                let key = name.lowercased()
                let ids = lookups.owners.filter {
                    $0.id == name || $0.displayName.lowercased().contains(key) || ($0.email?.lowercased().contains(key) ?? false)
                }.map(\.id)
                guard !ids.isEmpty else { return .failure(FilterError("no owner matches \"\(name)\"")) }
                filters.append(ids.count == 1 ? Filter(CallProperty.owner, .eq, ids[0]) : Filter(CallProperty.owner, .in, values: ids))
            case .direction(let direction):
                filters.append(Filter(CallProperty.direction, .eq, direction))
            case .hasVoicemail:
                filters.append(Filter(CallProperty.status, .eq, CallStatus.missed.rawValue))
                filters.append(Filter(CallProperty.hasVoicemail, .eq, "true"))
            case .hasRecording:
                filters.append(Filter(CallProperty.recordingURL, .hasProperty))
            }
        }
        guard filters.count <= SearchLimits.maxFiltersPerGroup else {
            return .failure(FilterError("too many terms: HubSpot allows \(SearchLimits.maxFiltersPerGroup) filters"))
        }
        return .success(SearchRequest(
            filterGroups: filters.isEmpty ? [] : [FilterGroup(filters)],
            sorts: [sort.rule],
            query: text.isEmpty ? nil : text,
            properties: CallFilter.listProperties,
            limit: limit,
            after: after
        ))
    }

    /// What the list asks for per call.
    public static let listProperties: [String] = CallProperty.listSet + [CallProperty.fromNumber, CallProperty.toNumber]
}
