/// A record with what the store needs of it, prepared on a worker thread so the single writer
/// only writes: its JSON, its summary's JSON (for consolidation), and its folded text for the
/// full-text index.
public struct PreparedRecord: Sendable {
    public var record: Record
    public var json: [UInt8]
    public var summary: [UInt8]
    public var searchTitle: String
    public var searchBody: String
    public var searchUnits: String

    public init(_ record: Record, folded: FoldedText?) {
        self.record = record
        var writer = JSONWriter(reservingCapacity: record.text.utf8.count + 4096)
        record.write(to: &writer)
        json = writer.bytes
        writer.removeAll()
        RecordSummary(record).write(to: &writer)
        summary = writer.bytes
        // The index holds ASCII words only (its tokenizer is FTS5's `ascii`): folded letters and digits.
        searchTitle = VietnameseFolding.indexText(record.title ?? "")
        searchUnits = VietnameseFolding.indexText(record.units.map(\.name).joined(separator: " | "))
        if let folded, !record.text.isEmpty {
            // Folded bytes are ASCII but for 0x80, which stands for any other scalar: make it a space.
            let bytes = folded.bytes
            searchBody = String(unsafeUninitializedCapacity: bytes.count) { out in
                for index in 0..<bytes.count { out[index] = bytes[index] < 0x80 ? bytes[index] : 0x20 }
                return bytes.count
            }
        } else {
            searchBody = VietnameseFolding.indexText(record.text)
        }
    }
}
