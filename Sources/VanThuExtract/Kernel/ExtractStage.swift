import VanThuText
import VanThuFormats

/// Runs the enabled extractors, in registry order, and makes the document's record.
public struct ExtractStage: Stage {
    public var name: StageName { .extract }
    public var extractors: [any Extractor]
    public var includeText: Bool

    public init(extractors: [any Extractor], includeText: Bool = true) {
        self.extractors = extractors
        self.includeText = includeText
    }

    public func run(_ input: ClassifiedDocument) throws(StageFailure) -> Record {
        try run(input, withText: true)
    }

    /// `withText: false` leaves the record's text empty whatever `includeText` says: no extractor
    /// reads it, and the caller of a large document sets it once the document's other copies are
    /// gone (a 64 MB text is not made into a `String` beside its bytes and fold).
    public func run(_ input: ClassifiedDocument, withText: Bool) throws(StageFailure) -> Record {
        try run(input, withText: withText, windowBytes: Self.windowBytes)
    }

    /// `run` with windows of `windowBytes` (tests use small ones).
    package func run(_ input: ClassifiedDocument, withText: Bool, windowBytes: Int) throws(StageFailure) -> Record {
        var record = Record(id: input.clean.id, source: input.clean.source, kind: input.classification.kind,
                            kindReasons: input.classification.reasons,
                            text: withText ? input.clean.document.text : "")
        record.droppedLines = input.clean.droppedLines
        if Self.isWindowed(input.clean.document, windowBytes: windowBytes) {
            record = extractInWindows(input.clean.document, record: record, windowBytes: windowBytes)
        } else {
            var context = ExtractionContext(document: input.clean.document, record: record)
            for extractor in extractors { extractor.extract(&context) }
            record = context.record
        }
        Self.applyHints(input.clean.hints, to: &record)
        if !includeText { record.text = "" }
        return record
    }

    // MARK: Windows (issue 14, item 8)

    /// A text longer than this is extracted a window at a time: 4 MiB, three times the largest
    /// real input met so far (1.4 MB), so every ordinary document is extracted whole as before,
    /// and a 64 MiB one holds the fold, origin map, line table and mentions of 4 MiB at a time
    /// (about 20 MB) instead of those of the whole text (over 100 MB).
    package static let windowBytes = 4 << 20

    /// Whether `document` is extracted in windows, which read only its bytes, lines and scalar
    /// checkpoints, not its fold (the pipeline lets a windowed document's fold go before).
    package static func isWindowed(_ document: TextDocument, windowBytes: Int = windowBytes) -> Bool {
        isWindowed(byteCount: document.utf8.count, windowBytes: windowBytes)
    }

    /// Whether a text of `byteCount` UTF-8 bytes is extracted in windows. Such a document is
    /// given no whole fold by the normalizer (`TextDocument.folded` is empty): its readers fold
    /// it a window at a time.
    package static func isWindowed(byteCount: Int, windowBytes: Int = windowBytes) -> Bool {
        byteCount > windowBytes
    }

    /// The extractors that read the document as a whole from its beginning (its header and title):
    /// they run on the first window only.
    package static let firstWindowOnly: Set<String> = ["header", "title"]

    /// The windows of `bytes`: consecutive ranges covering them, each at most `size` bytes unless
    /// no line break, space or scalar start lets it end sooner, each cut after a blank line (the
    /// end of a paragraph) when there is one in its second half, else after a line break, else
    /// after a space, else before a scalar.
    package static func windows(of bytes: [UInt8], size: Int) -> [Range<Int>] {
        var windows: [Range<Int>] = []
        var start = 0
        let count = bytes.count
        while count - start > size {
            let limit = start + size
            let half = start + size / 2
            var cut: Int?
            var k = limit - 1
            // After the last `\n\n` in the window's second half.
            while k > half {
                if bytes[k] == 0x0A && bytes[k - 1] == 0x0A { cut = k + 1; break }
                k -= 1
            }
            if cut == nil, let newline = bytes[start..<limit].lastIndex(of: 0x0A) { cut = newline + 1 }
            if cut == nil, let space = bytes[start..<limit].lastIndex(of: 0x20) { cut = space + 1 }
            if cut == nil {
                var k = limit
                while k > start + 1 && bytes[k] & 0xC0 == 0x80 { k -= 1 }
                cut = k
            }
            windows.append(start..<cut!)
            start = cut!
        }
        windows.append(start..<count)
        return windows
    }

    /// The record of a document extracted a window at a time: each window is a document of its
    /// own (folded, scanned and extracted as a whole document is), and its facts join the
    /// record's with their offsets moved to the whole text; a unit met in several windows is one
    /// unit with all its mentions, and a model count's `partOf` still names its total. The
    /// first window gives the document's header, title and own date; later windows are read with
    /// them (the years they lack come from the document's date). Where a windowed document's facts
    /// may differ from a whole one's (see the README's memory paragraph): a fact whose words run
    /// across a cut is not found (cuts are at paragraph ends when the window has one), and what
    /// an extractor relates across a cut is not related (a restatement of a model count, a
    /// unit's short form defined in an earlier window, a date's year taken from a neighbour).
    func extractInWindows(_ document: TextDocument, record base: Record, windowBytes: Int) -> Record {
        var merged = base
        var unitIndex: [String: Int] = [:]
        for (number, window) in Self.windows(of: document.utf8, size: windowBytes).enumerated() {
            let bytes = Array(document.utf8[window])
            let part = TextDocument(text: String(decoding: bytes, as: UTF8.self), utf8: bytes)
            var record = base
            record.text = ""
            if number > 0 {
                record.header = merged.header
                record.title = merged.title
                record.titleRule = merged.titleRule
                record.date = merged.date
                record.dateSource = merged.dateSource
            }
            var context = ExtractionContext(document: part, record: record)
            context.continuesDocument = number > 0
            for extractor in extractors where number == 0 || !Self.firstWindowOnly.contains(extractor.id) {
                extractor.extract(&context)
            }
            let found = context.record
            if number == 0 {
                merged.header = found.header
                merged.title = found.title
                merged.titleRule = found.titleRule
                merged.date = found.date
                merged.dateSource = found.dateSource
            }
            let shift = document.scalarOffset(ofByte: window.lowerBound)
            for var unit in found.units {
                unit.mentions = unit.mentions.map { $0.map { $0 + shift } }
                if let index = unitIndex[unit.key] {
                    merged.units[index].mentions += unit.mentions
                } else {
                    unitIndex[unit.key] = merged.units.count
                    merged.units.append(unit)
                }
            }
            merged.people += found.people.map { var fact = $0; fact.start += shift; fact.end += shift; return fact }
            merged.dates += found.dates.map { var fact = $0; fact.start += shift; fact.end += shift; return fact }
            merged.periods += found.periods.map { var fact = $0; fact.start += shift; fact.end += shift; return fact }
            merged.deadlines += found.deadlines.map { var fact = $0; fact.start += shift; fact.end += shift; return fact }
            merged.references += found.references.map { var fact = $0; fact.start += shift; fact.end += shift; return fact }
            let before = merged.modelCounts.count
            merged.modelCounts += found.modelCounts.map { fact in
                var fact = fact
                fact.start += shift
                fact.end += shift
                fact.partOf = fact.partOf.map { $0 + before }
                return fact
            }
        }
        return merged
    }

    /// The format's own metadata wins over what rules read from the text: an HTML page's og:title
    /// is its headline (a dispatch keeps its subject line), and its published time is its date.
    /// A file's own title (a PDF's) only fills what the text left empty; how a paged document's
    /// pages were read becomes the record's `pages`, with the file's creation day. That day never
    /// becomes the record's date: it is when the file was exported, scanned or rendered, not the
    /// issue or publication date the field contract's `date` is (null when the text gives none).
    package static func applyHints(_ hints: DocumentHints, to record: inout Record) {
        if let title = hints.title, !title.isEmpty, record.kind != .dispatch {
            record.title = title
            record.titleRule = hints.titleRule
        }
        if record.title == nil, let title = hints.pageTitle, !title.isEmpty {
            record.title = title
            record.titleRule = hints.pageTitleRule ?? "title without site suffix"
        }
        // A dispatch is dated by its place-and-date line; one posted as a page without such a line is
        // dated by its publication, as an article is.
        if let published = hints.published, let date = CalendarDay.isoDatePrefix(published),
           record.kind != .dispatch || record.date == nil {
            record.date = date
            record.dateSource = hints.dateSource
        }
        record.pages = hints.pages
    }
}
