/// A small open-addressing hash table from word keys (`WordKey`, already well mixed 64-bit
/// hashes) to 32-bit values, for lookups in the scanning loops: no hashing of its own, no
/// reference counting. Key 0 is reserved for empty slots (a word key is never 0 in practice; such
/// a key is simply never found).
public struct KeyTable: Sendable {
    private var keys: [UInt64]
    private var values: [UInt32]
    private var mask: Int
    public private(set) var count = 0

    /// A set of keys (each mapped to 1).
    public init<S: Sequence>(keys: S) where S.Element == UInt64 {
        self.init(capacity: 16)
        for key in keys { set(key, 1) }
    }

    public init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [UInt32](repeating: 0, count: size)
        mask = size - 1
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key ^ (key >> 29)) & UInt64(mask)) }

    public mutating func set(_ key: UInt64, _ value: UInt32) {
        guard key != 0 else { return }
        if (count + 1) * 2 > keys.count { grow() }
        var index = slot(key)
        while keys[index] != 0 && keys[index] != key { index = (index + 1) & mask }
        if keys[index] == 0 { count += 1 }
        keys[index] = key
        values[index] = value
    }

    @inline(__always)
    public func get(_ key: UInt64) -> UInt32? {
        keys.withUnsafeBufferPointer { k in
            var index = slot(key)
            while true {
                let found = k[index]
                if found == key { return values[index] }
                if found == 0 { return nil }
                index = (index + 1) & mask
            }
        }
    }

    @inline(__always)
    public func contains(_ key: UInt64) -> Bool { get(key) != nil }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [UInt32](repeating: 0, count: oldKeys.count * 2)
        mask = keys.count - 1
        count = 0
        for (index, key) in oldKeys.enumerated() where key != 0 { set(key, oldValues[index]) }
    }
}
