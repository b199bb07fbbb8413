import Foundation
import VanThuStore

/// The last answers to GET requests, kept while the archive is unchanged: every entry belongs to
/// one store generation, and a run that changes the archive changes the generation, so no entry
/// outlives the state it was made from. Small answers only; least recently used go first.
final class ResponseCache: @unchecked Sendable {
    let capacity: Int
    let maximumBody: Int
    private let lock = NSLock()
    private var entries: [String: (stamp: String, response: ServeResponse, used: UInt64)] = [:]
    private var clock: UInt64 = 0

    init(capacity: Int = 512, maximumBody: Int = 512 << 10) {
        self.capacity = capacity
        self.maximumBody = maximumBody
    }

    /// What identifies the archive's state: the store opened and its generation.
    static func stamp(_ archive: ServedArchive) -> String? {
        guard let store = try? archive.store(), let generation = try? store.generation() else { return nil }
        return "\(ObjectIdentifier(store).hashValue):\(generation)"
    }

    func get(_ key: String, stamp: String) -> ServeResponse? {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = entries[key], entry.stamp == stamp else { return nil }
        clock += 1
        entries[key]!.used = clock
        return entry.response
    }

    func put(_ key: String, stamp: String, _ response: ServeResponse) {
        guard response.status == 200, response.body.count <= maximumBody else { return }
        lock.lock()
        defer { lock.unlock() }
        clock += 1
        if entries.count >= capacity, entries[key] == nil {
            // Drop the stale entries, else the least recently used eighth.
            entries = entries.filter { $0.value.stamp == stamp }
            if entries.count >= capacity {
                let old = entries.sorted { $0.value.used < $1.value.used }.prefix(max(1, capacity / 8)).map(\.key)
                for key in old { entries[key] = nil }
            }
        }
        entries[key] = (stamp, response, clock)
    }
}
