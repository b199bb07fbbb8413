import VanThuText

/// What an extractor sees and adds to: the cleaned document, its kind, and the record being built.
/// Extractors run in registry order, so a later one can read what an earlier one found
/// (deadlines read the document's date; model counts read dates and units).
public struct ExtractionContext: Sendable {
    public let document: TextDocument
    public var record: Record
    /// The document's temporal mentions, once scanned (see `temporalMentions()`).
    private var scannedTemporalMentions: [TemporalMention]?

    public init(document: TextDocument, record: Record) {
        self.document = document
        self.record = record
    }

    /// A context for a bare text, as examples and `vanthu extract` use it.
    public init(text: String, kind: DocumentKind = .unknown, date: String? = nil) {
        let document = TextDocument(text)
        var record = Record(id: "example", source: SourceInfo(path: "example.txt", sha256: "", bytes: document.utf8.count,
                                                              format: "text", encoding: "utf-8"))
        record.kind = kind
        record.date = date
        record.text = text
        self.init(document: document, record: record)
    }

    /// The year of the document's own date, when known.
    public var documentYear: Int? {
        guard let date = record.date, date.utf8.count >= 4 else { return nil }
        return Int(date.prefix(4))
    }

    /// The temporal mentions of the document, durations included, scanned on first use and shared
    /// by the extractors that read them (dates and deadlines): one scan per document instead of one
    /// per extractor. A scan that includes durations finds exactly the other mentions that one
    /// without them finds (`TemporalScannerTests` checks it), so dates just leave durations out.
    package mutating func temporalMentions() -> [TemporalMention] {
        if let scannedTemporalMentions { return scannedTemporalMentions }
        let mentions = TemporalScanner(includeDurations: true).scan(document.folded)
        scannedTemporalMentions = mentions
        return mentions
    }
}
