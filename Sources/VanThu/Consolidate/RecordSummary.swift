/// What consolidation, statistics and the CSV exports read of a record: a few short fields, the
/// number of facts of each kind, the units with their mention counts, the deadlines and the model
/// counts. The store keeps it beside each record, so exporting the archive decodes this small
/// object per document instead of the whole record (measured: decoding the record without its text
/// took 1.25 M instructions per gazette document with Foundation's JSONDecoder, most of the export).
public struct RecordSummary: Codable, Sendable, Equatable, JSONWritable {
    public struct Unit: Codable, Sendable, Equatable {
        public var key: String
        public var name: String
        public var mentions: Int
    }

    public struct Deadline: Codable, Sendable, Equatable {
        public var due: String?
        public var text: String
    }

    public var id: String
    public var path: String
    public var kind: DocumentKind
    public var title: String?
    public var date: String?
    public var number: String?
    public var issuer: String?
    public var factCounts: [String: Int]
    public var units: [Unit]
    public var deadlines: [Deadline]
    public var modelCounts: [ModelCountFact]
    /// Ids of the documents cited.
    public var references: [String]

    public init(_ record: Record) {
        id = record.id
        path = record.source.path
        kind = record.kind
        title = record.title
        date = record.date
        number = record.header?.number
        issuer = record.header?.issuer
        factCounts = record.factCounts
        units = record.units.map { Unit(key: $0.key, name: $0.name, mentions: $0.mentions.count) }
        deadlines = record.deadlines.map { Deadline(due: $0.due, text: $0.text) }
        modelCounts = record.modelCounts
        references = record.references.map(\.id)
    }

    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.field("id", id)
        w.field("path", path)
        w.field("kind", kind)
        w.field("title", title)
        w.field("date", date)
        w.field("number", number)
        w.field("issuer", issuer)
        w.field("factCounts", factCounts)
        w.key("units")
        w.beginArray()
        for unit in units {
            w.beginObject()
            w.field("key", unit.key); w.field("name", unit.name); w.field("mentions", unit.mentions)
            w.endObject()
        }
        w.endArray()
        w.key("deadlines")
        w.beginArray()
        for deadline in deadlines {
            w.beginObject()
            w.field("due", deadline.due); w.field("text", deadline.text)
            w.endObject()
        }
        w.endArray()
        w.field("modelCounts", modelCounts)
        w.field("references", references)
        w.endObject()
    }
}
