import VanThuText
import VanThuExtract

/// Model-count statistics of the archive, kept as aggregates while records stream past.
///
/// `rows` answers "how many models did Bến Tre register by 2017?" with one jq line:
///
///     jq '[.stats.modelCounts.rows[] | select((.scope // "") | test("Bến Tre"))
///          | select(.status == "registered" and .year <= 2017 and (.part | not)) | .count] | add' archive.json
///
/// One row per scope, year, status, field and part-or-total, with the sum of the exact counts, the
/// number of facts and the documents they come from. Parts of a breakdown (`trong đó 20 mô hình
/// trên lĩnh vực kinh tế`) are rows with `part: true`, so totals are not counted twice and fields
/// (which are mostly stated on parts) can still be summed. Approximate counts (`hàng trăm`) have no
/// count and are only tallied in `approximate`. The `by…` maps sum the exact counts of totals.
public struct ModelCountStats: Sendable, Equatable {
    public struct Key: Hashable, Sendable, Comparable {
        public var scope: String?
        public var year: Int?
        public var status: String
        public var field: String?
        public var part: Bool

        /// Known values before unknown ones; then scope, year, status, field; totals before parts.
        private var sortKey: [String] {
            let year = year.map { String($0) } ?? ""
            return [scope == nil ? "1" : "0", scope ?? "", self.year == nil ? "1" : "0",
                    String(repeating: "0", count: max(0, 6 - year.count)) + year, status,
                    field == nil ? "1" : "0", field ?? "", part ? "1" : "0"]
        }

        public static func < (a: Key, b: Key) -> Bool { a.sortKey.lexicographicallyPrecedes(b.sortKey) }
    }

    public struct Row: Sendable, Equatable {
        public var count = 0
        public var facts = 0
        public var documents: Set<String> = []
    }

    public private(set) var rows: [Key: Row] = [:]
    public private(set) var byStatus: [String: Int] = [:]
    public private(set) var byYear: [String: Int] = [:]
    public private(set) var byField: [String: Int] = [:]
    public private(set) var byScope: [String: Int] = [:]
    /// Number of approximate counts (`hàng trăm mô hình`, `trên 50 mô hình`).
    public private(set) var approximate = 0
    /// Number of totals whose breakdown does not add up.
    public private(set) var breakdownMismatches = 0

    public init() {}

    public mutating func add(_ record: Record) { add(id: record.id, record.modelCounts) }

    /// Adds the model counts of document `id`.
    public mutating func add(id: String, _ modelCounts: [ModelCountFact]) {
        for fact in modelCounts {
            if fact.breakdownMismatch { breakdownMismatches += 1 }
            guard let value = fact.count, !fact.approximate else {
                approximate += 1
                continue
            }
            let key = Key(scope: fact.scope, year: fact.year, status: fact.status, field: fact.field, part: fact.partOf != nil)
            rows[key, default: Row()].count.saturatingAdd(value)
            rows[key]!.facts += 1
            rows[key]!.documents.insert(id)
            guard fact.partOf == nil else { continue }
            // Stated numbers can be anything a text says: sums saturate instead of trapping.
            byStatus[fact.status, default: 0].saturatingAdd(value)
            byYear[fact.year.map(String.init) ?? "unknown", default: 0].saturatingAdd(value)
            byField[fact.field ?? "unknown", default: 0].saturatingAdd(value)
            byScope[fact.scope ?? "unknown", default: 0].saturatingAdd(value)
        }
    }

    /// The `stats.modelCounts` object of the archive.
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.field("byStatus", byStatus)
        w.field("byYear", byYear)
        w.field("byField", byField)
        w.field("byScope", byScope)
        w.field("approximate", approximate)
        w.field("breakdownMismatches", breakdownMismatches)
        w.key("rows")
        w.beginArray()
        for key in rows.keys.sorted() {
            let row = rows[key]!
            w.beginObject()
            w.field("scope", key.scope)
            w.field("year", key.year)
            w.field("status", key.status)
            w.field("field", key.field)
            w.field("part", key.part)
            w.field("count", row.count)
            w.field("facts", row.facts)
            w.field("documents", row.documents.sorted())
            w.endObject()
        }
        w.endArray()
        w.endObject()
    }
}
