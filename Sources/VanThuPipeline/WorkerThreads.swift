import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Threads that each run one body, at a lower priority than the thread that starts them, joined
/// with `join()`. The scheduler runs its workers on them: the run's serial chain (the thread that
/// counts outcomes, and the two writers) must never wait for the processor behind a worker, or
/// the workers soon wait for the chain and a core idles. Lowering a thread's priority needs no
/// privilege; raising it would.
final class WorkerThreads: @unchecked Sendable {
    private let group = DispatchGroup()

    /// How much lower than the starting thread (a nice increment: 5 is about a third of the weight).
    static let priorityDrop: Int32 = 5
    /// The stack of each thread: as large as the main thread's usual 8 MB, for deep documents.
    static let stackSize = 8 << 20

    init(count: Int, _ body: @escaping @Sendable () -> Void) {
        for _ in 0..<count {
            group.enter()
            let thread = Thread { [group] in
                Self.lowerOwnPriority(by: Self.priorityDrop)
                body()
                group.leave()
            }
            thread.stackSize = Self.stackSize
            thread.start()
        }
    }

    /// Waits for every thread's body to return.
    func join() { group.wait() }

    /// Raises the calling thread's nice value (Linux keeps one per thread).
    static func lowerOwnPriority(by increment: Int32) {
        #if os(Linux)
        let thread = UInt32(bitPattern: linuxGettid())
        let current = linuxGetpriority(0 /* PRIO_PROCESS */, thread)
        _ = linuxSetpriority(0, thread, min(19, current + increment))
        #endif
    }
}

#if os(Linux)
@_silgen_name("gettid")
private func linuxGettid() -> Int32
@_silgen_name("getpriority")
private func linuxGetpriority(_ which: Int32, _ who: UInt32) -> Int32
@_silgen_name("setpriority")
private func linuxSetpriority(_ which: Int32, _ who: UInt32, _ priority: Int32) -> Int32
#endif
