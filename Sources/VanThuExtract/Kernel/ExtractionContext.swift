import VanThuText

/// What an extractor sees and adds to: the cleaned document, its kind, and the record being built.
/// Extractors run in registry order, so a later one can read what an earlier one found
/// (deadlines read the document's date; model counts read dates and units).
public struct ExtractionContext: Sendable {
    public let document: TextDocument
    public var record: Record
    /// Set when `document` is a later window of a larger document (`ExtractStage.extractInWindows`):
    /// the record's header, title and own date are the whole document's, read from its first
    /// window, and are not to be read again here.
    package var continuesDocument = false
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

extension ExtractionContext {
    /// The document's full calendar days with their year written (`ngày 14/8/2015`, `ngày 24
    /// tháng 4 năm 2017`, `30 tháng 7 năm 2019`), by the folded offset they start at (their cue
    /// word included): the one date reader's mentions (`temporalMentions()`), for the rules that
    /// read a date at a place, the header's place-date line and a citation's date.
    package mutating func calendarDays() -> CalendarDays {
        CalendarDays(temporalMentions(), folded: document.folded.bytes)
    }
}

/// Full calendar days by where they start in the folded text (see `ExtractionContext.calendarDays`).
package struct CalendarDays: Sendable {
    package struct Day: Sendable, Equatable {
        package var iso: String
        /// The folded offset after the year's digits.
        package var end: Int
        package init(iso: String, end: Int) { self.iso = iso; self.end = end }
    }

    private var byStart: [Int: Day] = [:]

    package init() {}

    package init(_ mentions: [TemporalMention], folded: [UInt8]) {
        for mention in mentions where mention.kind == .point && !mention.absorbed {
            let value = mention.value
            guard value.day != nil, let year = value.year, (1900...2100).contains(year), let iso = value.iso,
                  let end = Self.end(ofYear: year, in: folded, mention.range) else { continue }
            byStart[mention.range.lowerBound] = Day(iso: iso, end: end)
        }
    }

    /// The day that starts at folded offset `start`.
    package func day(at start: Int) -> Day? { byStart[start] }

    /// The end of the year's four digits written inside `range`, or nil when the year was not
    /// written there (a year taken from a neighbour or the document).
    private static func end(ofYear year: Int, in folded: [UInt8], _ range: Range<Int>) -> Int? {
        let digits = Array(String(year).utf8)
        var k = range.upperBound
        while k - 4 >= range.lowerBound {
            if folded[(k - 4)..<k].elementsEqual(digits), k == folded.count || !FoldedText.isDigit(folded[k]),
               k - 4 == 0 || !FoldedText.isDigit(folded[k - 5]) { return k }
            k -= 1
        }
        return nil
    }
}
