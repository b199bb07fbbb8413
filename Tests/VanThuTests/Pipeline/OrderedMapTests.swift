import Foundation
import Testing
@testable import VanThuPipeline

struct OrderedMapTests {
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
        try Pipeline.orderedMap(items, workers: 4, window: 8) { item -> Int in
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
        try Pipeline.orderedMap(Array(0..<200), workers: 3, window: window) { item -> Int in
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
            try Pipeline.orderedMap(Array(0..<10_000), workers: 2, window: 4) { item -> Int in
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
