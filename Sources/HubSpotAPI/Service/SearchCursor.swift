import CallsCore

/// The `after` cursor of a search sorted by `hs_timestamp`, which can go past HubSpot's
/// 10 000-result cap.
///
/// HubSpot refuses offsets beyond 10 000. When a page would cross that line, the search
/// continues in a new *window*: the same filters plus `hs_timestamp ≤ t` (descending; `≥`
/// ascending), where `t` is the timestamp of the last record returned, skipping the records
/// at exactly `t` that were already returned. The cursor carries what that needs:
///
/// * `bound`: the window's `hs_timestamp` limit in epoch ms (`nil`: the first window),
/// * `offset`: HubSpot's offset inside the window,
/// * `base`: how many results precede the window (so `total` stays absolute),
/// * `lastTimestamp`, `run`: the last timestamp returned and how many records in a row had it.
///
/// Encoded as `hcw1.<offset>.<bound|->.<base>.<last|->.<run>`; a plain integer (HubSpot's own
/// cursor, or one from another backend) is read as an offset in the first window.
struct SearchCursor: Equatable {
    var offset: Int = 0
    var bound: Int64?
    var base: Int = 0
    var lastTimestamp: Int64?
    var run: Int = 0

    static let prefix = "hcw1."

    init(offset: Int = 0, bound: Int64? = nil, base: Int = 0, lastTimestamp: Int64? = nil, run: Int = 0) {
        self.offset = offset
        self.bound = bound
        self.base = base
        self.lastTimestamp = lastTimestamp
        self.run = run
    }

    /// Reads a cursor; `nil` for text that is neither ours nor an offset.
    init?(_ text: String?) {
        guard let text, !text.isEmpty else { self.init(); return }
        if let offset = Int(text), offset >= 0 {
            self.init(offset: offset)
            return
        }
        guard text.hasPrefix(Self.prefix) else { return nil }
        let fields = text.dropFirst(Self.prefix.count).split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 5, let offset = Int(fields[0]), let base = Int(fields[2]), let run = Int(fields[4]), offset >= 0, base >= 0, run >= 0 else { return nil }
        func optional(_ field: String) -> Int64?? { field == "-" ? .some(nil) : Int64(field).map { .some($0) } }
        guard let bound = optional(fields[1]), let last = optional(fields[3]) else { return nil }
        self.init(offset: offset, bound: bound, base: base, lastTimestamp: last, run: run)
    }

    var encoded: String {
        "\(Self.prefix)\(offset).\(bound.map(String.init) ?? "-").\(base).\(lastTimestamp.map(String.init) ?? "-").\(run)"
    }

    /// Notes the timestamps of a page's results, in order (a missing one breaks the run).
    mutating func observe(_ timestamps: [Int64?]) {
        for timestamp in timestamps {
            if let timestamp, timestamp == lastTimestamp {
                run += 1
            } else {
                lastTimestamp = timestamp
                run = timestamp == nil ? 0 : 1
            }
        }
    }

    /// The cursor after a page of `count` results, given the window's total and the cap;
    /// `nil` when there is nothing more (or no way to go on).
    func next(afterPageOf count: Int, windowTotal: Int, limit: Int, cap: Int, canAddFilter: Bool) -> SearchCursor? {
        let nextOffset = offset + count
        guard count > 0, nextOffset < windowTotal else { return nil }
        var next = self
        if nextOffset + limit <= cap {
            next.offset = nextOffset
            return next
        }
        if canAddFilter, let lastTimestamp, run + limit <= cap {
            // A new window starting at the last timestamp returned, past what was seen of it.
            next.bound = lastTimestamp
            next.base = base + nextOffset - run
            next.offset = run
            return next
        }
        guard nextOffset < cap else { return nil }
        next.offset = nextOffset
        return next
    }

    /// Absolute total: results before the window plus the window's total.
    func total(windowTotal: Int) -> Int { base + windowTotal }
}
