import Foundation
import Testing
@testable import VanThuPipeline

struct DocumentSchedulerTests {
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var running = 0
        private(set) var most = 0
        func enter() { lock.withLock { running += 1; most = max(most, running) } }
        func leave() { lock.withLock { running -= 1 } }
    }

    @Test func resultsComeBackInOrderWhateverTheWorkTakes() throws {
        let items = Array(0..<500)
        var seen: [Int] = []
        try DocumentScheduler.orderedMap(items, workers: 4, window: 8) { item -> Int in
            // Uneven work: some items take far longer than their neighbours.
            if item % 37 == 0 { usleep(2000) }
            return item * 3
        } consume: { index, value in
            #expect(value == items[index] * 3)
            seen.append(index)
        }
        #expect(seen == Array(0..<500))
    }

    @Test func noMoreThanTheWindowIsHeld() throws {
        let counter = Counter()
        let window = 5
        try DocumentScheduler.orderedMap(Array(0..<200), workers: 3, window: window) { item -> Int in
            counter.enter()
            return item
        } consume: { _, _ in
            counter.leave()
            usleep(100)
        }
        // Claimed but not yet consumed: never more than the window, plus the one being consumed.
        #expect(counter.most <= window + 1)
        #expect(counter.most >= 1)
    }

    struct Stop: Error {}

    @Test func aFailingConsumerStopsTheWorkers() {
        let processed = Counter()
        #expect(throws: Stop.self) {
            try DocumentScheduler.orderedMap(Array(0..<10_000), workers: 2, window: 4) { item -> Int in
                processed.enter()
                return item
            } consume: { index, _ in
                if index == 10 { throw Stop() }
            }
        }
        // Workers stopped within a window of the failure instead of processing everything.
        #expect(processed.most < 100)
    }
}

struct DocumentSchedulerBudgetTests {
    final class InFlight: @unchecked Sendable {
        private let lock = NSLock()
        private var cost = 0
        private var count = 0
        /// Moments when more items than `floor` were in flight and together cost more than `budget`
        /// (give or take the item the consumer has just taken, which the ring no longer counts).
        private(set) var overBudget = 0
        private(set) var mostCount = 0
        let budget: Int
        let floor: Int
        init(budget: Int, floor: Int) { self.budget = budget; self.floor = floor }
        func enter(_ c: Int) {
            lock.withLock {
                cost += c; count += 1
                mostCount = max(mostCount, count)
                if count > floor + 1 && cost > budget + 40 { overBudget += 1 }
            }
        }
        func leave(_ c: Int) { lock.withLock { cost -= c; count -= 1 } }
    }

    @Test func theBytesInFlightStayWithinTheBudgetButEachWorkerGetsOneItem() throws {
        // Sizes from 1 to 9 units, a few far larger than the budget.
        let sizes = (0..<300).map { $0 % 50 == 7 ? 40 : 1 + ($0 * 7) % 9 }
        let budget = 20
        let flight = InFlight(budget: budget, floor: 3)
        var seen: [Int] = []
        try DocumentScheduler.orderedMap(sizes, workers: 3, window: 64, cost: { $0 }, budget: budget) { size -> Int in
            flight.enter(size)
            if size == 40 { usleep(3000) }
            return size
        } consume: { index, size in
            #expect(size == sizes[index])
            seen.append(index)
            flight.leave(size)
            // A slow consumer: results pile up until the budget holds the workers back.
            usleep(200)
        }
        #expect(seen == Array(0..<300))
        // Over the budget only with no more items in flight than workers (a large item each).
        #expect(flight.overBudget == 0)
        // The budget, not the window of 64, is what held the workers back.
        #expect(flight.mostCount > 3)
        #expect(flight.mostCount <= 21)
    }

    @Test func workerThreadsRunEveryBodyAndJoin() {
        let running = DocumentSchedulerTests.Counter()
        let finished = DocumentSchedulerTests.Counter()
        let threads = WorkerThreads(count: 4) {
            running.enter()
            usleep(2000)
            running.leave()
            finished.enter()
        }
        threads.join()
        // Every body ran to its end before `join` returned, on threads of their own.
        #expect(finished.most == 4)
        #expect(running.most >= 1 && running.most <= 4)
    }
}
