/// A record with what the store needs of it, prepared on a worker thread so the single writer
/// only writes: its JSON, its summary's JSON (for consolidation), and its folded text for the
/// full-text index.
public struct PreparedRecord: Sendable {
    public var record: Record
    public var json: [UInt8]
    public var summary: [UInt8]
    /// What the full-text index holds of it.
    public var search: SearchIndex.Entry

    /// The bytes in a buffer of their size: prepared records wait in the store writer's queue by
    /// the thousand when files are small, and a buffer reserved for the worst case each (measured
    /// with massif: 5 KB for a 1 KB file, twice) was most of a run's memory.
    static func trimmed(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.capacity - bytes.count > 1024 else { return bytes }
        return [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, count in
            _ = buffer.initialize(from: bytes)
            count = bytes.count
        }
    }

    /// The same record without its text, for the store writer's queue: the text is in `json` and
    /// (folded) in `search` already.
    public var withoutText: PreparedRecord {
        var copy = self
        copy.record.text = ""
        return copy
    }

    public init(_ record: Record, folded: FoldedText?) {
        self.record = record
        var writer = JSONWriter(reservingCapacity: record.text.utf8.count + record.text.utf8.count / 8 + 2048)
        record.write(to: &writer)
        json = Self.trimmed(writer.bytes)
        var summaryWriter = JSONWriter(reservingCapacity: 1024)
        RecordSummary(record).write(to: &summaryWriter)
        summary = Self.trimmed(summaryWriter.bytes)
        search = SearchIndex.Entry(record, folded: folded)
    }
}
