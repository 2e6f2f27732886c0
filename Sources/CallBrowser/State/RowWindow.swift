import CallsCore

/// The list's rows as a sparse window over the query's result: every position from 0 to
/// ``count`` exists (the count is the query's total), but only two segments are loaded —
/// the ``head`` from the top, page after page, and the ``tail`` from the bottom, loaded with
/// the reversed sort. `G` on 100 000 calls loads one page of the tail, not the 99 900 calls
/// in between; moving up from there extends the tail, moving down from the top extends the
/// head, and when the two meet they merge into one complete list.
///
/// Positions between the segments (the gap) have no row yet; the list draws them as
/// placeholders while the page that covers them loads.
public struct RowWindow: Sendable, Equatable {
    /// Rows from the top, in list order.
    public private(set) var head: [CallRow] = []
    /// Rows at the bottom, in list order; empty once the head reaches the end.
    public private(set) var tail: [CallRow] = []
    /// Positions in the list: the query's total, less calls hidden while their delete waits.
    public private(set) var count: Int = 0
    /// Where the head continues (the query's `after` cursor).
    public var headCursor: SegmentCursor = .start
    /// Where the tail continues upwards (the reversed query's `after` cursor).
    public var tailCursor: SegmentCursor = .start

    /// Where a segment's next page starts.
    public enum SegmentCursor: Sendable, Equatable {
        /// Nothing loaded yet: the first page.
        case start
        /// The cursor of the next page.
        case after(String)
        /// No more pages.
        case end

        init(_ next: String?) { self = next.map { .after($0) } ?? .end }

        var canGrow: Bool { self != .end }
        var after: String? { if case .after(let value) = self { value } else { nil } }
    }

    /// Which part of the window a page extends.
    public enum Segment: Sendable, Equatable {
        /// The first page of a new query: everything else is dropped.
        case replace
        case head
        case tail
    }

    public init() {}

    /// A complete window holding exactly `rows` (tests, small lists).
    public init(_ rows: [CallRow]) {
        head = rows
        count = rows.count
        headCursor = .end
        tailCursor = .end
    }

    // MARK: - Reading

    /// The first position of the tail.
    public var tailStart: Int { count - tail.count }
    /// Rows loaded (head and tail).
    public var loadedCount: Int { head.count + tail.count }
    /// Every position has its row.
    public var isComplete: Bool { head.count >= count }
    public var isEmpty: Bool { count == 0 }
    /// The loaded rows in list order (the head, then the tail).
    public var loaded: [CallRow] { head + tail }

    /// The first row, when loaded.
    public var first: CallRow? { self[0] }

    /// Whether a loaded row matches.
    public func contains(where match: (CallRow) -> Bool) -> Bool {
        head.contains(where: match) || tail.contains(where: match)
    }

    /// The row at a position; `nil` in the gap or out of range.
    public subscript(index: Int) -> CallRow? {
        if index >= 0, index < head.count { return head[index] }
        if index >= tailStart, index < count, index - tailStart < tail.count { return tail[index - tailStart] }
        return nil
    }

    /// The position of the loaded row with this id.
    public func index(of id: String) -> Int? {
        if let i = head.firstIndex(where: { $0.id == id }) { return i }
        if let i = tail.firstIndex(where: { $0.id == id }) { return tailStart + i }
        return nil
    }

    // MARK: - Local changes

    /// Changes the loaded row at a position in place.
    public mutating func modify(at index: Int, _ change: (inout CallRow) -> Void) {
        if index >= 0, index < head.count { change(&head[index]) }
        else if index >= tailStart, index - tailStart < tail.count { change(&tail[index - tailStart]) }
    }

    /// Removes the loaded row at a position; the positions after it move up by one.
    @discardableResult
    public mutating func remove(at index: Int) -> CallRow? {
        let row: CallRow
        if index >= 0, index < head.count { row = head.remove(at: index) }
        else if index >= tailStart, index < count, index - tailStart < tail.count { row = tail.remove(at: index - tailStart) }
        else { return nil }
        count -= 1
        return row
    }

    /// Puts a row back at a position. In the gap only the count grows: the row is still on
    /// the server and arrives with the page that covers its position.
    public mutating func insert(_ row: CallRow, at index: Int) {
        let start = tailStart
        if index <= head.count || (tail.isEmpty && index >= count) {
            head.insert(row, at: min(max(0, index), head.count))
        } else if index >= start {
            tail.insert(row, at: min(index - start, tail.count))
        }
        count += 1
    }

    /// Moves the loaded row `id` to where the list's order (`precedes`) puts it among the
    /// loaded rows, after an edit changed its sort key. A row already in order with its loaded
    /// neighbours stays (equal keys keep their places). Returns the row's new position, or
    /// `nil` when it now belongs in the gap between the segments: it then arrives with the
    /// page that covers its place.
    @discardableResult
    public mutating func reposition(id: String, by precedes: (CallRow, CallRow) -> Bool) -> Int? {
        guard let old = index(of: id), let row = self[old] else { return nil }
        let previous = self[old - 1], next = self[old + 1]
        if previous.map({ !precedes(row, $0) }) ?? true, next.map({ !precedes($0, row) }) ?? true { return old }
        let fromHead = old < head.count
        remove(at: old)
        // Rows after a removed one move up on the server too: the segment's next page starts
        // one earlier (an overlap is de-duplicated by id, a skip would lose a call).
        func shifted(_ cursor: SegmentCursor) -> SegmentCursor {
            guard let after = cursor.after, let offset = Int(after) else { return cursor }
            return .after(String(max(0, offset - 1)))
        }
        if let index = head.firstIndex(where: { precedes(row, $0) }) ?? (isComplete ? head.count : nil) {
            head.insert(row, at: index)
            count += 1
            if !fromHead { tailCursor = shifted(tailCursor) }
            return index
        }
        if fromHead { headCursor = shifted(headCursor) } else { tailCursor = shifted(tailCursor) }
        let inTail = tail.firstIndex(where: { precedes(row, $0) }) ?? (tail.isEmpty ? 0 : tail.count)
        guard inTail > 0 else {
            count += 1
            return nil
        }
        tail.insert(row, at: inTail)
        count += 1
        return tailStart + inTail
    }

    /// Puts back a row that ``reposition(id:by:)`` sent into the gap (it is still counted
    /// there) once its sort key puts it among the loaded rows again, as an undo of the edit
    /// does. Returns its position, or `nil` when it still belongs in the gap. The count stays:
    /// the row moves from the gap, it is not new; the segment it joins continues one further
    /// on the server.
    @discardableResult
    public mutating func placeFromGap(_ row: CallRow, by precedes: (CallRow, CallRow) -> Bool) -> Int? {
        guard index(of: row.id) == nil, !isComplete else { return nil }
        func shifted(_ cursor: SegmentCursor) -> SegmentCursor {
            guard let after = cursor.after, let offset = Int(after) else { return cursor }
            return .after(String(offset + 1))
        }
        if let index = head.firstIndex(where: { precedes(row, $0) }) {
            head.insert(row, at: index)
            headCursor = shifted(headCursor)
            if isComplete { merge() }
            return index
        }
        // Before the tail's first row (or no tail): its place is in the gap.
        let inTail = tail.firstIndex(where: { precedes(row, $0) }) ?? tail.count
        guard inTail > 0 else { return nil }
        tail.insert(row, at: inTail)
        tailCursor = shifted(tailCursor)
        let position = tailStart + inTail
        if loadedCount >= count { merge() }
        return position
    }

    // MARK: - Pages

    /// Applies a page of `rows` for `segment`. `total` is the list's new count; tail pages
    /// arrive in reversed order (the last call first).
    public mutating func apply(_ rows: [CallRow], to segment: Segment, total: Int, next: String?) {
        switch segment {
        case .replace:
            head = rows
            tail = []
            headCursor = SegmentCursor(next)
            tailCursor = .start
        case .head:
            let inTail = Set(tail.map(\.id))
            var seen = Set(head.map(\.id))
            for row in rows where !seen.contains(row.id) {
                if inTail.contains(row.id) { return merge() }
                head.append(row)
                seen.insert(row.id)
            }
            headCursor = SegmentCursor(next)
        case .tail:
            let inHead = Set(head.map(\.id))
            var seen = Set(tail.map(\.id))
            var added: [CallRow] = []
            for row in rows where !seen.contains(row.id) {
                if inHead.contains(row.id) {
                    tail.insert(contentsOf: added.reversed(), at: 0)
                    return merge()
                }
                added.append(row)
                seen.insert(row.id)
            }
            tail.insert(contentsOf: added.reversed(), at: 0)
            tailCursor = SegmentCursor(next)
        }
        count = max(0, total)
        // Only a meeting (above) or a full count merges: a segment that stops early (HubSpot
        // stops most searches at 10 000 results) leaves the gap between them.
        if head.count + tail.count >= count { merge() }
    }

    /// Moves the `after` offsets back after calls were deleted on the server, so the next
    /// pages do not skip rows (a page that overlaps is de-duplicated by id).
    public mutating func shiftOffsets(by removed: Int) {
        func shifted(_ cursor: SegmentCursor) -> SegmentCursor {
            guard let after = cursor.after, let offset = Int(after) else { return cursor }
            return .after(String(max(0, offset - removed)))
        }
        headCursor = shifted(headCursor)
        tailCursor = shifted(tailCursor)
    }

    /// The segments met (or one of them covers everything): one complete list.
    private mutating func merge() {
        let inHead = Set(head.map(\.id))
        head += tail.filter { !inHead.contains($0.id) }
        tail = []
        count = head.count
        headCursor = .end
        tailCursor = .end
    }
}
