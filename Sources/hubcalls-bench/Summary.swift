/// Median, 99th percentile and maximum of a set of samples (milliseconds unless noted).
struct Summary {
    var median: Double
    var p99: Double
    var max: Double
    var count: Int

    init(_ samples: [Double]) {
        let sorted = samples.sorted()
        count = sorted.count
        guard !sorted.isEmpty else {
            median = .nan; p99 = .nan; max = .nan
            return
        }
        median = Summary.percentile(sorted, 0.5)
        p99 = Summary.percentile(sorted, 0.99)
        max = sorted[sorted.count - 1]
    }

    /// Nearest-rank percentile of sorted samples.
    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        let rank = Int((p * Double(sorted.count)).rounded(.up)) - 1
        return sorted[Swift.max(0, Swift.min(sorted.count - 1, rank))]
    }
}
