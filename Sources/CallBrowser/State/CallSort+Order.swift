import CallsCore
import Foundation

// MARK: - Ordering rows locally

extension CallSort {
    /// Whether `a` comes before `b` in this order, as the backends sort: by the sort
    /// property (an empty value is the smallest), ties by id in the same direction. Used to
    /// move an edited row to its place without reloading the list.
    public func precedes(_ a: CallRow, _ b: CallRow) -> Bool {
        let x = key(a), y = key(b)
        if x != y {
            let less = (x ?? -.infinity) < (y ?? -.infinity)
            return rule.ascending ? less : !less
        }
        guard a.id != b.id else { return false }
        let idLess: Bool
        if let l = Int64(a.id), let r = Int64(b.id) { idLess = l < r } else { idLess = a.id < b.id }
        return rule.ascending ? idLess : !idLess
    }

    /// The value a row is sorted by.
    func key(_ row: CallRow) -> Double? {
        switch self {
        case .newestFirst, .oldestFirst: row.call.timestamp?.timeIntervalSince1970
        case .longestFirst, .shortestFirst: row.call.durationMilliseconds.map(Double.init)
        }
    }
}
