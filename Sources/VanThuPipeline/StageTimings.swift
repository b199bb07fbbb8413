import Dispatch

/// Time spent in each stage, for the run report and the benchmark.
public struct StageTimings: Sendable {
    public enum Step: Int, CaseIterable, Sendable {
        /// `store` and `index` are the two writers, which run side by side.
        case ingest, decode, normalize, classify, extract, prepare, store, index, write
        package var name: String { String(describing: self) }
    }

    private var nanoseconds = [UInt64](repeating: 0, count: Step.allCases.count)

    public init() {}

    public func start() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// Adds the time since `clock` to `step` and restarts the clock.
    public mutating func lap(_ step: Step, _ clock: inout UInt64) {
        let now = DispatchTime.now().uptimeNanoseconds
        nanoseconds[step.rawValue] &+= now &- clock
        clock = now
    }

    public mutating func add(_ step: Step, seconds: Double) {
        nanoseconds[step.rawValue] &+= UInt64(max(0, seconds) * 1e9)
    }

    public mutating func add(_ other: StageTimings) {
        for index in nanoseconds.indices { nanoseconds[index] &+= other.nanoseconds[index] }
    }

    public var seconds: [String: Double] {
        var out: [String: Double] = [:]
        for step in Step.allCases where nanoseconds[step.rawValue] > 0 { out[step.name] = Double(nanoseconds[step.rawValue]) / 1e9 }
        return out
    }
}
