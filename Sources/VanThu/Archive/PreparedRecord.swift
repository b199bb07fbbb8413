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

    /// The same record with only what the store writes, for the store writer's queue: the text
    /// and the facts are in `json` already (and the folded text in `search`, which the index's
    /// writer takes). Thousands wait in the queue when files are small.
    public var forStore: PreparedRecord {
        var copy = self
        copy.record.text = ""
        copy.record.kindReasons = []
        copy.record.header = nil
        copy.record.units = []
        copy.record.people = []
        copy.record.dates = []
        copy.record.periods = []
        copy.record.deadlines = []
        copy.record.modelCounts = []
        copy.record.references = []
        return copy
    }

    /// The facts researchers filter on (`facts` table): each unit's folded name and key, each
    /// model count's field, each deadline's date; distinct and sorted.
    public var facts: [Fact]

    public struct Fact: Sendable, Hashable, Comparable {
        public var type: String
        public var value: String

        public static func < (a: Fact, b: Fact) -> Bool { (a.type, a.value) < (b.type, b.value) }
    }

    static func facts(of record: Record) -> [Fact] {
        var facts: Set<Fact> = []
        for unit in record.units {
            facts.insert(Fact(type: "unit", value: VietnameseFolding.searchFold(unit.name)))
            facts.insert(Fact(type: "unitKey", value: unit.key))
        }
        for count in record.modelCounts { if let field = count.field { facts.insert(Fact(type: "field", value: field)) } }
        for deadline in record.deadlines { facts.insert(Fact(type: "deadline", value: deadline.due ?? "")) }
        return facts.sorted()
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
        facts = Self.facts(of: record)
    }
}
