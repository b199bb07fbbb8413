import Foundation
import VanThuText

/// Calendar dates, years, quarters and periods, and the document's own date (`record.date`).
///
/// `TemporalScanner` finds the mentions (rules `date.*`, `period.*`); `DocumentDateFinder` picks the
/// document's own date from where a mention stands (rules `document-date.*`); a mention without a
/// year takes the year of that date, or keeps a null value — a year is never guessed. Recurring
/// month-days (`20/3 hằng năm`) are not dates: only `DeadlineExtractor` reports them.
public struct DateExtractor: Extractor {
    public let id = "dates"
    public let summary = "Calendar dates, periods and the document's own date."

    /// The type names whose headline dates a legal text (`legalTitleDate`).
    public var lexicon: DocumentLexicon

    public init(lexicon: DocumentLexicon = .standard) {
        self.lexicon = lexicon
    }

    public func configured(with configuration: ExtractorConfiguration) -> any Extractor {
        DateExtractor(lexicon: configuration.lexicon.documents)
    }

    public var examples: [ExtractorExample] { Self.examples }

    /// Dates and years by value (`2015-08-14`, `2017`, `2013-Q4`; `?text` without a year), periods
    /// as `from/to`, and the document's own date as `date=…`.
    public func describe(_ record: Record) -> [String] {
        var found = record.dates.map { $0.value ?? "?\($0.text)" }
        found += record.periods.map { "\($0.from)/\($0.to)" }
        if let date = record.date { found.append("date=\(date)") }
        return found
    }

    /// The full date in a headline that starts with a document type's name (`Nghị định số … ngày 25/6/2004`).
    package static func legalTitleDate(_ title: String, lexicon: DocumentLexicon) -> String? {
        let folded = TextDocument(title).folded
        let words = String(decoding: folded.bytes.prefix(40), as: UTF8.self).split(separator: " ").map(String.init)
        let names = lexicon.typeNamesByFold
        guard (1...3).contains(where: { $0 <= words.count && names[words.prefix($0).joined(separator: " ")] != nil })
        else { return nil }
        return TemporalScanner().scan(folded).first { $0.kind == .point && $0.value.precision == .day && $0.value.year != nil }?
            .value.iso
    }

    /// The folded starts of the mentions that stand on a "today" line above the title's first line.
    package static func todayLines(in document: TextDocument, mentions: [TemporalMention], title: String?) -> Set<Int> {
        guard let title, !title.isEmpty else { return [] }
        // The title's first 40 characters, found as bytes (the text is NFC, and so is the probe):
        // a Foundation search made the whole text UTF-16 first, a quarter of a gazette run's time.
        let probe = Array(String(title.prefix(40)).precomposedStringWithCanonicalMapping.utf8)
        guard let found = Self.firstOffset(of: probe, in: document.utf8) else { return [] }
        let titleLine = document.lineIndex(containing: found)
        let filter = ChromeFilter()
        var today: Set<Int> = []
        for mention in mentions where mention.kind == .point {
            let byte = Int(document.folded.origin[mention.range.lowerBound])
            let line = document.lineIndex(containing: byte)
            guard line < titleLine else { break }
            let bytes = document.utf8[document.lines[line]]
            if filter.ruleID(for: Substring(String(decoding: bytes, as: UTF8.self)), atTop: true) == "chrome.today" {
                today.insert(mention.range.lowerBound)
            }
        }
        return today
    }

    /// Where `needle` first occurs in `haystack`.
    static func firstOffset(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard let first = needle.first, needle.count <= haystack.count else { return nil }
        return haystack.withUnsafeBufferPointer { text in
            var start = 0
            while let at = text.firstIndex(ofByte: first, from: start), at + needle.count <= text.count {
                if text[at..<(at + needle.count)].elementsEqual(needle) { return at }
                start = at + 1
            }
            return nil
        }
    }

    /// The document's own date, from its place, metadata or adoption line, its header or its title.
    private func setDocumentDate(_ context: inout ExtractionContext, mentions: [TemporalMention]) {
        let own = DocumentDateFinder().find(in: context.document, mentions: mentions)
        let headerDate = context.record.header?.date
        if let own, own.source != .publicationLine && own.source != .signaturePlaceLine || headerDate == nil {
            context.record.date = own.value
        } else if context.record.date == nil || own != nil, let headerDate {
            context.record.date = headerDate
        }
        // A law or a decree posted as a page: its headline names it with its own date (`Nghị định số
        // 12/2004/NĐ-CP ngày 25/6/2004 …`, `LUẬT … (Ngày 17/6/2003)`), which is its date, not the post's.
        if headerDate == nil, own == nil || own?.source == .publicationLine, let title = context.record.title,
           let titled = Self.legalTitleDate(title, lexicon: lexicon) {
            context.record.date = titled
        }
    }

    public func extract(_ context: inout ExtractionContext) {
        let document = context.document
        // The shared scan (see `ExtractionContext.temporalMentions()`) without its durations.
        var mentions = context.temporalMentions().filter { $0.kind != .duration }
        // A portal's "today" line above the headline (`Thứ Năm, 02/05/2024` over the menu) is chrome:
        // neither the document's date nor a date of it. `ChromeFilter` drops it at the top of a text
        // dump; below the site's name or in a page read from HTML it is found here, by the title
        // (the title extractor runs before this one in the registry's order).
        let today = Self.todayLines(in: document, mentions: mentions, title: context.record.title)
        if !today.isEmpty { mentions.removeAll { today.contains($0.range.lowerBound) } }
        // A place line, a metadata line or an adoption line dates the document; a dispatch's header
        // comes before a line that only looks like a byline (`từ ngày 01 tháng 9 năm 2015, được …`
        // near the top of a consolidated text) or a place line at its end.
        // A later window of a large document has the document's own date already.
        if !context.continuesDocument { setDocumentDate(&context, mentions: mentions) }
        let year = context.documentYear
        for mention in mentions where !mention.absorbed {
            let span = document.scalarSpan(document.folded.utf8Range(mention.range))
            let text = document.string(folded: mention.range)
            switch mention.kind {
            case .point:
                guard mention.recurrence == nil else { continue }
                let value = mention.value.resolved(documentYear: year)
                context.record.dates.append(DateFact(text: text, value: value.iso, precision: value.precision,
                                                     start: span.start, end: span.end, rule: mention.rule))
            case .period:
                // Periods are spans of years; `từ ngày 01/3 đến hết ngày 30/6/2020` holds two dates.
                guard mention.value.precision == .year, mention.end?.precision == .year, let from = mention.value.resolved(documentYear: year).iso,
                      let to = mention.end?.resolved(documentYear: year).iso else { continue }
                context.record.periods.append(PeriodFact(text: text, from: from, to: to, start: span.start, end: span.end,
                                                         rule: mention.rule))
            case .dayOnly, .duration:
                continue
            }
        }
    }
}
