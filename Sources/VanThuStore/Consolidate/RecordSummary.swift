import VanThuText
import VanThuExtract

/// What consolidation, statistics and the CSV exports read of a record: a few short fields, the
/// number of facts of each kind, the units with their mention counts, the deadlines and the model
/// counts. The store keeps it beside each record, so exporting the archive decodes this small
/// object per document instead of the whole record (measured: decoding the record without its text
/// took 1.25 M instructions per gazette document with Foundation's JSONDecoder, most of the export).
public struct RecordSummary: JSONSchemaObject, Sendable, Equatable {
    public struct Unit: JSONSchemaObject, Sendable, Equatable {
        public var key: String
        public var name: String
        public var mentions: Int

        public static let fields: [JSONField<Unit>] = [
            .member("key", \.key, default: ""), .member("name", \.name, default: ""), .member("mentions", \.mentions, default: 0),
        ]
        public static let blank = Unit(key: "", name: "", mentions: 0)
    }

    public struct Deadline: JSONSchemaObject, Sendable, Equatable {
        public var due: String?
        public var text: String

        public static let fields: [JSONField<Deadline>] = [.optional("due", \.due), .member("text", \.text, default: "")]
        public static let blank = Deadline(due: nil, text: "")
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
    /// When the stored record holds store-only members (`Record.droppedLines`): the length of the
    /// archive's JSON of it, cut from the stored JSON on export (`JSONSchemaObject.archivedJSON`).
    public var archiveLength: Int?

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

    /// The summary's members, in the order they are written (the reader and the writer come from it).
    public static let fields: [JSONField<RecordSummary>] = [
        .required("id", \.id), .member("path", \.path, default: ""), .member("kind", \.kind, default: .unknown),
        .optional("title", \.title), .optional("date", \.date), .optional("number", \.number), .optional("issuer", \.issuer),
        .member("factCounts", \.factCounts, default: [:]), .member("units", \.units, default: []),
        .member("deadlines", \.deadlines, default: []), .member("modelCounts", \.modelCounts, default: []),
        .member("references", \.references, default: []),
        .optional("archiveLength", \.archiveLength, writtenIf: { $0 != nil }),
    ]

    public static let blank = RecordSummary(.blank)
}
