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
        var record = Record(id: input.clean.id, source: input.clean.source, kind: input.classification.kind,
                            kindReasons: input.classification.reasons,
                            text: withText ? input.clean.document.text : "")
        record.droppedLines = input.clean.droppedLines
        var context = ExtractionContext(document: input.clean.document, record: record)
        for extractor in extractors { extractor.extract(&context) }
        Self.applyHints(input.clean.hints, to: &context.record)
        if !includeText { context.record.text = "" }
        return context.record
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
        if let published = hints.published, let date = CalendarDay.isoDatePrefix(published), record.kind != .dispatch {
            record.date = date
            record.dateSource = hints.dateSource
        }
        record.pages = hints.pages
    }
}
