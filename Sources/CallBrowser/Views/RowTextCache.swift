import Foundation
import TerminalKit

/// The column texts of list rows, kept between frames.
///
/// Formatting a row (its local time, sanitized title, outcome and owner names) costs more
/// than drawing it, and most frames (a cursor move, a tick, a detail arriving) show the same
/// rows as the frame before. Entries are keyed by the row's id and checked against the whole
/// row and everything else the texts depend on, so a changed row, a new day, another zone,
/// new lookups or a new column layout always formats afresh.
final class RowTextCache: @unchecked Sendable {
    /// What every row's texts depend on besides the row itself.
    struct Context: Equatable {
        var width: Int
        /// The start of "today": relative times change only when the day does.
        var today: Date
        var timeZone: TimeZone
        var lookups: Lookups
    }

    private struct Entry {
        var row: CallRow
        var marked: Bool
        var texts: [(String, Style)]
    }

    /// Rows kept at most; more means the list scrolled far, and the entries start over.
    static let capacity = 1_000

    private let lock = NSLock()
    private var context: Context?
    private var entries: [String: Entry] = [:]

    /// The texts of `row` for `context`, from the cache or from `make`.
    func texts(for row: CallRow, marked: Bool, context: Context, make: () -> [(String, Style)]) -> [(String, Style)] {
        let cached: [(String, Style)]? = lock.withLock {
            if self.context != context {
                self.context = context
                entries.removeAll(keepingCapacity: true)
                return nil
            }
            // Equal, but perhaps built anew (lookups reloaded, another state): keep the
            // caller's, so the next comparison meets identical storage and costs nothing
            // instead of comparing every owner and property definition.
            self.context = context
            guard let entry = entries[row.id], entry.marked == marked, entry.row == row else { return nil }
            return entry.texts
        }
        if let cached { return cached }
        let texts = make()
        lock.withLock {
            guard self.context == context else { return }
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[row.id] = Entry(row: row, marked: marked, texts: texts)
        }
        return texts
    }
}
