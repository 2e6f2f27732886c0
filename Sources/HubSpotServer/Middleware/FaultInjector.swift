import CallsCore

/// Decides, request by request, which fault to inject. One seeded generator (SplitMix64)
/// feeds every decision, so the same seed and the same request order give the same faults.
final class FaultInjector: Sendable {
    enum Fault: Equatable {
        case none
        case error(Int)
        case drop
    }

    struct Decision: Equatable {
        var latencyMs: Int
        var fault: Fault
    }

    let configuration: FaultConfiguration
    private let state: Locked<UInt64>

    init(configuration: FaultConfiguration) {
        self.configuration = configuration
        state = Locked(configuration.seed)
    }

    /// The next decision. Always draws the same number of values so one request's outcome
    /// does not shift the next one's.
    func next() -> Decision {
        let (a, b, c, d) = state.withLock { seed in
            (Self.draw(&seed), Self.draw(&seed), Self.draw(&seed), Self.draw(&seed))
        }
        let range = configuration.latencyMs
        let latency = range.lowerBound + Int(a % UInt64(range.count))
        let fault: Fault
        if Self.unit(b) < configuration.dropRate {
            fault = .drop
        } else if Self.unit(c) < configuration.errorRate {
            fault = .error([500, 502, 503][Int(d % 3)])
        } else {
            fault = .none
        }
        return Decision(latencyMs: latency, fault: fault)
    }

    private static func unit(_ value: UInt64) -> Double { Double(value >> 11) / Double(1 << 53) }

    /// SplitMix64.
    private static func draw(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
