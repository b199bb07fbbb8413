import VanThuText
import VanThuExtract

extension ModelCountFact {
    /// Reads a model count back from the JSON `write(to:)` wrote.
    package init(json o: JSONObject) throws(JSONValue.ParseError) {
        self.init(text: try o.string("text"), count: try o.optionalInt("count"), approximate: try o.bool("approximate"),
                  lowerBound: try o.optionalInt("lowerBound"), upperBound: try o.optionalInt("upperBound"),
                  status: try o.string("status"), field: try o.optionalString("field"), year: try o.optionalInt("year"),
                  scope: try o.optionalString("scope"), recognizedBy: try o.optionalString("recognizedBy"),
                  holder: try o.optionalString("holder"), partOf: try o.optionalInt("partOf"),
                  breakdownMismatch: try o.bool("breakdownMismatch"), start: try o.int("start"), end: try o.int("end"),
                  rule: try o.string("rule"))
    }
}

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

    /// Reads a summary back from the JSON `write(to:)` wrote (without Foundation's JSONDecoder).
    public init(json bytes: [UInt8]) throws(JSONValue.ParseError) {
        let o = try JSONObject(JSONValue.parse(bytes))
        id = try o.string("id")
        path = try o.string("path")
        guard let kind = DocumentKind(rawValue: try o.string("kind")) else { throw o.mismatch("kind", "a document kind") }
        self.kind = kind
        title = try o.optionalString("title")
        date = try o.optionalString("date")
        number = try o.optionalString("number")
        issuer = try o.optionalString("issuer")
        var counts: [String: Int] = [:]
        for (key, value) in try o.object("factCounts").members {
            guard case .int(let count) = value else { throw o.mismatch("factCounts", "integers") }
            counts[key] = count
        }
        factCounts = counts
        units = try o.array("units").map { value throws(JSONValue.ParseError) in
            let u = try JSONObject(value)
            return Unit(key: try u.string("key"), name: try u.string("name"), mentions: try u.int("mentions"))
        }
        deadlines = try o.array("deadlines").map { value throws(JSONValue.ParseError) in
            let d = try JSONObject(value)
            return Deadline(due: try d.optionalString("due"), text: try d.string("text"))
        }
        modelCounts = try o.array("modelCounts").map { value throws(JSONValue.ParseError) in try ModelCountFact(json: JSONObject(value)) }
        references = try o.array("references").map { value throws(JSONValue.ParseError) in
            guard case .string(let id) = value else { throw o.mismatch("references", "strings") }
            return id
        }
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
