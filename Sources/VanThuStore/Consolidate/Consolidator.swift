import VanThuText
import VanThuExtract

/// Builds the archive's consolidated views while records stream past: the unit registry (each key
/// once, with its variants and the documents that mention it) and statistics. It keeps aggregates,
/// never records.
public struct Consolidator: Sendable {
    public struct UnitEntry: Sendable, Equatable {
        public var names: Set<String> = []
        public var documents: Set<String> = []
        public var mentions = 0
    }

    public private(set) var units: [String: UnitEntry] = [:]
    public private(set) var documents = 0
    public private(set) var byKind: [String: Int] = [:]
    public private(set) var byYear: [String: Int] = [:]
    public private(set) var facts: [String: Int] = [:]
    /// Model-count statistics: sums by status, year, field and scope, and rows by all of them.
    public private(set) var modelCounts = ModelCountStats()

    public init() {}

    public mutating func add(_ record: Record) { add(RecordSummary(record)) }

    public mutating func add(_ record: RecordSummary) {
        documents += 1
        byKind[record.kind.rawValue, default: 0] += 1
        byYear[record.date.map { String($0.prefix(4)) } ?? "unknown", default: 0] += 1
        for (kind, count) in record.factCounts { facts[kind, default: 0].saturatingAdd(count) }
        for unit in record.units {
            units[unit.key, default: UnitEntry()].names.insert(unit.name)
            units[unit.key]!.documents.insert(record.id)
            units[unit.key]!.mentions.saturatingAdd(unit.mentions)
        }
        modelCounts.add(id: record.id, record.modelCounts)
    }

    /// The `units` array of the archive: sorted by key.
    public func writeUnits(to w: inout JSONWriter) {
        w.beginArray()
        for key in units.keys.sorted() {
            let entry = units[key]!
            w.newline()
            w.beginObject()
            w.field("key", key)
            w.field("names", entry.names.sorted())
            w.field("documents", entry.documents.sorted())
            w.field("mentions", entry.mentions)
            w.endObject()
        }
        if !units.isEmpty { w.newline() }
        w.endArray()
    }

    /// The `stats` object of the archive.
    public func writeStats(to w: inout JSONWriter) {
        w.beginObject()
        w.field("documents", documents)
        w.field("byKind", byKind)
        w.field("byYear", byYear)
        w.field("facts", facts)
        w.field("units", units.count)
        w.key("modelCounts")
        modelCounts.write(to: &w)
        w.endObject()
    }
}
