import VanThuText
import VanThuFormats

/// One archived document: the contract in DESIGN.md ("The archive: the data contract").
public struct Record: JSONSchemaObject, Sendable, Equatable {
    /// Stable id derived from the file's content (the first 16 hex digits of its SHA-256).
    public var id: String
    public var source: SourceInfo
    /// How a PDF's or a scan's pages were read (count, text layer or OCR, OCR confidence,
    /// signatures); absent for formats without pages.
    public var pages: PageProvenance?
    public var kind: DocumentKind
    /// Why the classifier chose `kind`: the ids of the rules that fired.
    public var kindReasons: [String]
    public var title: String?
    /// Which rule of the format's reader found `title`, when the format gave it (an HTML page's
    /// `h1=og:title`, `og:title`, `h1` …); absent when the text's rules found it.
    public var titleRule: String?
    /// The document's own date: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    public var date: String?
    /// Which source gave `date`, when the format gave it (an HTML page's `byline`,
    /// `article:published_time`, `issued date` …); absent when the text's rules found it.
    public var dateSource: String?
    public var header: DispatchHeader?
    public var units: [UnitFact]
    public var people: [PersonFact]
    public var dates: [DateFact]
    public var periods: [PeriodFact]
    public var deadlines: [DeadlineFact]
    public var modelCounts: [ModelCountFact]
    public var references: [ReferenceFact]
    /// The cleaned body (NFC); empty when the pipeline is configured not to keep it.
    public var text: String
    /// Set when every file that held this document has disappeared from the inputs: the archive
    /// keeps the record (it does not forget) and says so.
    public var gone: Bool?
    /// The lines the chrome filter took out of the text, each with the rule that did (for a
    /// dispatch, its own contact lines stay in the text). Kept by the store, not written to the
    /// archive files (`storeOnly`); `vanthu show ID --dropped` prints them.
    public var droppedLines: [ChromeFilter.DroppedLine]

    public init(id: String, source: SourceInfo, kind: DocumentKind = .unknown, kindReasons: [String] = [],
                title: String? = nil, date: String? = nil, header: DispatchHeader? = nil,
                units: [UnitFact] = [], people: [PersonFact] = [], dates: [DateFact] = [],
                periods: [PeriodFact] = [], deadlines: [DeadlineFact] = [], modelCounts: [ModelCountFact] = [],
                references: [ReferenceFact] = [], text: String = "") {
        self.id = id; self.source = source; self.kind = kind; self.kindReasons = kindReasons
        self.title = title; self.date = date; self.header = header; self.units = units; self.people = people
        self.dates = dates; self.periods = periods; self.deadlines = deadlines; self.modelCounts = modelCounts
        self.references = references; self.text = text
        self.droppedLines = []
    }

    /// The record's members in the order the archive writes them: the writer, the reader (with
    /// the default of each member a store written by an older version lacks), `factCounts`, the
    /// store writer's row and the golden tests' comparer all come from this list. Store-only
    /// members come last (`JSONSchemaObject.writeForStore`).
    public static let fields: [JSONField<Record>] = [
        .required("id", \.id, roles: [.storeRow]),
        .required("source", \.source, roles: [.storeRow]),
        .optional("pages", \.pages, writtenIf: { $0 != nil }),
        .member("kind", \.kind, default: .unknown, roles: [.storeRow]),
        .member("kindReasons", \.kindReasons, default: []),
        .optional("title", \.title, roles: [.storeRow]),
        .optional("titleRule", \.titleRule, writtenIf: { $0 != nil }, roles: [.storeRow]),
        .optional("date", \.date, roles: [.storeRow]),
        .optional("dateSource", \.dateSource, writtenIf: { $0 != nil }, roles: [.storeRow]),
        .optional("header", \.header, counted: true),
        .facts("units", \.units),
        .facts("people", \.people),
        .facts("dates", \.dates),
        .facts("periods", \.periods),
        .facts("deadlines", \.deadlines),
        .facts("modelCounts", \.modelCounts),
        .facts("references", \.references),
        .member("text", \.text, default: ""),
        .optional("gone", \.gone, writtenIf: { $0 == true }, roles: [.storeRow]),
        .member("droppedLines", \.droppedLines, default: [], writtenIf: { !$0.isEmpty }, roles: [.storeOnly]),
    ]

    public static let blank = Record(id: "", source: .blank)

    /// Number of facts of each kind (the counted members of `fields`), for summaries and run reports.
    public var factCounts: [String: Int] { memberCounts }
}
