import Foundation

/// Where the run's threads waited for each other, summed over a process's runs: printed to the
/// standard error by `vanthu run` when `VANTHU_TRACE_SCHEDULING` is set, to see which part of the
/// chain holds the others up.
package final class SchedulingTrace: @unchecked Sendable {
    package static let shared = SchedulingTrace()
    private let lock = NSLock()
    private var values: [String: UInt64] = [:]

    package func add(_ name: String, nanoseconds: UInt64) {
        lock.withLock { values[name, default: 0] &+= nanoseconds }
    }

    package func add(workersWaiting: UInt64, consumerWaiting: UInt64) {
        add("workers waiting for room (summed)", nanoseconds: workersWaiting)
        add("consumer waiting for a result", nanoseconds: consumerWaiting)
    }

    package static var enabled: Bool { ProcessInfo.processInfo.environment["VANTHU_TRACE_SCHEDULING"] != nil }

    package func print() {
        let lines = lock.withLock { values.sorted { $0.key < $1.key }.map { String(format: "  %@: %.3f s", $0.key, Double($0.value) / 1e9) } }
        FileHandle.standardError.write(Data(("scheduling:\n" + lines.joined(separator: "\n") + "\n").utf8))
    }
}
